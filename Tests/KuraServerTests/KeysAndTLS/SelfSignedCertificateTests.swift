import Crypto
import Foundation
import KuraServer
import KuraTesting
import NIOSSL
import SwiftASN1
import Testing
import X509

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Self-signed certificate made at first start")
struct SelfSignedCertificateTests {
    /// 2026-04-01T09:30:15.75Z: a fractional second, to check truncation.
    let now = Date(timeIntervalSince1970: 1_775_035_815.75)

    @Test("the certificate parses back with the right names, validity and usages")
    func profile() throws {
        let generated = try SelfSignedCertificate.generate(
            hostNames: ["Kura.Clinic.local", "192.168.10.5", "fe80::1", "localhost"], now: now,
            using: SystemRandomBytes())
        let certificate = try Certificate(pemEncoded: generated.certificatePEM)
        #expect(certificate == generated.certificate)
        #expect(certificate.version == .v3)
        #expect(certificate.issuer == certificate.subject)

        let names = try #require(try certificate.extensions.subjectAlternativeNames)
        #expect(
            Array(names) == [
                .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
                .dnsName("kura.clinic.local"), .ipAddress(ASN1OctetString(contentBytes: [192, 168, 10, 5])),
                .ipAddress(ASN1OctetString(contentBytes: [0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
            ])

        #expect(certificate.notValidBefore == Date(timeIntervalSince1970: 1_775_035_815 - 3600))
        #expect(certificate.notValidAfter == Date(timeIntervalSince1970: 1_775_035_815 + 825 * 86_400))

        #expect(try certificate.extensions.basicConstraints == .notCertificateAuthority)
        let keyUsage = try #require(try certificate.extensions.keyUsage)
        #expect(keyUsage == KeyUsage(digitalSignature: true))
        #expect(try certificate.extensions.extendedKeyUsage == ExtendedKeyUsage([.serverAuth]))
        let critical = certificate.extensions.filter(\.critical).map(\.oid)
        #expect(Set(critical) == [.X509ExtensionID.basicConstraints, .X509ExtensionID.keyUsage])

        #expect(certificate.serialNumber.bytes.count == 20)
        #expect(certificate.serialNumber.bytes.first! & 0x80 == 0)
    }

    @Test("the private key belongs to the certificate, which it signed")
    func keyMatches() throws {
        let generated = try SelfSignedCertificate.generate(now: now, using: SystemRandomBytes())
        let certificate = try Certificate(pemEncoded: generated.certificatePEM)
        let key = try P256.Signing.PrivateKey(pemRepresentation: generated.privateKeyPEM)
        #expect(certificate.publicKey == Certificate.PublicKey(key.publicKey))
        #expect(certificate.publicKey.isValidSignature(certificate.signature, for: certificate))
        let other = try SelfSignedCertificate.generate(now: now, using: SystemRandomBytes())
        #expect(other.certificate.publicKey != certificate.publicKey)
    }

    @Test("the fingerprint is the SHA-256 of the DER as upper-case hex pairs joined by colons")
    func fingerprint() throws {
        let generated = try SelfSignedCertificate.generate(now: now, using: SystemRandomBytes())
        let text = generated.fingerprint.description
        #expect(text.count == 32 * 3 - 1)
        #expect(text.split(separator: ":").count == 32)
        #expect(
            text.split(separator: ":").allSatisfy { pair in
                pair.count == 2 && pair.allSatisfy { "0123456789ABCDEF".contains($0) }
            })
        // Independently: NIOSSL's DER of the PEM, hashed here.
        let der = try NIOSSLCertificate(bytes: Array(generated.certificatePEM.utf8), format: .pem).toDERBytes()
        let expected = SHA256.hash(data: der).map { String(format: "%02X", $0) }.joined(separator: ":")
        #expect(text == expected)
    }

    @Test(
        "host names that are neither DNS names nor IP addresses are refused",
        arguments: [
            "", "bad name", "exa_mple.jp", "-lead.jp", "trail-.jp", "a..b", "*.clinic.jp", "診療所.jp",
            "fe80::1%eth0", String(repeating: "a", count: 64) + ".jp",
        ])
    func invalidHostNames(name: String) {
        #expect(throws: TLSSetupError.invalidHostName(name)) {
            try SelfSignedCertificate.generate(hostNames: [name], now: now, using: SystemRandomBytes())
        }
    }

    @Test("the description shows the fingerprint and never the private key")
    func redacted() throws {
        let generated = try SelfSignedCertificate.generate(now: now, using: SystemRandomBytes())
        let raw = generated.privateKey.rawRepresentation
        let pemBody = generated.privateKeyPEM.split(separator: "\n").dropFirst().first.map(String.init) ?? "?"
        var dumped = ""
        dump(generated, to: &dumped)
        for rendering in [String(describing: generated), String(reflecting: generated), dumped] {
            #expect(!rendering.contains(hexString(raw)))
            #expect(!rendering.contains(hexString(raw).uppercased()))
            #expect(!rendering.contains(raw.base64EncodedString()))
            #expect(!rendering.contains(pemBody))
        }
        #expect(String(describing: generated).contains(generated.fingerprint.description))
    }

    @Test("first start writes tls/cert.pem and tls/key.pem (0600); later starts load the same pair")
    func files() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (first, created) = try SelfSignedCertificate.loadOrCreate(
            inDataFolder: folder.path, hostNames: ["kura.local"], now: now, using: SystemRandomBytes())
        #expect(created)
        #expect(folderEntries(folder.path + "/tls") == ["cert.pem", "key.pem"])
        #expect(permissionBits(SelfSignedCertificate.privateKeyPath(inDataFolder: folder.path)) == 0o600)
        #expect(permissionBits(SelfSignedCertificate.certificatePath(inDataFolder: folder.path)) == 0o644)
        #expect(permissionBits(folder.path + "/tls") == 0o700)

        let (second, createdAgain) = try SelfSignedCertificate.loadOrCreate(
            inDataFolder: folder.path, now: now.addingTimeInterval(86_400), using: SystemRandomBytes())
        #expect(!createdAgain)
        #expect(second.fingerprint == first.fingerprint)
        #expect(second.privateKey.rawRepresentation == first.privateKey.rawRepresentation)
        #expect(try SelfSignedCertificate.load(fromDataFolder: folder.path).fingerprint == first.fingerprint)
    }

    @Test("a key left without its certificate gets a new certificate; a certificate without its key is an error")
    func partialFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let certificatePath = SelfSignedCertificate.certificatePath(inDataFolder: folder.path)
        let keyPath = SelfSignedCertificate.privateKeyPath(inDataFolder: folder.path)
        let (first, _) = try SelfSignedCertificate.loadOrCreate(
            inDataFolder: folder.path, now: now, using: SystemRandomBytes())
        #expect(unlink(certificatePath) == 0)
        let (repaired, created) = try SelfSignedCertificate.loadOrCreate(
            inDataFolder: folder.path, now: now, using: SystemRandomBytes())
        #expect(created)
        #expect(repaired.certificate.publicKey == first.certificate.publicKey)
        #expect(repaired.fingerprint != first.fingerprint)

        #expect(unlink(keyPath) == 0)
        #expect(throws: TLSSetupError.incompleteSelfSignedFiles(folder: folder.path + "/tls")) {
            try SelfSignedCertificate.loadOrCreate(inDataFolder: folder.path, now: now, using: SystemRandomBytes())
        }
    }

    @Test("a generated key readable by group or others is refused")
    func insecureKey() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try SelfSignedCertificate.loadOrCreate(inDataFolder: folder.path, now: now, using: SystemRandomBytes())
        let keyPath = SelfSignedCertificate.privateKeyPath(inDataFolder: folder.path)
        #expect(chmod(keyPath, 0o640) == 0)
        #expect(throws: TLSSetupError.insecurePermissions(path: keyPath, mode: 0o100640)) {
            try SelfSignedCertificate.load(fromDataFolder: folder.path)
        }
    }
}
