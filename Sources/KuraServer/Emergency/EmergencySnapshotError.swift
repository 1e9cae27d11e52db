import KuraCore

/// Why the emergency key or a snapshot could not be made (REC-3). Messages name paths, dates
/// and counts, which are not PHI, and never a patient's data, a key or the passphrase.
public enum EmergencySnapshotError: Error, CustomStringConvertible {
    /// `kura keys emergency-init` found a key already (the passphrase is shown only once).
    case keyExists(path: String)
    /// Snapshots are configured but `kura keys emergency-init` was never run.
    case keyMissing(path: String)
    /// The key file is unreadable, readable by others, malformed or not this clinic's.
    case keyUnusable(path: String, reason: String)
    /// No destination folder is configured.
    case notConfigured
    /// The destination folder does not exist (an unmounted share must not fill the server's disk).
    case destinationMissing(path: String)
    /// A file operation failed.
    case file(operation: String, path: String, errno: Int32)
    /// A page could not be sealed.
    case sealing(EmergencyError)
    /// The run was cancelled (shutdown) before it finished; nothing was published.
    case cancelled
    /// Reading the records or committing the audit event or the ledger leaf failed.
    case records(RecordError)

    /// A message for the operator.
    public var description: String {
        switch self {
        case .keyExists(let path):
            "\(path) exists: the emergency key was made already (its passphrase is shown only once)"
        case .keyMissing(let path):
            "\(path) is missing: run `kura keys emergency-init` once and give the passphrase to the security officer"
        case .keyUnusable(let path, let reason): "\(path) cannot be used: \(reason)"
        case .notConfigured: "no emergency snapshot folder is configured (emergency.directory, or --to)"
        case .destinationMissing(let path):
            "the emergency snapshot folder \(path) does not exist (emergency.directory, --to); mount or create it"
        case .file(let operation, let path, let errno): "\(operation) \(path) failed (errno \(errno))"
        case .cancelled: "the emergency snapshot was cancelled before it finished; nothing was published"
        case .sealing(let error): "an emergency page could not be sealed: \(error)"
        case .records(let error): "the records could not be read for the emergency snapshot: \(error)"
        }
    }
}
