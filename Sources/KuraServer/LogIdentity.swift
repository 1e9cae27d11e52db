import Foundation
import KuraCore

/// Reads an existing data folder's log identity without creating anything (CLI commands
/// other than `serve` must never make keys).
public enum LogIdentity {
    /// The log's signer from the data folder (or a configured key file).
    public static func signer(dataDirectory: String, keyFile: String?, passphrase: String?) throws -> NoteSigner {
        let identityPath = "\(dataDirectory)/\(InstanceIdentity.fileName)"
        guard FileManager.default.fileExists(atPath: identityPath) else {
            throw LogIdentityError.noDataFolder(dataDirectory)
        }
        let identity = try JSONDecoder().decode(
            InstanceIdentity.self,
            from: Data(try PrivateFile.read(at: identityPath, maxBytes: 4096))
        )
        let source = FileKeySource.configured(
            path: keyFile ?? "\(dataDirectory)/\(FileKeySource.fileName)",
            passphrase: passphrase
        )
        let material = try source.load().material
        return try NoteSigner(name: identity.origin, privateKey: material.logSigningSeed.signingKey)
    }

    /// The verifier key string `<origin>+<key id>+<base64 key>`.
    public static func verifierKey(dataDirectory: String, keyFile: String?, passphrase: String?) throws -> String {
        try signer(dataDirectory: dataDirectory, keyFile: keyFile, passphrase: passphrase).verifier.description
    }
}

/// Why the log identity could not be read.
public enum LogIdentityError: Error, CustomStringConvertible {
    /// The folder was never initialised by `kura serve`.
    case noDataFolder(String)

    /// A message for the operator.
    public var description: String {
        switch self {
        case .noDataFolder(let path): "\(path) is not a Kura data folder (start `kura serve` once to create it)"
        }
    }
}
