import Crypto
import Foundation
import KuraCore
import SwiftASN1
import X509

extension SelfSignedCertificate {
    /// The folder inside the data folder that holds the generated files.
    public static let folderName = "tls"

    /// `<dataFolder>/tls/cert.pem`.
    public static func certificatePath(inDataFolder folder: String) -> String {
        folder + "/" + folderName + "/cert.pem"
    }

    /// `<dataFolder>/tls/key.pem` (mode 0600).
    public static func privateKeyPath(inDataFolder folder: String) -> String {
        folder + "/" + folderName + "/key.pem"
    }

    /// Loads the generated pair from the data folder, making it first if there is none.
    ///
    /// The key is written before the certificate, so a crash between the two leaves a key without a
    /// certificate, which is repaired by issuing a certificate for that key. Neither file is ever
    /// overwritten. Returns whether anything was created (print the fingerprint then).
    public static func loadOrCreate(
        inDataFolder folder: String,
        hostNames: [String] = [],
        now: Date,
        using random: some RandomBytesSource
    ) throws(TLSSetupError) -> (certificate: SelfSignedCertificate, created: Bool) {
        let tlsFolder = folder + "/" + folderName
        let certificatePath = certificatePath(inDataFolder: folder)
        let keyPath = privateKeyPath(inDataFolder: folder)
        do {
            try PrivateFile.makeFolder(at: tlsFolder, mode: 0o700)
        } catch {
            throw map(error, path: tlsFolder)
        }
        let hasKey = PrivateFile.exists(at: keyPath)
        let hasCertificate = PrivateFile.exists(at: certificatePath)
        if hasKey && hasCertificate {
            return (try load(fromDataFolder: folder), false)
        }
        if hasCertificate { throw .incompleteSelfSignedFiles(folder: tlsFolder) }

        let generated: SelfSignedCertificate
        if hasKey {
            let key = try readPrivateKey(at: keyPath)
            generated = try issue(for: key, hostNames: hostNames, now: now, using: random)
        } else {
            generated = try generate(hostNames: hostNames, now: now, using: random)
            try create(keyPath, contents: Array(generated.privateKeyPEM.utf8), mode: 0o600, random: random)
        }
        try create(certificatePath, contents: Array(generated.certificatePEM.utf8), mode: 0o644, random: random)
        // Read back what is on disk, so a concurrent start that won a race is what this one serves too.
        return (try load(fromDataFolder: folder), true)
    }

    /// Loads the generated pair and checks that the key belongs to the certificate.
    public static func load(fromDataFolder folder: String) throws(TLSSetupError) -> SelfSignedCertificate {
        let certificatePath = certificatePath(inDataFolder: folder)
        let keyPath = privateKeyPath(inDataFolder: folder)
        let key = try readPrivateKey(at: keyPath)
        let certificate: Certificate
        do {
            let pem = try PrivateFile.read(at: certificatePath, maxBytes: 64 * 1024)
            certificate = try Certificate(pemEncoded: String(decoding: pem, as: UTF8.self))
        } catch let failure as PrivateFile.Failure {
            throw map(failure, path: certificatePath)
        } catch {
            throw .invalidCertificate(path: certificatePath)
        }
        guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
            throw .keyDoesNotMatchCertificate(certificatePath: certificatePath, privateKeyPath: keyPath)
        }
        return try SelfSignedCertificate(certificate: certificate, privateKey: key)
    }

    private static func readPrivateKey(at path: String) throws(TLSSetupError) -> P256.Signing.PrivateKey {
        let pem: [UInt8]
        do {
            pem = try PrivateFile.read(at: path, maxBytes: 64 * 1024, forbiddenModeBits: 0o077)
        } catch {
            throw map(error, path: path)
        }
        do {
            return try P256.Signing.PrivateKey(pemRepresentation: String(decoding: pem, as: UTF8.self))
        } catch {
            throw .invalidPrivateKey(path: path)
        }
    }

    private static func create(
        _ path: String,
        contents: [UInt8],
        mode: mode_t,
        random: some RandomBytesSource
    ) throws(TLSSetupError) {
        do {
            _ = try PrivateFile.createExclusively(at: path, contents: contents, mode: mode, random: random)
        } catch {
            throw map(error, path: path)
        }
    }

    static func map(_ failure: PrivateFile.Failure, path: String) -> TLSSetupError {
        switch failure {
        case .missing: .missingFile(path: path)
        case .insecureMode(let mode): .insecurePermissions(path: path, mode: mode)
        case .notRegular: .notARegularFile(path: path)
        case .tooLarge: .tooLarge(path: path)
        case .system(let operation, let code): .io(path: path, operation: operation, errno: code)
        }
    }
}
