/// The first thing `kura verify log` found wrong, naming the leaf index, row or checkpoint.
///
/// Cases carry indices, sizes and tile coordinates only: nothing from the details.
public enum LogVerificationFailure: Error, Sendable, Equatable {
    /// No leaf and no details row at this index, although later indices exist (a deleted row).
    case missingRow(index: UInt64)
    /// The details row exists but its leaf is missing.
    case missingLeaf(index: UInt64)
    /// The leaf exists but its details row is missing.
    case missingDetails(index: UInt64)
    /// The leaf bytes are not a well-formed Kura leaf.
    case malformedLeaf(index: UInt64)
    /// The details row (details or salt) does not match the leaf's commitment.
    case commitmentMismatch(index: UInt64)
    /// A stored checkpoint's note does not verify with the log's key, or is not a checkpoint
    /// of this log.
    case checkpointSignature(size: UInt64)
    /// A stored checkpoint's size or root column differs from what its signed note says.
    case checkpointRecordMismatch(size: UInt64)
    /// The tree recomputed from the leaves has a different root at a checkpointed size.
    case checkpointRoot(size: UInt64)
    /// A checkpoint claims more leaves than the database holds.
    case checkpointBeyondLog(size: UInt64)
    /// A stored tile differs from the tile recomputed from the leaves.
    case tileMismatch(level: Int, index: UInt64)
    /// A tile that the latest checkpoint covers is missing.
    case missingTile(level: Int, index: UInt64)
}

extension LogVerificationFailure: CustomStringConvertible {
    /// A one-line explanation naming the place, for `kura verify log`.
    public var description: String {
        switch self {
        case .missingRow(let index): "leaf \(index): no leaf and no details row (a row was deleted)"
        case .missingLeaf(let index): "leaf \(index): the leaf row is missing"
        case .missingDetails(let index): "leaf \(index): the details row is missing"
        case .malformedLeaf(let index): "leaf \(index): the leaf is not a well-formed Kura leaf"
        case .commitmentMismatch(let index): "leaf \(index): the details row does not match the leaf's commitment"
        case .checkpointSignature(let size): "checkpoint \(size): the signed note does not verify with the log's key"
        case .checkpointRecordMismatch(let size):
            "checkpoint \(size): the stored size or root differs from the signed note"
        case .checkpointRoot(let size): "checkpoint \(size): the root differs from the tree recomputed from the leaves"
        case .checkpointBeyondLog(let size): "checkpoint \(size): it covers more leaves than the database holds"
        case .tileMismatch(let level, let index): "tile \(level)/\(index): differs from the recomputed tree"
        case .missingTile(let level, let index): "tile \(level)/\(index): missing"
        }
    }
}
