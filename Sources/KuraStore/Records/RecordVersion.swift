import KuraCore

/// One version of a patient's demographics, a structured list or a clinical entry, kept
/// forever (REC-2: nothing is deleted, every change is a new version) and bound to the ledger
/// leaf appended just before it in the same write unit.
public struct RecordVersion: Sendable, Equatable {
    /// The object (`pat_…`, `lst_…`, `ent_…`).
    public var objectID: String
    /// The version, from 1; unique per object.
    public var version: Int64
    /// The patient the object belongs to.
    public var patientID: String
    /// What the object is: `patient`, `list.allergies`, `entry.progress-note`, ….
    public var kind: String
    /// The state word after this version (an ``EntryState`` for entries; `current` or `merged`
    /// for patients; `current` for lists).
    public var state: String
    /// The account that wrote this version.
    public var author: String
    /// The physician a proxy entry was made for, if any.
    public var onBehalfOf: String?
    /// When this version was recorded.
    public var recordedAt: Int64
    /// When the care happened, if given.
    public var careAt: Int64?
    /// Who finalized or approved, if this version is final.
    public var finalizedBy: String?
    /// When.
    public var finalizedAt: Int64?
    /// The sealed content of this version (the head's sealed document at this version).
    public var sealedBody: [UInt8]
    /// The sealed reason for the change (required for amendments, entered-in-error, rejection
    /// and merges), context `<objectID>/reason/<version>`.
    public var sealedReason: [UInt8]?
    /// The ledger leaf of this version, filled in by the store from the unit's preceding
    /// ``StoreWrite/appendLeaf(_:)``; ignored on insert.
    public var leafID: LeafID?

    /// Creates a version.
    public init(
        objectID: String, version: Int64, patientID: String, kind: String, state: String, author: String,
        onBehalfOf: String?, recordedAt: Int64, careAt: Int64?, finalizedBy: String?, finalizedAt: Int64?,
        sealedBody: [UInt8], sealedReason: [UInt8]?, leafID: LeafID? = nil
    ) {
        self.objectID = objectID
        self.version = version
        self.patientID = patientID
        self.kind = kind
        self.state = state
        self.author = author
        self.onBehalfOf = onBehalfOf
        self.recordedAt = recordedAt
        self.careAt = careAt
        self.finalizedBy = finalizedBy
        self.finalizedAt = finalizedAt
        self.sealedBody = sealedBody
        self.sealedReason = sealedReason
        self.leafID = leafID
    }
}
