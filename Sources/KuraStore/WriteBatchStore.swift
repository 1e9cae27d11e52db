import KuraCore

/// One change inside a write unit. The set grows with the domain (records, identity, audit);
/// each backend applies every case natively.
///
/// The `put…` writes are compare-and-swap on the record's revision: with `expectedRevision` nil
/// the record is inserted and its revision must be 1 (a duplicate id or unique key is a
/// `constraintViolation`, ``StoreError/duplicate(_:)``); otherwise the record's revision must be
/// one more than `expectedRevision` (else `constraintViolation`, from ``validationError``) and the
/// stored revision must equal `expectedRevision` (else `conflict`, ``StoreError/staleRevision(_:)``,
/// also when the record does not exist). A refused write rolls its unit back alone.
public enum StoreWrite: Sendable, Equatable {
    /// Appends a leaf to the ledger's pending queue (DESIGN "Sequencing").
    case appendLeaf(LedgerAppend)
    /// Inserts or updates an account (unique id and login).
    case putAccount(AccountRecord, expectedRevision: Int64?)
    /// Inserts or updates a session (unique id and token hash).
    case putSession(SessionRecord, expectedRevision: Int64?)
    /// Ends every open session of `accountID` at `at` for `reason` (except `keeping`, a session
    /// id), raising each one's revision; it never fails for want of sessions.
    case endSessions(accountID: String, reason: SessionEndReason, at: Int64, keeping: String?)
    /// Ends every open session bound to `deviceID` (a revoked device).
    case endDeviceSessions(deviceID: String, at: Int64)
    /// Inserts or updates a device (unique id and token hash).
    case putDevice(DeviceRecord, expectedRevision: Int64?)
    /// Replaces all of `accountID`'s recovery codes with these hashes (32 bytes each), unused.
    case replaceRecoveryCodes(accountID: String, hashes: [[UInt8]], at: Int64)
    /// Marks the unused code with `hash` used at `at`; `notFound` when there is none.
    case consumeRecoveryCode(accountID: String, hash: [UInt8], at: Int64)
    /// Inserts a break-glass grant (grants never change).
    case insertBreakGlassGrant(BreakGlassGrant)
    /// Inserts or updates an alert or review item.
    case putQueueItem(QueueItem, expectedRevision: Int64?)
    /// Claims the one-time step `name`; `conflict` when it was claimed before.
    case claimOnce(name: String, at: Int64)
    /// Inserts or updates a patient (unique id and number index).
    case putPatient(PatientRecord, expectedRevision: Int64?)
    /// Adds an account to a patient's care team; `duplicate` when it is on it already.
    case addCareTeamMember(CareTeamMember)
    /// Takes an account off a patient's care team; `notFound` when it is not on it.
    case removeCareTeamMember(patientID: String, accountID: String)
    /// Inserts or updates a structured list (unique id, one list of each kind per patient).
    case putPatientList(PatientListRecord, expectedRevision: Int64?)
    /// Inserts or updates an entry head.
    case putEntry(EntryRecord, expectedRevision: Int64?)
    /// Inserts a version (unique object and version), bound to the unit's preceding leaf.
    case insertRecordVersion(RecordVersion)
    /// Inserts an access-log event (unique id), bound to the unit's preceding leaf.
    case insertAuditEvent(AuditEvent)
    /// Inserts an attachment (unique id) with its sealed chunks, bound to the unit's preceding
    /// leaf.
    case insertAttachment(AttachmentRecord, chunks: [[UInt8]])
    /// Inserts a compliance document's version (unique object and version), bound to the unit's
    /// preceding leaf.
    case insertComplianceVersion(ComplianceVersion)
}

/// What one applied ``StoreWrite`` produced, in the same position as the write.
public enum StoreWriteOutcome: Sendable, Equatable {
    /// The leaf is queued; `id` is its opaque reference until (and after) it is integrated.
    case leafAppended(LeafID)
    /// The write was applied (identity and record writes carry no result of their own).
    case applied
}

/// The writes of one request: applied all together or not at all.
public struct WriteUnit: Sendable, Equatable {
    /// The writes, applied in order.
    public var writes: [StoreWrite]

    /// Creates a unit from its writes.
    public init(_ writes: [StoreWrite]) {
        self.writes = writes
    }
}

/// Applies batches of write units in one transaction: the store side of group commit.
///
/// Durability contract (DESIGN "Writes, durability, audit"):
/// - `commit` MUST apply all units in one transaction and MUST behave as if every unit ran in
///   its own savepoint: a failing unit rolls back alone and the others still commit. A backend
///   uses a real savepoint for every unit with a write that may still fail in the database
///   (``StoreWrite/mayFailInDatabase``); units refused by ``StoreWrite/validationError`` never
///   reach the database, and units that cannot fail need none (a failure then is the
///   transaction's own and fails the batch).
/// - `commit` MUST NOT return before the transaction is durable (fsynced: SQLite
///   `synchronous=FULL`, PostgreSQL `synchronous_commit=on`).
/// - When the transaction itself fails (the COMMIT, the connection), `commit` MUST throw and
///   MUST NOT have made any unit durable.
public protocol WriteBatchStore: Sendable {
    /// Applies `units` in one durable transaction and returns one result per unit, in order.
    func commit(_ units: [WriteUnit]) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>]
}
