import Crypto
import KuraCore
import KuraStore
import Logging

/// Patients, care teams, structured lists, clinical entries with every version, proofs and
/// the access log: the clinical rules of REC-1…5, ACC-6 and AUD-1 in one place that the routes
/// and the tests call.
///
/// Every change is one write unit: the head, the new immutable version and its ledger leaf
/// commit together (DESIGN "Writes"). Every read that returns patient data commits its audit
/// event (with its own leaf) before the caller may answer (fail closed).
public struct RecordService: Sendable {
    let store: any RecordStore
    let identity: IdentityService
    let identityStore: any IdentityStore
    let ledger: any LedgerStore
    let verifier: NoteVerifier
    let submitter: any UnitSubmitter
    let events: LedgerEvents
    let keys: ClinicKeyMaterial
    let random: any RandomBytesSource
    let clock: @Sendable () -> Int64
    let directory: PatientDirectory
    let numberIndex: BlindIndex
    let birthDateIndex: BlindIndex
    let attachmentMaxBytes: Int
    let calendar: ClinicCalendar
    let retention: RetentionPolicy
    /// Whether a patient's physicians see "who viewed this chart" (`records.chartViewersVisibleToPhysicians`).
    let chartViewersVisibleToPhysicians: Bool
    let logger: Logger

    /// Creates the service; `directory` must be loaded (``PatientDirectory/load(from:service:)``)
    /// before searches are answered.
    public init(
        store: any RecordStore,
        identity: IdentityService,
        identityStore: any IdentityStore,
        ledger: any LedgerStore,
        verifier: NoteVerifier,
        submitter: any UnitSubmitter,
        events: LedgerEvents,
        keys: ClinicKeyMaterial,
        random: any RandomBytesSource,
        clock: @escaping @Sendable () -> Int64,
        directory: PatientDirectory,
        attachmentMaxBytes: Int = 20 * 1_048_576,
        calendar: ClinicCalendar = ClinicCalendar(),
        retention: RetentionPolicy = RetentionPolicy(),
        chartViewersVisibleToPhysicians: Bool = false,
        logger: Logger
    ) {
        self.store = store
        self.identity = identity
        self.identityStore = identityStore
        self.ledger = ledger
        self.verifier = verifier
        self.submitter = submitter
        self.events = events
        self.keys = keys
        self.random = random
        self.clock = clock
        self.directory = directory
        self.numberIndex = BlindIndex(kek: keys.keyEncryptionKey, purpose: "patient.number")
        self.birthDateIndex = BlindIndex(kek: keys.keyEncryptionKey, purpose: "patient.birth-date")
        self.attachmentMaxBytes = attachmentMaxBytes
        self.calendar = calendar
        self.retention = retention
        self.chartViewersVisibleToPhysicians = chartViewersVisibleToPhysicians
        self.logger = logger
    }

    // MARK: Sealing (ENC-1)

    /// Seals `bytes` as `field` of `objectID` at `version`.
    func seal(_ bytes: [UInt8], objectID: String, field: String, version: Int64) throws(RecordError) -> [UInt8] {
        let context = FieldContext(clinicID: keys.clinicID, objectID: objectID, field: field, version: UInt32(version))
        do {
            return try EncryptedField.seal(bytes, context: context, kek: keys.keyEncryptionKey, using: random)
                .serialized
        } catch {
            throw .unavailable("sealing failed")
        }
    }

    /// Opens what ``seal(_:objectID:field:version:)`` sealed.
    func open(_ sealed: [UInt8], objectID: String, field: String, version: Int64) throws(RecordError) -> [UInt8] {
        let context = FieldContext(clinicID: keys.clinicID, objectID: objectID, field: field, version: UInt32(version))
        do {
            return try EncryptedField(serialized: sealed).open(context: context, keys: KeyRing(keys.keyEncryptionKey))
        } catch {
            throw .unavailable("a sealed field of \(objectID) does not open")
        }
    }

    /// Seals a JSON document.
    func seal(
        document: some Encodable, objectID: String, field: String, version: Int64
    ) throws(RecordError)
        -> [UInt8]
    {
        try seal(try RecordJSON.encode(document), objectID: objectID, field: field, version: version)
    }

    /// Opens a sealed JSON document.
    func open<T: Decodable>(
        _ type: T.Type, _ sealed: [UInt8], objectID: String, field: String, version: Int64
    ) throws(RecordError) -> T {
        let bytes = try open(sealed, objectID: objectID, field: field, version: version)
        guard let value = RecordJSON.decode(type, from: bytes) else {
            throw .unavailable("a sealed document of \(objectID) does not decode")
        }
        return value
    }

    /// What a leaf commits to for sealed bytes: the hex ``EncryptedField/contentDigest``, which
    /// key rotation leaves unchanged, so `kura verify records` can recompute it from the row.
    /// Bytes that are not a sealed value (never written by Kura) hash as a whole.
    static func contentHash(_ sealed: [UInt8]) -> String {
        EncryptedField.contentDigestHex(ofSerialized: sealed) ?? LogHash(SHA256.hash(data: sealed)).hex
    }

    // MARK: Writes and reads

    /// A leaf for a record event: `kind`, the actor and opaque ids, words and hashes in `fields`.
    func leaf(_ kind: String, actor: String, _ fields: [String: CanonicalJSON]) throws(RecordError) -> StoreWrite {
        var details = fields
        details["actor"] = .string(actor)
        do {
            return try events.append(kind: kind, fields: details)
        } catch {
            throw .unavailable("the ledger event could not be encoded")
        }
    }

    /// Commits `writes` as one unit.
    @discardableResult
    func commit(_ writes: [StoreWrite]) async throws(RecordError) -> [StoreWriteOutcome] {
        do {
            return try await submitter.submit(WriteUnit(writes))
        } catch {
            throw .identity(IdentityError.from(error))
        }
    }

    /// Runs a store read, turning its failure into `unavailable`.
    func read<T>(_ body: () async throws(StoreError) -> T) async throws(RecordError) -> T {
        do {
            return try await body()
        } catch {
            throw .unavailable(error.description)
        }
    }

    /// Runs an identity call, wrapping its refusal.
    func identityCall<T>(_ body: () async throws(IdentityError) -> T) async throws(RecordError) -> T {
        do {
            return try await body()
        } catch {
            throw .identity(error)
        }
    }

    /// A new opaque id with `prefix`.
    func newID(_ prefix: String) -> String {
        OpaqueToken.id(prefix, using: random)
    }

    // MARK: Access (ACC-1, ACC-7)

    /// The patient, if it exists and the caller may do `action` on it, and why access was
    /// allowed (for the audit event). An unknown id is 404; a patient outside the caller's care
    /// teams is 403 `not-in-care-team`, which tells the page to offer break-glass.
    ///
    /// `careTeamRequired` makes a clinic-wide action (editing demographics, merging) also need
    /// the care team or a running break-glass grant when it concerns an existing patient.
    func authorize(
        _ auth: Authenticated, _ action: AccessAction, patientID: String, careTeamRequired: Bool = false
    ) async throws(RecordError) -> (PatientRecord, AccessDecision.AllowReason) {
        let (patient, reason, _) = try await authorize(
            auth, [action], patientID: patientID, careTeamRequired: careTeamRequired)
        return (patient, reason)
    }

    /// Like ``authorize(_:_:patientID:careTeamRequired:)`` for each of `actions` in turn (the
    /// first refusal is thrown), on one read of the patient and one of its care team, which is
    /// returned when an action needed it. The reason is the first action's.
    ///
    /// A request that needs two actions (writing and finalizing an entry) or shows the team
    /// (the chart) reads those rows once instead of once per check: every read is a round trip
    /// to the store's reader threads or the database.
    func authorize(
        _ auth: Authenticated, _ actions: [AccessAction], patientID: String, careTeamRequired: Bool = false
    ) async throws(RecordError) -> (PatientRecord, AccessDecision.AllowReason, [CareTeamMember]?) {
        precondition(!actions.isEmpty, "authorize needs an action")
        guard StoreWrite.isOpaqueID(patientID),
            let patient = try await read({ () async throws(StoreError) in try await store.patient(id: patientID) })
        else { throw .notFound("patient") }
        var team: [CareTeamMember]?
        var firstReason: AccessDecision.AllowReason?
        for (offset, action) in actions.enumerated() {
            var decided = action
            if !action.isPatientScoped {
                try requireRole(auth, action)
                guard careTeamRequired else {
                    if offset == 0 { firstReason = .role }
                    continue
                }
                decided = .readChart
            }
            if team == nil {
                team = try await read { () async throws(StoreError) in try await store.careTeam(patientID: patientID) }
            }
            let inTeam = team?.contains { $0.accountID == auth.account.id } ?? false
            let decision = try await identityCall { () async throws(IdentityError) in
                try await identity.decide(auth, action: decided, patientID: patientID, inCareTeam: inTeam)
            }
            switch decision {
            case .allow(let reason): if offset == 0 { firstReason = reason }
            case .deny(let reason): throw .identity(.forbidden(reason.rawValue))
            }
        }
        guard let firstReason else { preconditionFailure("the first action was decided") }
        return (patient, firstReason, team)
    }

    /// Commits the audit event of a read that returns data of `patientIDs` (AUD-1): the caller
    /// answers only after this returns, so a read is never unlogged (fail closed).
    func audit(
        _ auth: Authenticated, action: String, access: AccessDecision.AllowReason, patientIDs: some Sequence<String>
    ) async throws(RecordError) {
        let ids = Array(Set(patientIDs)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let event = AuditEvent(
            id: newID("aud"), at: clock(), actor: auth.account.id, action: action, access: access.rawValue,
            patientIDs: ids)
        let leaf = try leaf(
            "audit.read", actor: auth.account.id,
            [
                "event": .string(event.id), "action": .string(action), "access": .string(access.rawValue),
                "patients": .array(ids.map { .string($0) }),
            ])
        try await commit([leaf, .insertAuditEvent(event)])
    }
}
