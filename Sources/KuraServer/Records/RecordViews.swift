import KuraCore
import KuraStore

/// A patient as the chart shows it: demographics opened (times in ms since the epoch, UTC).
public struct PatientView: Sendable, Equatable, Codable {
    /// The opaque id.
    public var id: String
    /// The revision (send it back to change the patient).
    public var revision: Int64
    /// What the clinic recorded.
    public var demographics: PatientDemographics
    /// The patient this record was merged into, if any (REC-1).
    public var mergedInto: String?
    /// Registered.
    public var createdAt: Int64
    /// By whom.
    public var createdBy: String
    /// Last changed.
    public var updatedAt: Int64
    /// By whom.
    public var updatedBy: String
}

/// A structured list as the chart header shows it.
public struct PatientListView: Sendable, Equatable, Codable {
    /// `allergies`, `problems` or `medications`.
    public var kind: String
    /// The revision (send it back to change the list).
    public var revision: Int64
    /// The items.
    public var items: [PatientListItems.Item]
    /// Last changed.
    public var updatedAt: Int64
    /// By whom.
    public var updatedBy: String
}

/// An entry as the timeline shows it: its current version opened.
public struct EntryView: Sendable, Equatable, Codable {
    /// The opaque id.
    public var id: String
    /// The patient.
    public var patientID: String
    /// The entry type.
    public var kind: String
    /// The current state.
    public var state: String
    /// The current version (send it back to change the entry).
    public var revision: Int64
    /// Who wrote the first version.
    public var author: String
    /// The physician of a proxy entry.
    public var onBehalfOf: String?
    /// Recorded (first version).
    public var createdAt: Int64
    /// Recorded (current version).
    public var updatedAt: Int64
    /// When the care happened, if given: a back entry after an outage, or the visit's start.
    public var careAt: Int64?
    /// Who finalized or approved it.
    public var finalizedBy: String?
    /// When.
    public var finalizedAt: Int64?
    /// The content of the current version.
    public var content: EntryContent
    /// The document must be signed and is not: "unsigned — print and seal" (SIG-1).
    public var unsignedPrintAndSeal: Bool
}

/// One version of an entry (or of a patient's demographics or a list) in its history.
public struct VersionView: Sendable, Equatable, Codable {
    /// The version, from 1.
    public var version: Int64
    /// The state after it.
    public var state: String
    /// Who wrote it.
    public var author: String
    /// The physician of a proxy entry.
    public var onBehalfOf: String?
    /// When it was recorded.
    public var recordedAt: Int64
    /// When the care happened, if given.
    public var careAt: Int64?
    /// Who finalized or approved, if final.
    public var finalizedBy: String?
    /// When.
    public var finalizedAt: Int64?
    /// The content of an entry version (nil for other objects).
    public var content: EntryContent?
    /// The reason given for the change, if any.
    public var reason: String?
}

/// A chart: the patient header, the lists, the care team and the newest entries.
public struct ChartView: Sendable, Equatable, Codable {
    /// The patient.
    public var patient: PatientView
    /// Allergies, medications and problems, as far as recorded.
    public var lists: [PatientListView]
    /// The account ids on the care team.
    public var careTeam: [String]
    /// The newest entries, newest first.
    public var entries: [EntryView]
    /// Why the caller may see it (`care-team` or `break-glass`).
    public var access: String
}

/// A patient found by a search.
public struct PatientSummary: Sendable, Equatable, Codable {
    /// The opaque id.
    public var id: String
    /// The clinic patient number.
    public var patientNumber: String
    /// The name.
    public var name: String
    /// The kana.
    public var kana: String
    /// The birth date.
    public var birthDate: String
    /// The sex.
    public var sex: String
}

/// The answer to registering a patient: the patient and the ids of likely duplicates (same
/// kana and birth date, REC-1) the clerk should check.
public struct RegisteredPatient: Sendable, Equatable, Codable {
    /// The new patient.
    public var patient: PatientView
    /// Ids of existing patients with the same kana and birth date.
    public var possibleDuplicates: [String]
}

/// What an auditor needs to check one version offline: the C2SP tlog-proof (as `kura verify
/// inclusion` reads it), the leaf, and the details and salt that recompute its commitment.
public struct EntryProof: Sendable, Equatable, Codable {
    /// The entry.
    public var entryID: String
    /// The version proven.
    public var version: Int64
    /// The leaf index in the log.
    public var index: UInt64
    /// The leaf bytes (canonical JSON text).
    public var leaf: String
    /// The details the leaf commits to (canonical JSON text).
    public var details: String
    /// The commitment's salt, base64.
    public var salt: String
    /// The C2SP tlog-proof text.
    public var proof: String
}
