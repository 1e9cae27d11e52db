import KuraCore

/// One version of a compliance document: a registry entry (the security officer, a device, a
/// vendor, a contact, a rule, a training session, an incident), a checklist answer, a log
/// review's sign-off, a patient flag or a sealed inspection report (GOV-1…4, INV-1, INC-1,
/// PRIV-2, AUD-4; the MHLW checklist). Kept forever and bound to the ledger leaf appended just
/// before it in the same write unit, so that every answer and every change is evidence nobody
/// can rewrite unseen (issue 8: "Every answer and change is a ledger leaf").
public struct ComplianceVersion: Sendable, Equatable {
    /// The document (`cmp_…`).
    public var objectID: String
    /// The version, from 1; unique per document.
    public var version: Int64
    /// What the document is: `registry.vendors`, `answer`, `review`, `flag`, `report`, ….
    /// A document keeps its kind in every version.
    public var kind: String
    /// `current`, or `withdrawn` for a document taken off its registry (the history stays).
    public var state: String
    /// The account that wrote this version.
    public var author: String
    /// When this version was recorded (ms since the epoch, UTC).
    public var recordedAt: Int64
    /// The sealed content (names, free text and file bytes are personal data: ENC-1).
    public var sealedBody: [UInt8]
    /// The ledger leaf of this version, filled in by the store from the unit's preceding
    /// ``StoreWrite/appendLeaf(_:)``; ignored on insert.
    public var leafID: LeafID?

    /// Creates a version.
    public init(
        objectID: String, version: Int64, kind: String, state: String, author: String, recordedAt: Int64,
        sealedBody: [UInt8], leafID: LeafID? = nil
    ) {
        self.objectID = objectID
        self.version = version
        self.kind = kind
        self.state = state
        self.author = author
        self.recordedAt = recordedAt
        self.sealedBody = sealedBody
        self.leafID = leafID
    }
}
