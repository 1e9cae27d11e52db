import Foundation
import KuraCore

/// Reads an existing data folder's log identity without creating anything (CLI commands
/// other than `serve` must never make keys).
public enum LogIdentity {
    /// The log's signer from the data folder (or a configured key file).
    public static func signer(dataDirectory: String, keyFile: String?, passphrase: String?) throws -> NoteSigner {
        let (identity, keys) = try load(dataDirectory: dataDirectory, keyFile: keyFile, passphrase: passphrase)
        return try identity.signer(keys: keys)
    }

    /// The data folder's identity and key material (the key file may be a configured one).
    public static func load(
        dataDirectory: String,
        keyFile: String?,
        passphrase: String?
    ) throws -> (identity: InstanceIdentity, keys: ClinicKeyMaterial) {
        guard FileManager.default.fileExists(atPath: "\(dataDirectory)/\(InstanceIdentity.fileName)") else {
            throw LogIdentityError.noDataFolder(dataDirectory)
        }
        let identity = try InstanceIdentity.read(inDataFolder: dataDirectory)
        let source = FileKeySource.configured(
            path: keyFile ?? "\(dataDirectory)/\(FileKeySource.fileName)",
            passphrase: passphrase
        )
        return (identity, try source.load().material)
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
