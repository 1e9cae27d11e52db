import NIOSSL
import SwiftASN1
import X509

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the server's certificate and key are, and how they become a NIOSSL server configuration.
///
/// TLS 1.2 and 1.3 only (NET-1; DESIGN.md "TLS by default"); TLS 1.2 suites are restricted to ECDHE with
/// AES-GCM or ChaCha20-Poly1305, the forward-secret AEAD suites of the IPA TLS guideline's
/// high-security profile (TLS 1.3 suites are all AEAD and not configurable in BoringSSL).
public struct TLSSettings: Hashable, Sendable {
    /// The oldest protocol version accepted.
    public static let minimumVersion = TLSVersion.tlsv12
    /// The newest protocol version offered.
    public static let maximumVersion = TLSVersion.tlsv13
    /// The TLS 1.2 cipher suites offered.
    public static let tls12CipherSuites: [NIOTLSCipher] = [
        .TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, .TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        .TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, .TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        .TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, .TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ]

    /// The PEM file holding the certificate, followed by any intermediates.
    public let certificateChainPath: String
    /// The PEM file holding the unencrypted private key.
    public let privateKeyPath: String
    /// Mode bits the key file must not have: group/other for generated keys, other for configured ones
    /// (a configured key may be group-readable, e.g. the `ssl-cert` group).
    let forbiddenKeyModeBits: UInt32

    /// A configured certificate chain and key (PEM).
    public init(certificateChainPath: String, privateKeyPath: String) {
        self.init(certificateChainPath: certificateChainPath, privateKeyPath: privateKeyPath, forbidden: 0o007)
    }

    /// The files `SelfSignedCertificate.loadOrCreate` keeps in the data folder.
    public static func selfSigned(inDataFolder folder: String) -> TLSSettings {
        TLSSettings(
            certificateChainPath: SelfSignedCertificate.certificatePath(inDataFolder: folder),
            privateKeyPath: SelfSignedCertificate.privateKeyPath(inDataFolder: folder), forbidden: 0o077)
    }

    private init(certificateChainPath: String, privateKeyPath: String, forbidden: UInt32) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
        self.forbiddenKeyModeBits = forbidden
    }

    /// Reads the files, checks that the key belongs to the leaf certificate, and builds the configuration.
    ///
    /// A NIOSSL context is made from the result once, so every problem surfaces at start (fail fast).
    public func makeServerConfiguration() throws(TLSSetupError) -> TLSConfiguration {
        let chainPEM = try read(certificateChainPath, forbidden: 0)
        let keyPEM = try read(privateKeyPath, forbidden: forbiddenKeyModeBits)

        let chain: [NIOSSLCertificate]
        let leaf: Certificate
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(chainPEM)
            guard let first = chain.first else { throw TLSSetupError.invalidCertificate(path: certificateChainPath) }
            leaf = try Certificate(derEncoded: first.toDERBytes())
        } catch {
            throw .invalidCertificate(path: certificateChainPath)
        }
        let key: NIOSSLPrivateKey
        let keyPublic: Certificate.PublicKey
        do {
            key = try NIOSSLPrivateKey(bytes: keyPEM, format: .pem)
            keyPublic = try Certificate.PrivateKey(pemEncoded: String(decoding: keyPEM, as: UTF8.self)).publicKey
        } catch {
            throw .invalidPrivateKey(path: privateKeyPath)
        }
        guard keyPublic == leaf.publicKey else {
            throw .keyDoesNotMatchCertificate(certificatePath: certificateChainPath, privateKeyPath: privateKeyPath)
        }

        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = Self.minimumVersion
        configuration.maximumTLSVersion = Self.maximumVersion
        configuration.cipherSuiteValues = Self.tls12CipherSuites
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .configurationRefused
        }
        return configuration
    }

    private func read(_ path: String, forbidden: UInt32) throws(TLSSetupError) -> [UInt8] {
        do {
            return try PrivateFile.read(at: path, maxBytes: 1024 * 1024, forbiddenModeBits: mode_t(forbidden))
        } catch {
            throw SelfSignedCertificate.map(error, path: path)
        }
    }
}
