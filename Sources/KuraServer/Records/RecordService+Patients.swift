import KuraCore
import KuraStore

extension RecordService {
    /// The most entries one chart page holds.
    public static let chartPageSize = 50

    /// Registers a patient (REC-1): the registrant joins the care team, and patients with the
    /// same kana and birth date are named as possible duplicates for the clerk to check.
    public func register(
        _ auth: Authenticated, demographics: PatientDemographics, careTeam: [String] = []
    ) async throws(RecordError) -> RegisteredPatient {
        try requireRole(auth, .registerPatient)
        if let error = demographics.validationError { throw .invalidInput(error) }
        let members = Array(Set(careTeam + [auth.account.id])).sorted()
        try await requireAccounts(members)
        let duplicates = try await likelyDuplicates(of: demographics)
        let (patient, writes) = try registrationWrites(
            demographics, careTeam: members, actor: auth.account.id, at: clock())
        do {
            try await commit(writes)
        } catch .identity(.conflict) {
            throw .identity(.conflict("the patient number is taken"))
        }
        directory.update(patient, demographics: demographics)
        return RegisteredPatient(patient: view(patient, demographics), possibleDuplicates: duplicates)
    }

    /// The patient row, its first version with its leaf, and the care team rows of a new patient
    /// registered by `actor` at `now`, after every check: what ``register(_:demographics:careTeam:)``
    /// commits, and what benchmark seeding commits in bulk (``seedingRegistrationUnit(_:careTeam:actor:)``).
    func registrationWrites(
        _ demographics: PatientDemographics, careTeam members: [String], actor: String, at now: Int64
    ) throws(RecordError) -> (PatientRecord, [StoreWrite]) {
        let id = newID("pat")
        let sealed = try seal(document: demographics, objectID: id, field: "demographics", version: 1)
        let patient = PatientRecord(
            id: id, revision: 1, numberIndex: numberIndex.index(of: demographics.patientNumber),
            birthDateIndex: birthDateIndex.index(of: demographics.birthDate), sealedDemographics: sealed,
            careStartedAt: Self.jstMidnight(demographics.careStartedOn),
            careEndedAt: Self.jstMidnight(demographics.careEndedOn), mergedInto: nil, createdAt: now, createdBy: actor,
            updatedAt: now, updatedBy: actor)
        var writes: [StoreWrite] = [.putPatient(patient, expectedRevision: nil)]
        writes += try patientVersion(patient, state: "current", reason: nil, actor: actor, event: "patient.registered")
        writes += members.map {
            .addCareTeamMember(CareTeamMember(patientID: id, accountID: $0, addedAt: now, addedBy: actor))
        }
        return (patient, writes)
    }

    /// Changes a patient's demographics (a new version; nothing is overwritten unseen).
    public func updatePatient(
        _ auth: Authenticated, id: String, demographics: PatientDemographics, expectedRevision: Int64
    ) async throws(RecordError) -> PatientView {
        let (stored, _) = try await authorize(auth, .registerPatient, patientID: id, careTeamRequired: true)
        if let error = demographics.validationError { throw .invalidInput(error) }
        guard stored.revision == expectedRevision else { throw .conflict("the patient changed; reload") }
        var patient = stored
        patient.revision += 1
        patient.numberIndex = numberIndex.index(of: demographics.patientNumber)
        patient.birthDateIndex = birthDateIndex.index(of: demographics.birthDate)
        // Plain copies of the care dates: retention runs from the end of care (RET-1).
        patient.careStartedAt = Self.jstMidnight(demographics.careStartedOn)
        patient.careEndedAt = Self.jstMidnight(demographics.careEndedOn)
        patient.sealedDemographics = try seal(
            document: demographics, objectID: id, field: "demographics", version: patient.revision)
        patient.updatedAt = clock()
        patient.updatedBy = auth.account.id
        let version = try patientVersion(
            patient, state: "current", reason: nil, actor: auth.account.id, event: "patient.changed")
        do {
            try await commit([.putPatient(patient, expectedRevision: stored.revision)] + version)
        } catch .identity(.conflict) {
            throw .conflict("the patient changed or the patient number is taken")
        }
        directory.update(patient, demographics: demographics)
        return view(patient, demographics)
    }

    /// Links patient `id` into `into` (the same person registered twice, REC-1): nothing is
    /// deleted, the link is a new version with a reason and can be undone.
    public func merge(
        _ auth: Authenticated, id: String, into: String, reason: String, expectedRevision: Int64
    ) async throws(RecordError) -> PatientView {
        guard id != into else { throw .invalidInput("into: another patient") }
        let (target, _) = try await authorize(auth, .registerPatient, patientID: into, careTeamRequired: true)
        guard target.mergedInto == nil else { throw .invalidInput("into: that patient is merged itself") }
        return try await relink(auth, id: id, to: into, reason: reason, expectedRevision: expectedRevision)
    }

    /// Undoes a merge, with a reason.
    public func unmerge(
        _ auth: Authenticated, id: String, reason: String, expectedRevision: Int64
    ) async throws(RecordError) -> PatientView {
        try await relink(auth, id: id, to: nil, reason: reason, expectedRevision: expectedRevision)
    }

    func relink(
        _ auth: Authenticated, id: String, to target: String?, reason: String, expectedRevision: Int64
    ) async throws(RecordError) -> PatientView {
        let (stored, _) = try await authorize(auth, .registerPatient, patientID: id, careTeamRequired: true)
        guard EntryLifecycle.hasText(reason), reason.count <= 2000 else {
            throw .refused(.reasonRequired)
        }
        guard (stored.mergedInto == nil) == (target != nil) else {
            throw .invalidInput(target == nil ? "the patient is not merged" : "the patient is merged already")
        }
        guard stored.revision == expectedRevision else { throw .conflict("the patient changed; reload") }
        let demographics = try demographics(of: stored)
        var patient = stored
        patient.revision += 1
        patient.mergedInto = target
        patient.sealedDemographics = try seal(
            document: demographics, objectID: id, field: "demographics", version: patient.revision)
        patient.updatedAt = clock()
        patient.updatedBy = auth.account.id
        let version = try patientVersion(
            patient, state: target == nil ? "current" : "merged", reason: reason, actor: auth.account.id,
            event: target == nil ? "patient.unmerged" : "patient.merged")
        try await commit([.putPatient(patient, expectedRevision: stored.revision)] + version)
        directory.update(patient, demographics: demographics)
        return view(patient, demographics)
    }

    /// The leaf and the version row of a patient revision.
    func patientVersion(
        _ patient: PatientRecord, state: String, reason: String?, actor: String, event: String
    ) throws(RecordError) -> [StoreWrite] {
        let sealedReason = try reason.map { (text: String) throws(RecordError) in
            try seal(Array(text.utf8), objectID: patient.id, field: "reason", version: patient.revision)
        }
        var fields: [String: CanonicalJSON] = [
            "patient": .string(patient.id), "version": .integer(patient.revision), "state": .string(state),
            "contentHash": .string(Self.contentHash(patient.sealedDemographics)),
        ]
        if let target = patient.mergedInto { fields["into"] = .string(target) }
        if let sealedReason { fields["reasonHash"] = .string(Self.contentHash(sealedReason)) }
        let version = RecordVersion(
            objectID: patient.id, version: patient.revision, patientID: patient.id, kind: "patient", state: state,
            author: actor, onBehalfOf: nil, recordedAt: patient.updatedAt, careAt: nil, finalizedBy: nil,
            finalizedAt: nil, sealedBody: patient.sealedDemographics, sealedReason: sealedReason)
        return [try leaf(event, actor: actor, fields), .insertRecordVersion(version)]
    }

    /// Midnight JST of a validated `YYYY-MM-DD` date, or nil.
    static func jstMidnight(_ text: String?) -> Int64? {
        text.flatMap { try? CivilDate(parsing: $0) }.map(jstMidnight)
    }

    /// Ids of patients with the same kana (normalised) and birth date.
    func likelyDuplicates(of demographics: PatientDemographics) async throws(RecordError) -> [String] {
        let index = birthDateIndex.index(of: demographics.birthDate)
        let sameDay = try await read { () async throws(StoreError) in try await store.patients(birthDateIndex: index) }
        let kana = KanaNormalizer.normalize(demographics.kana)
        var found: [String] = []
        for patient in sameDay where KanaNormalizer.normalize(try self.demographics(of: patient).kana) == kana {
            found.append(patient.id)
        }
        return found
    }

    /// The opened demographics of a stored patient.
    func demographics(of patient: PatientRecord) throws(RecordError) -> PatientDemographics {
        try open(
            PatientDemographics.self, patient.sealedDemographics, objectID: patient.id, field: "demographics",
            version: patient.revision)
    }

    func view(_ patient: PatientRecord, _ demographics: PatientDemographics) -> PatientView {
        PatientView(
            id: patient.id, revision: patient.revision, demographics: demographics, mergedInto: patient.mergedInto,
            createdAt: patient.createdAt, createdBy: patient.createdBy, updatedAt: patient.updatedAt,
            updatedBy: patient.updatedBy)
    }

    /// Throws unless every id names an active account.
    func requireAccounts(_ ids: [String]) async throws(RecordError) {
        for id in ids {
            guard StoreWrite.isOpaqueID(id),
                let account = try await read({ () async throws(StoreError) in try await identityStore.account(id: id) }
                ),
                account.status == .active
            else { throw .invalidInput("careTeam: not an active account") }
        }
    }

    /// Throws unless the session is ready, its device cleared, and a role allows the
    /// patient-scoped `action` for some patient (lists across patients: each patient is then
    /// checked or filtered on its own).
    func requirePatientRole(_ auth: Authenticated, _ action: AccessAction) throws(RecordError) {
        guard auth.stage == .ready else { throw .identity(.stageRequired(auth.stage)) }
        let decision = AccessPolicy.decide(
            AccessRequest(
                activeRoles: auth.activeRoles, action: action, inCareTeam: true, deviceCleared: auth.deviceCleared))
        if case .deny(let reason) = decision { throw .identity(.forbidden(reason.rawValue)) }
    }

    /// Throws unless the session is ready and a role allows `action`.
    func requireRole(_ auth: Authenticated, _ action: AccessAction) throws(RecordError) {
        do {
            try auth.require(action)
        } catch {
            throw .identity(error)
        }
    }
}
