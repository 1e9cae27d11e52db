import Crypto
import Foundation
import KuraCore
import SwiftASN1
import X509

/// The P-256 key and X.509 v3 certificate a server makes at first start when no certificate is configured.
///
/// Profile: subject and issuer CN "Kura self-signed", valid from an hour before `now` (for clients whose
/// clocks run slow) for 825 days (the longest validity Apple platforms accept for a trusted server
/// certificate), SANs `localhost`, 127.0.0.1, ::1 and the given host names, basic constraints CA false,
/// key usage digitalSignature, extended key usage serverAuth (RFC 5280 §4.2.1). The serial number is
/// 159 random bits (positive, 20 bytes; RFC 5280 §4.1.2.2).
public struct SelfSignedCertificate: Sendable {
    /// How long a generated certificate is valid.
    public static let validityDays = 825
    /// How far before `now` validity starts.
    public static let backdating: TimeInterval = 60 * 60
    /// The names every generated certificate carries.
    public static let defaultHostNames = ["localhost", "127.0.0.1", "::1"]

    /// The certificate.
    public let certificate: Certificate
    /// The certificate's private key.
    public let privateKey: P256.Signing.PrivateKey
    /// The certificate's DER encoding.
    public let derEncoded: [UInt8]

    init(certificate: Certificate, privateKey: P256.Signing.PrivateKey) throws(TLSSetupError) {
        self.certificate = certificate
        self.privateKey = privateKey
        do {
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            self.derEncoded = serializer.serializedBytes
        } catch {
            throw .certificateCreationFailed
        }
    }

    /// Makes a new key and certificate for `localhost`, 127.0.0.1, ::1 and `hostNames`.
    ///
    /// - Parameters:
    ///   - hostNames: extra DNS names or IP literals (e.g. the server's LAN name and address).
    ///   - now: the start of validity (less `backdating`); passed in so tests fix it.
    ///   - random: makes the private key (FIPS 186-4 B.4.2 rejection sampling) and the serial number.
    ///     The ECDSA signature itself takes BoringSSL's randomness.
    public static func generate(
        hostNames: [String] = [],
        now: Date,
        using random: some RandomBytesSource
    ) throws(TLSSetupError) -> SelfSignedCertificate {
        try issue(for: makePrivateKey(using: random), hostNames: hostNames, now: now, using: random)
    }

    /// Issues a certificate for an existing key (used when the key file survived but the certificate did not).
    static func issue(
        for privateKey: P256.Signing.PrivateKey,
        hostNames: [String],
        now: Date,
        using random: some RandomBytesSource
    ) throws(TLSSetupError) -> SelfSignedCertificate {
        var names: [GeneralName] = []
        for name in defaultHostNames + hostNames {
            let alternative = try HostName.alternativeName(for: name)
            if !names.contains(alternative) { names.append(alternative) }
        }
        // X.509 times have one-second resolution; truncating keeps what is stored equal to what was asked.
        let start = Date(timeIntervalSince1970: (now.timeIntervalSince1970 - backdating).rounded(.down))
        let end = Date(
            timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down) + Double(validityDays) * 86_400)
        var serial = random.bytes(count: 20)
        serial[0] = (serial[0] & 0x7F) | 0x40  // positive, and exactly 20 bytes after DER normalisation
        do {
            let key = Certificate.PrivateKey(privateKey)
            let name = try DistinguishedName { CommonName("Kura self-signed") }
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(bytes: serial), publicKey: key.publicKey,
                notValidBefore: start, notValidAfter: end, issuer: name, subject: name,
                signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions, issuerPrivateKey: key)
            return try SelfSignedCertificate(certificate: certificate, privateKey: privateKey)
        } catch let error as TLSSetupError {
            throw error
        } catch {
            throw .certificateCreationFailed
        }
    }

    /// A P-256 private key from the random source: a 32-byte candidate is accepted when it lies in
    /// [1, n-1] (BoringSSL checks that on import); otherwise another is drawn (FIPS 186-4 B.4.2).
    static func makePrivateKey(using random: some RandomBytesSource) -> P256.Signing.PrivateKey {
        while true {
            if let key = try? P256.Signing.PrivateKey(rawRepresentation: random.bytes(count: 32)) {
                return key
            }
        }
    }

    /// The SHA-256 fingerprint of the certificate, for printing at start.
    public var fingerprint: CertificateFingerprint {
        CertificateFingerprint(derEncodedCertificate: derEncoded)
    }

    /// The certificate as PEM (`CERTIFICATE`).
    public var certificatePEM: String {
        PEMDocument(type: "CERTIFICATE", derBytes: derEncoded).pemString
    }

    /// The private key as PEM (PKCS #8, `PRIVATE KEY`).
    public var privateKeyPEM: String {
        privateKey.pemRepresentation
    }
}

extension SelfSignedCertificate: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The fingerprint and expiry; never the private key.
    public var description: String {
        "SelfSignedCertificate(SHA-256 \(fingerprint), valid until \(certificate.notValidAfter))"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Shows the certificate only, so `dump` cannot reach the private key.
    public var customMirror: Mirror { Mirror(self, children: ["certificate": certificate]) }
}
