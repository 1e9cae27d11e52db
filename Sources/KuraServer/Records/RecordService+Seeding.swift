import KuraCore
import KuraStore

/// Bulk seeding for `kura-bench records`, which must fill a database with 100,000 patients and
/// 5,000,000 entry versions in minutes.
///
/// Each unit is built by the very code the requests use (``registrationWrites(_:careTeam:actor:at:)``,
/// ``listWrites(_:kind:patientID:replacing:actor:at:)``, ``newEntryWrites(_:patientID:actor:at:)``):
/// the same sealing, ids, version rows and ledger leaves, so seeded data cannot be told from data
/// written through the API. What seeding leaves out is the per-request part: the session and
/// access checks, the duplicate lookup, the audit of reads. The caller commits the units straight
/// to the store, many per transaction. The patient directory learns of seeded patients at the
/// next start (``PatientDirectoryLoader``), as after a restore.
extension RecordService {
    /// The unit that registers a patient as ``register(_:demographics:careTeam:)`` does, by
    /// `actor` (who joins the care team with `careTeam`); refuses invalid demographics.
    package func seedingRegistrationUnit(
        _ demographics: PatientDemographics, careTeam: [String], actor: String
    ) throws(RecordError) -> (patientID: String, unit: WriteUnit) {
        if let error = demographics.validationError { throw .invalidInput(error) }
        let members = Array(Set(careTeam + [actor])).sorted()
        let (patient, writes) = try registrationWrites(demographics, careTeam: members, actor: actor, at: clock())
        return (patient.id, WriteUnit(writes))
    }

    /// The unit that writes the first revision of a structured list as
    /// ``putList(_:patientID:kind:items:expectedRevision:)`` does; refuses invalid items.
    package func seedingListUnit(
        _ items: PatientListItems, kind: PatientListKind, patientID: String, actor: String
    ) throws(RecordError) -> WriteUnit {
        if let error = items.validationError { throw .invalidInput(error) }
        let (_, writes) = try listWrites(
            items, kind: kind, patientID: patientID, replacing: nil, actor: actor, at: clock())
        return WriteUnit(writes)
    }

    /// The writes of a new entry as ``createEntry(_:patientID:_:)`` makes them, by `actor`;
    /// refuses what `createEntry` refuses for its content and kind. Several entries may share
    /// one unit: each version is bound to the leaf just before it.
    package func seedingEntryWrites(
        _ new: NewEntry, patientID: String, actor: String
    ) throws(RecordError) -> [StoreWrite] {
        guard let template = EntryTemplate.byKind[new.kind] else { throw .invalidInput("kind: unknown entry kind") }
        if let error = new.content.validationError(kind: new.kind) { throw .invalidInput(error) }
        if template.recordKind == .homeVisit && new.careAt == nil {
            throw .invalidInput("careAt: required for a home visit")
        }
        if new.onBehalfOf != nil && new.finalize {
            throw .invalidInput("finalize: a proxy entry is finalized by its physician")
        }
        return try newEntryWrites(new, patientID: patientID, actor: actor, at: clock()).1
    }

    /// Whether the patient directory has finished its start-up load (searches answer only then).
    package var isDirectoryLoaded: Bool { directory.isLoaded }

    /// How many patients the directory holds.
    package var directoryCount: Int { directory.count }
}
