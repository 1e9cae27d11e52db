/// A signed checkpoint as stored: the tree it commits to and the signed note.
public struct StoredCheckpoint: Sendable, Equatable {
    /// The tree size.
    public var size: UInt64
    /// The root hash at that size.
    public var root: LogHash
    /// The C2SP signed note, exactly as served at `/log/checkpoint`.
    public var note: [UInt8]
    /// When it was sealed, in milliseconds since the Unix epoch (UTC).
    public var sealedAt: Int64

    /// Creates a stored checkpoint.
    public init(size: UInt64, root: LogHash, note: [UInt8], sealedAt: Int64) {
        self.size = size
        self.root = root
        self.note = note
        self.sealedAt = sealedAt
    }
}
