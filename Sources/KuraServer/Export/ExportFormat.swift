import KuraCore

/// One version of a record in the open export (REC-5): its content opened, and what the log
/// committed to, so anyone can check it against the exported leaves without Kura.
public struct ExportedVersion<Content: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The version number, from 1.
    public var version: Int64
    /// The record's kind as logged (`patient`, `list.allergies`, `entry.progress-note`, …).
    public var kind: String
    /// The state this version recorded.
    public var state: String
    /// The account that wrote it.
    public var author: String
    /// The physician a proxy entry was written for.
    public var onBehalfOf: String?
    /// When it was recorded (ms since the epoch, UTC).
    public var recordedAt: Int64
    /// When the care happened, if given.
    public var careAt: Int64?
    /// Who finalized it.
    public var finalizedBy: String?
    /// When.
    public var finalizedAt: Int64?
    /// The content, opened.
    public var content: Content
    /// The reason for a change (amendment, entered in error, merge), opened.
    public var reason: String?
    /// The hex SHA-256 the log's leaf committed to for the sealed content.
    public var contentSHA256: String
    /// The same for the sealed reason.
    public var reasonSHA256: String?
    /// The index of the leaf that recorded this version, nil while the log had not numbered it.
    public var leafIndex: UInt64?
}

/// A structured list with every version.
public struct ExportedList: Codable, Sendable, Equatable {
    /// The list's id.
    public var id: String
    /// `allergies`, `problems` or `medications`.
    public var kind: String
    /// The items now.
    public var items: PatientListItems
    /// Every version, oldest first.
    public var versions: [ExportedVersion<PatientListItems>]
}

/// An entry with every version.
public struct ExportedEntry: Codable, Sendable, Equatable {
    /// The entry's id.
    public var id: String
    /// The template kind.
    public var kind: String
    /// The state now.
    public var state: String
    /// Every version, oldest first.
    public var versions: [ExportedVersion<EntryContent>]
}

/// An attachment: its metadata here, its bytes in `file`.
public struct ExportedAttachment: Codable, Sendable, Equatable {
    /// The attachment's id.
    public var id: String
    /// The entry it belongs to, if any.
    public var entryID: String?
    /// `application/pdf`, `image/png` or `image/jpeg`.
    public var mediaType: String
    /// The original file name.
    public var fileName: String
    /// The file's path inside the export.
    public var file: String
    /// Its size.
    public var byteCount: Int64
    /// The hex SHA-256 of the file's bytes.
    public var sha256: String
    /// When it was stored, and by whom.
    public var createdAt: Int64
    /// The account that stored it.
    public var createdBy: String
    /// The index of the leaf that recorded it, nil while pending.
    public var leafIndex: UInt64?
}

/// One patient with everything recorded about them: `patients/<id>.json`.
public struct ExportedPatient: Codable, Sendable, Equatable {
    /// The patient's id.
    public var id: String
    /// The demographics now.
    public var demographics: PatientDemographics
    /// The surviving record, when this one was merged into it.
    public var mergedInto: String?
    /// The start and end of care (ms since the epoch), if recorded.
    public var careStartedAt: Int64?
    /// See ``careStartedAt``.
    public var careEndedAt: Int64?
    /// Every version of the demographics, oldest first.
    public var versions: [ExportedVersion<PatientDemographics>]
    /// The structured lists.
    public var lists: [ExportedList]
    /// The care team's account ids.
    public var careTeam: [String]
    /// Every entry, newest first.
    public var entries: [ExportedEntry]
    /// Every attachment.
    public var attachments: [ExportedAttachment]
}
