import KuraCore
import KuraServer
import KuraStore

/// The ledger event the benchmark appends: shaped like a finalized record version (DESIGN
/// "Leaves": kind, record id, version, hash of the ciphertext, author, finalizer, time), with
/// opaque ids only, so its details row has a realistic size (about 190 bytes).
enum SampleEvent {
    /// The event kind.
    static let kind = "record.finalized"

    /// A fixed stand-in for the base64 SHA-256 of a record version's ciphertext.
    static let contentHash = "q1Vd0dJ0yQzJ8m6aHh0b3rYwZbq0n3hF5sS0v4l5m1k="

    /// The extra fields of the `sequence`-th event, written by writer `writer`.
    static func fields(writer: Int, sequence: Int) -> [String: CanonicalJSON] {
        [
            "record": .string("rec-\(writer)-\(sequence)"),
            "version": .integer(Int64(sequence % 7 + 1)),
            "content": .string(contentHash),
            "author": .string("usr-\(writer)"),
            "finalizer": .string("usr-\(writer + 1)"),
        ]
    }

    /// `count` appends built exactly as the server builds them (``LedgerEvents``), for the
    /// baselines, which must write and hash the same bytes as the real path.
    static func appends(count: Int, events: LedgerEvents) throws -> [LedgerAppend] {
        try (0..<count).map { sequence in
            let write = try events.append(kind: kind, fields: fields(writer: sequence % 64, sequence: sequence))
            switch write {
            case .appendLeaf(let append): return append
            default: preconditionFailure("LedgerEvents.append makes only appends")
            }
        }
    }
}
