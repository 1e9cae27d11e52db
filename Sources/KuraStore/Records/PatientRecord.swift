import KuraCore

/// A patient as stored: opaque id, blind indexes and plain times; everything a person wrote
/// about the patient (names, kana, birth date, sex, address, phone, insurance) is one sealed
/// document (ENC-1), context `<id>/demographics/<revision>`.
///
/// Every revision of the sealed document is also kept as a ``RecordVersion`` with its ledger
/// leaf, so the head can be read fast and the history can be proven.
public struct PatientRecord: Sendable, Equatable {
    /// The opaque patient id (`pat_…`).
    public var id: String
    /// Starts at 1 and rises by one with every update (compare-and-swap); it is also the version
    /// of the sealed demographics.
    public var revision: Int64
    /// HMAC-SHA256 blind index of the clinic patient number (32 bytes), unique in the clinic.
    public var numberIndex: [UInt8]
    /// HMAC-SHA256 blind index of the birth date (32 bytes); shared by patients born that day.
    public var birthDateIndex: [UInt8]
    /// The sealed demographics document of this revision.
    public var sealedDemographics: [UInt8]
    /// The first day of care (ms since the epoch, UTC, at JST midnight), if known.
    public var careStartedAt: Int64?
    /// The last day of care, once care has ended: retention runs from it (RET-1).
    public var careEndedAt: Int64?
    /// The patient this record was merged into (linked, never deleted, REC-1), if any.
    public var mergedInto: String?
    /// When the patient was registered.
    public var createdAt: Int64
    /// The account that registered the patient.
    public var createdBy: String
    /// When the latest revision was written.
    public var updatedAt: Int64
    /// The account that wrote the latest revision.
    public var updatedBy: String

    /// Creates a record.
    public init(
        id: String, revision: Int64, numberIndex: [UInt8], birthDateIndex: [UInt8], sealedDemographics: [UInt8],
        careStartedAt: Int64?, careEndedAt: Int64?, mergedInto: String?, createdAt: Int64, createdBy: String,
        updatedAt: Int64, updatedBy: String
    ) {
        self.id = id
        self.revision = revision
        self.numberIndex = numberIndex
        self.birthDateIndex = birthDateIndex
        self.sealedDemographics = sealedDemographics
        self.careStartedAt = careStartedAt
        self.careEndedAt = careEndedAt
        self.mergedInto = mergedInto
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}

/// One member of a patient's care team: an account treating the patient.
public struct CareTeamMember: Sendable, Equatable {
    /// The patient.
    public var patientID: String
    /// The account on the team.
    public var accountID: String
    /// When the account joined the team.
    public var addedAt: Int64
    /// Who added it.
    public var addedBy: String

    /// Creates a member.
    public init(patientID: String, accountID: String, addedAt: Int64, addedBy: String) {
        self.patientID = patientID
        self.accountID = accountID
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}

/// Which structured list of a patient (they feed the chart header and the outage snapshot).
public enum PatientListKind: String, Sendable, Hashable, CaseIterable {
    /// Allergies and intolerances.
    case allergies
    /// The problem list (病名).
    case problems
    /// Current medications.
    case medications
}

/// The head of one structured list of a patient; every revision is kept as a ``RecordVersion``.
public struct PatientListRecord: Sendable, Equatable {
    /// The opaque list id (`lst_…`).
    public var id: String
    /// The patient.
    public var patientID: String
    /// Which list; unique per patient.
    public var kind: PatientListKind
    /// Starts at 1 and rises by one with every update (compare-and-swap); the version of the
    /// sealed items.
    public var revision: Int64
    /// The sealed items of this revision, context `<id>/items/<revision>`.
    public var sealedItems: [UInt8]
    /// When this revision was written.
    public var updatedAt: Int64
    /// Who wrote it.
    public var updatedBy: String

    /// Creates a list head.
    public init(
        id: String, patientID: String, kind: PatientListKind, revision: Int64, sealedItems: [UInt8],
        updatedAt: Int64, updatedBy: String
    ) {
        self.id = id
        self.patientID = patientID
        self.kind = kind
        self.revision = revision
        self.sealedItems = sealedItems
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}
