/// Why a snapshot could not be written or loaded.
///
/// Cases name tables, columns and counts only: never a value, so that an error can be logged
/// and shown as it is (STYLE 4).
public enum SnapshotError: Error, Sendable, Equatable {
    /// The snapshot's bytes do not follow the portable row format, or a row does not fit its
    /// table.
    case malformed(String)
    /// The target database already holds data; a restore never merges (BAK-3).
    case targetNotEmpty(String)
    /// The snapshot was written in another portable format version than this Kura reads.
    case formatMismatch(snapshot: Int, binary: Int)
    /// The store failed.
    case store(StoreError)
}

extension SnapshotError: CustomStringConvertible {
    /// A message fit for logs and operators.
    public var description: String {
        switch self {
        case .malformed(let what): "the snapshot is malformed: \(what)"
        case .targetNotEmpty(let what): "the target database is not empty (\(what)); restore only into a new one"
        case .formatMismatch(let snapshot, let binary):
            "the snapshot has format version \(snapshot) and this Kura reads version \(binary); "
                + "restore it with the Kura release that wrote it"
        case .store(let error): error.description
        }
    }
}
