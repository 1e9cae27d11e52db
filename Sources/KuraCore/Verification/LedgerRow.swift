/// A numbered leaf with the details row it commits to, as read by the verifier.
public struct LedgerRow: Sendable, Equatable {
    /// The leaf index.
    public var index: UInt64
    /// The leaf bytes, or nil when the leaf row is missing.
    public var leaf: [UInt8]?
    /// The salt, or nil when the details row is missing.
    public var salt: [UInt8]?
    /// The details, or nil when the details row is missing.
    public var details: [UInt8]?

    /// Creates a row.
    public init(index: UInt64, leaf: [UInt8]?, salt: [UInt8]?, details: [UInt8]?) {
        self.index = index
        self.leaf = leaf
        self.salt = salt
        self.details = details
    }
}
