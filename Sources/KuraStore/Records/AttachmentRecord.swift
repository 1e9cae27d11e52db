import KuraCore

/// A file attached to a patient's record (MAL-4, SCAN-3): PDF, JPEG or PNG, checked by
/// content, stored encrypted in chunks under a random id; the file name and the scan details
/// are sealed in `sealedMeta`, context `<id>/meta/1`; chunk `n` has context `<id>/chunk.<n>/1`.
public struct AttachmentRecord: Sendable, Equatable {
    /// The opaque attachment id (`att_…`), random.
    public var id: String
    /// The patient.
    public var patientID: String
    /// The entry it belongs to (a scanned-document entry), if any.
    public var entryID: String?
    /// `application/pdf`, `image/jpeg` or `image/png`, from the content.
    public var mediaType: String
    /// The plaintext size in bytes.
    public var byteCount: Int64
    /// How many chunks hold the content.
    public var chunkCount: Int
    /// The sealed metadata (file name, scan resolution and colour).
    public var sealedMeta: [UInt8]
    /// When a paper original was received, for scans.
    public var receivedAt: Int64?
    /// When it was scanned.
    public var scannedAt: Int64?
    /// When the file was stored.
    public var createdAt: Int64
    /// Who stored it.
    public var createdBy: String
    /// The ledger leaf, filled in by the store from the unit's preceding append; ignored on insert.
    public var leafID: LeafID?

    /// Creates a record.
    public init(
        id: String, patientID: String, entryID: String?, mediaType: String, byteCount: Int64, chunkCount: Int,
        sealedMeta: [UInt8], receivedAt: Int64?, scannedAt: Int64?, createdAt: Int64, createdBy: String,
        leafID: LeafID? = nil
    ) {
        self.id = id
        self.patientID = patientID
        self.entryID = entryID
        self.mediaType = mediaType
        self.byteCount = byteCount
        self.chunkCount = chunkCount
        self.sealedMeta = sealedMeta
        self.receivedAt = receivedAt
        self.scannedAt = scannedAt
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.leafID = leafID
    }
}
