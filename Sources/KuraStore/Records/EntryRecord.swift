import KuraCore

/// The head of a clinical entry: its current version's state and sealed body, for fast charts;
/// every version is also kept as a ``RecordVersion`` with its ledger leaf.
public struct EntryRecord: Sendable, Equatable {
    /// The opaque entry id (`ent_…`).
    public var id: String
    /// The patient the entry is about.
    public var patientID: String
    /// The entry type (`progress-note`, `home-visit`, …), plain.
    public var kind: String
    /// The current state.
    public var state: EntryState
    /// Starts at 1 and rises by one with every version (compare-and-swap); the current version.
    public var revision: Int64
    /// The account that wrote the first version (the clerk or nurse of a proxy entry).
    public var author: String
    /// The physician a proxy entry was made for, if any (ACC-6).
    public var onBehalfOf: String?
    /// When the first version was recorded.
    public var createdAt: Int64
    /// When the current version was recorded.
    public var updatedAt: Int64
    /// When the care happened, when it differs from the recording (back entry, visits).
    public var careAt: Int64?
    /// Who finalized (or approved) it.
    public var finalizedBy: String?
    /// When.
    public var finalizedAt: Int64?
    /// The sealed body of the current version, context `<id>/body/<revision>`.
    public var sealedBody: [UInt8]

    /// Creates an entry head.
    public init(
        id: String, patientID: String, kind: String, state: EntryState, revision: Int64, author: String,
        onBehalfOf: String?, createdAt: Int64, updatedAt: Int64, careAt: Int64?, finalizedBy: String?,
        finalizedAt: Int64?, sealedBody: [UInt8]
    ) {
        self.id = id
        self.patientID = patientID
        self.kind = kind
        self.state = state
        self.revision = revision
        self.author = author
        self.onBehalfOf = onBehalfOf
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.careAt = careAt
        self.finalizedBy = finalizedBy
        self.finalizedAt = finalizedAt
        self.sealedBody = sealedBody
    }
}
