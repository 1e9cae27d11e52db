import Foundation

/// Why a backup, verification or restore failed. Cases name files, folders and counts only:
/// never a key, a passphrase or a record's content (STYLE 4).
public enum BackupError: Error, Sendable, Equatable {
    /// `kura keys recovery-init` has not been run: there is no key to wrap generations to.
    case noRecoveryKey(dataFolder: String)
    /// The recovery key exists already; it is made once (replacing it needs a new init folder).
    case recoveryKeyExists(path: String)
    /// The folder holds no complete generation (no manifest).
    case noGeneration(String)
    /// A generation without its manifest: it never completed and is not a backup.
    case incomplete(String)
    /// A file listed in the manifest is missing.
    case fileMissing(String)
    /// A file's bytes differ from the manifest's size or SHA-256.
    case fileChanged(String)
    /// A file does not decrypt or decode: damaged, truncated or not Kura's.
    case fileDamaged(String, reason: String)
    /// A file in the generation that the manifest does not list.
    case unexpectedFile(String)
    /// The restore target holds data; a restore never merges (BAK-3).
    case targetNotEmpty(String)
    /// The generation was written by an incompatible Kura.
    case unsupported(String)
    /// A backup file could not be written (a full disk, a read-only medium).
    case cannotWrite(String, reason: String)
}

extension BackupError: CustomStringConvertible {
    /// A message for the operator.
    public var description: String {
        switch self {
        case .noRecoveryKey(let folder):
            "no recovery key in \(folder): run `kura keys recovery-init` once and give the key to the security officer"
        case .recoveryKeyExists(let path):
            "a recovery key already exists (\(path)); it is made once, and backups are wrapped to it"
        case .noGeneration(let folder): "\(folder) holds no complete backup generation"
        case .incomplete(let folder): "\(folder) is an incomplete generation (no manifest): it is not a backup"
        case .fileMissing(let name): "backup file \(name) is missing"
        case .fileChanged(let name): "backup file \(name) does not match its SHA-256 in the manifest"
        case .fileDamaged(let name, let reason): "backup file \(name) is damaged: \(reason)"
        case .unexpectedFile(let name): "backup file \(name) is not listed in the manifest"
        case .targetNotEmpty(let what): "the restore target \(what) is not empty; restore only into a new one"
        case .unsupported(let what): "unsupported backup: \(what)"
        case .cannotWrite(let name, let reason): "cannot write backup file \(name): \(reason)"
        }
    }
}

extension BackupError {
    /// `error` from writing `name`, with the system's reason (for example "No space left on
    /// device") instead of Foundation's wrapper.
    static func writing(_ name: String, _ error: any Error) -> BackupError {
        var current = error as NSError
        while let underlying = current.userInfo[NSUnderlyingErrorKey] as? NSError { current = underlying }
        let reason =
            current.domain == NSPOSIXErrorDomain
            ? String(cString: strerror(Int32(current.code))) : "\(current.domain) \(current.code)"
        return .cannotWrite(name, reason: reason)
    }
}
