import KuraCore
import KuraStore

/// Builds ledger appends from event details: a fresh salt, the commitment, the leaf.
///
/// Details are canonical JSON of opaque ids, kinds and times only (never PHI); the log holds
/// only the salted commitment (DESIGN "Leaves").
public struct LedgerEvents: Sendable {
    let clock: @Sendable () -> Int64

    /// Creates a maker reading time from `clock` (ms since the Unix epoch, UTC).
    public init(clock: @escaping @Sendable () -> Int64) {
        self.clock = clock
    }

    /// An append for an event of `kind` with extra `fields`, stamped now.
    ///
    /// `kind` and `at` are set here and win over same-named fields.
    public func append(kind: String, fields: [String: CanonicalJSON] = [:]) throws -> StoreWrite {
        let now = clock()
        var details = fields
        details["kind"] = .string(kind)
        details["at"] = try CanonicalTime(epochMilliseconds: now).json
        let json = CanonicalJSON.object(details)
        var generator = SystemRandomNumberGenerator()
        let salt = LedgerSalt(using: &generator)
        // Serialise once: the commitment covers exactly the bytes stored in the details row.
        let canonical = try json.canonicalBytes()
        let leaf = LedgerLeaf(commitment: LedgerCommitment(canonicalDetails: canonical, salt: salt))
        return .appendLeaf(LedgerAppend(leaf: leaf.bytes, salt: salt.bytes, details: canonical, appendedAt: now))
    }
}
