import Foundation
import KuraServer
import KuraTesting
import NIOSSL
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("TLSSettings: NIOSSL server configuration, TLS 1.2 and 1.3 only (NET-1)")
struct TLSSettingsTests {
    let now = Date(timeIntervalSince1970: 1_775_035_815)

    @Test("the generated files give a TLS 1.2–1.3 configuration that NIOSSL accepts")
    func fromGeneratedFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try SelfSignedCertificate.loadOrCreate(inDataFolder: folder.path, now: now, using: SystemRandomBytes())
        let configuration = try TLSSettings.selfSigned(inDataFolder: folder.path).makeServerConfiguration()
        #expect(configuration.minimumTLSVersion == .tlsv12)
        #expect(configuration.maximumTLSVersion == .tlsv13)
        _ = try NIOSSLContext(configuration: configuration)
        let suites = configuration.cipherSuiteValues
        #expect(!suites.isEmpty)
        #expect(Set(suites).isSubset(of: Set(TLSSettings.tls12CipherSuites)))
        #expect(!suites.contains(.TLS_RSA_WITH_AES_128_GCM_SHA256))
        #expect(!suites.contains(.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA))
    }

    @Test("configured PEM files (group-readable key allowed) build a configuration")
    func configuredFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let generated = try SelfSignedCertificate.generate(now: now, using: SystemRandomBytes())
        let certificatePath = folder.path + "/fullchain.pem"
        let keyPath = folder.path + "/privkey.pem"
        #expect(writeFile(certificatePath, Array(generated.certificatePEM.utf8), mode: 0o644))
        #expect(writeFile(keyPath, Array(generated.privateKeyPEM.utf8), mode: 0o640))
        let configuration = try TLSSettings(certificateChainPath: certificatePath, privateKeyPath: keyPath)
            .makeServerConfiguration()
        #expect(configuration.minimumTLSVersion == .tlsv12)
    }

    @Test("missing files are reported by path")
    func missing() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let settings = TLSSettings.selfSigned(inDataFolder: folder.path)
        #expect(throws: TLSSetupError.missingFile(path: settings.certificateChainPath)) {
            try settings.makeServerConfiguration()
        }
        let generated = try SelfSignedCertificate.generate(now: now, using: SystemRandomBytes())
        let certificatePath = folder.path + "/cert.pem"
        #expect(writeFile(certificatePath, Array(generated.certificatePEM.utf8)))
        let noKey = TLSSettings(certificateChainPath: certificatePath, privateKeyPath: folder.path + "/none.pem")
        #expect(throws: TLSSetupError.missingFile(path: folder.path + "/none.pem")) {
            try noKey.makeServerConfiguration()
        }
    }

    @Test("a key that belongs to another certificate is refused")
    func mismatch() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let one = try SelfSignedCertificate.generate(now: now, using: SystemRandomBytes())
        let two = try SelfSignedCertificate.generate(now: now, using: SystemRandomBytes())
        let certificatePath = folder.path + "/cert.pem"
        let keyPath = folder.path + "/key.pem"
        #expect(writeFile(certificatePath, Array(one.certificatePEM.utf8)))
        #expect(writeFile(keyPath, Array(two.privateKeyPEM.utf8)))
        let settings = TLSSettings(certificateChainPath: certificatePath, privateKeyPath: keyPath)
        #expect(
            throws: TLSSetupError.keyDoesNotMatchCertificate(certificatePath: certificatePath, privateKeyPath: keyPath)
        ) {
            try settings.makeServerConfiguration()
        }
    }

    @Test("files that are not PEM certificates or keys, or a world-readable key, are refused")
    func invalidFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let generated = try SelfSignedCertificate.generate(now: now, using: SystemRandomBytes())
        let certificatePath = folder.path + "/cert.pem"
        let keyPath = folder.path + "/key.pem"
        let settings = TLSSettings(certificateChainPath: certificatePath, privateKeyPath: keyPath)

        #expect(writeFile(certificatePath, Array("not a certificate".utf8)))
        #expect(writeFile(keyPath, Array(generated.privateKeyPEM.utf8)))
        #expect(throws: TLSSetupError.invalidCertificate(path: certificatePath)) {
            try settings.makeServerConfiguration()
        }

        #expect(writeFile(certificatePath, Array(generated.certificatePEM.utf8)))
        #expect(writeFile(keyPath, Array(generated.certificatePEM.utf8)))
        #expect(throws: TLSSetupError.invalidPrivateKey(path: keyPath)) { try settings.makeServerConfiguration() }

        #expect(writeFile(keyPath, Array(generated.privateKeyPEM.utf8), mode: 0o604))
        #expect(throws: TLSSetupError.insecurePermissions(path: keyPath, mode: 0o100604)) {
            try settings.makeServerConfiguration()
        }
    }
}
