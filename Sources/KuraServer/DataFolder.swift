import Crypto
import Foundation
import KuraCore

/// The data folder's identity file: which clinic and which log this folder serves.
///
/// Written once at first start (never rewritten), because the origin is the log's identity:
/// it must survive restarts and restores (DESIGN "Checkpoints").
public struct InstanceIdentity: Codable, Equatable, Sendable {
    /// The clinic's opaque id (the key file is bound to it).
    public var clinicID: String
    /// The log's origin, which is also the signing key's name.
    public var origin: String

    /// The file name inside the data folder.
    public static let fileName = "instance.json"

    /// Reads the identity file of `folder`.
    static func read(inDataFolder folder: String) throws -> InstanceIdentity {
        let bytes = try PrivateFile.read(at: "\(folder)/\(fileName)", maxBytes: 4096)
        return try JSONDecoder().decode(InstanceIdentity.self, from: Data(bytes))
    }

    /// The log's checkpoint signer: the clinic's log key, named by the origin.
    func signer(keys: ClinicKeyMaterial) throws -> NoteSigner {
        try NoteSigner(name: origin, privateKey: keys.logSigningSeed.signingKey)
    }
}

/// What `kura serve` found or created in the data folder at start.
public struct PreparedDataFolder: Sendable {
    /// The clinic and log identity.
    public let identity: InstanceIdentity
    /// The clinic's root keys.
    public let keys: ClinicKeyMaterial
    /// The log's checkpoint signer (its name is the origin).
    public let signer: NoteSigner
    /// The TLS files to serve, or nil for `--insecure-http`.
    public let tls: TLSSettings?
    /// The SHA-256 fingerprint of the served certificate, when Kura made it.
    public let certificateFingerprint: String?
    /// The one-time setup code for the first administrator, shown only at first start.
    public let setupCode: String?
    /// The first-start events to record in the log ("data-folder.created", "keys.created").
    public let startEvents: [String]
}

/// First start and every start: the data folder, identity, keys, TLS certificate.
public enum DataFolder {
    /// Creates what is missing and loads what exists.
    public static func prepare(
        configuration: ServerConfiguration,
        now: Date = Date(),
        random: some RandomBytesSource = SystemRandomBytes()
    ) throws -> PreparedDataFolder {
        let folder = configuration.dataDirectory
        var events: [String] = []
        if !FileManager.default.fileExists(atPath: folder) {
            try PrivateFile.makeFolder(at: folder, mode: 0o700)
            events.append("data-folder.created")
        }
        let identity = try loadOrCreateIdentity(in: folder, configuration: configuration, random: random)

        let source: FileKeySource =
            if let keyFile = configuration.keyFile {
                .configured(path: keyFile, passphrase: configuration.keyPassphrase)
            } else {
                .dataFolder(
                    folder,
                    clinicID: identity.clinicID,
                    passphrase: configuration.keyPassphrase,
                    random: random
                )
            }
        let loaded = try source.load()
        if loaded.created { events.append("keys.created") }
        let signer = try identity.signer(keys: loaded.material)

        var tls: TLSSettings?
        var fingerprint: String?
        if !configuration.insecureHTTP {
            if let certificate = configuration.tlsCertificate, let key = configuration.tlsKey {
                tls = TLSSettings(certificateChainPath: certificate, privateKeyPath: key)
            } else {
                let (certificate, _) = try SelfSignedCertificate.loadOrCreate(
                    inDataFolder: folder,
                    hostNames: configuration.isLoopback ? [] : [configuration.host],
                    now: now,
                    using: random
                )
                tls = .selfSigned(inDataFolder: folder)
                fingerprint = certificate.fingerprint.description
            }
        }

        let setupCode = try createSetupCodeIfFirstStart(in: folder, random: random)
        return PreparedDataFolder(
            identity: identity,
            keys: loaded.material,
            signer: signer,
            tls: tls,
            certificateFingerprint: fingerprint,
            setupCode: setupCode,
            startEvents: events
        )
    }

    /// The identity file's contents, creating it at first start.
    static func loadOrCreateIdentity(
        in folder: String,
        configuration: ServerConfiguration,
        random: some RandomBytesSource
    ) throws -> InstanceIdentity {
        let path = "\(folder)/\(InstanceIdentity.fileName)"
        if !PrivateFile.exists(at: path) {
            let clinicID = "clinic-" + random.bytes(count: 4).map { String(format: "%02x", $0) }.joined()
            let origin = configuration.origin ?? defaultOrigin(clinicID: clinicID)
            // Refuse a bad origin now rather than at the first checkpoint.
            _ = try Checkpoint(origin: origin, size: 0, root: RFC6962.emptyRoot)
            let identity = InstanceIdentity(clinicID: clinicID, origin: origin)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            _ = try PrivateFile.createExclusively(
                at: path,
                contents: Array(try encoder.encode(identity)) + [0x0a],
                mode: 0o644,
                random: random
            )
        }
        return try InstanceIdentity.read(inDataFolder: folder)
    }

    /// `<host name>/<clinic id>`: stable once written, whatever the host is renamed to later.
    static func defaultOrigin(clinicID: String) -> String {
        let host = ProcessInfo.processInfo.hostName.lowercased().filter {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".")
        }
        return "\(host.isEmpty ? "kura" : host)/\(clinicID)"
    }

    /// The hex SHA-256 of the setup code, or nil when this data folder has none.
    public static func setupCodeDigest(in folder: String) -> String? {
        guard let data = FileManager.default.contents(atPath: "\(folder)/setup-code.sha256"),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        let digest = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return digest.isEmpty ? nil : digest
    }

    /// The stored form of a setup code: the hex SHA-256 of its text.
    static func setupCodeDigest(of code: String) -> String {
        SHA256.hash(data: Array(code.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// At first start, a one-time code for creating the first administrator: only its SHA-256
    /// is kept (0600), and the code itself is shown once. Returns nil on later starts.
    static func createSetupCodeIfFirstStart(in folder: String, random: some RandomBytesSource) throws -> String? {
        let path = "\(folder)/setup-code.sha256"
        guard !PrivateFile.exists(at: path) else { return nil }
        // 16 characters of Crockford's base32 (80 bits), grouped for reading aloud.
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        let characters = random.bytes(count: 16).map { alphabet[Int($0 & 31)] }
        let code = stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
        let digest = setupCodeDigest(of: code)
        guard try PrivateFile.createExclusively(at: path, contents: Array(digest.utf8), mode: 0o600, random: random)
        else { return nil }
        return code
    }
}
