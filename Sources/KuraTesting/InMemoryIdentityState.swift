import KuraCore
import KuraStore

/// The identity tables of ``InMemoryStore``: the reference semantics of the identity writes,
/// kept obviously correct (linear scans for unique keys) rather than fast.
struct InMemoryIdentityState {
    /// One recovery code: its hash and when it was used.
    struct RecoveryCode {
        var hash: [UInt8]
        var usedAt: Int64?
    }

    var accounts: [String: AccountRecord] = [:]
    var sessions: [String: SessionRecord] = [:]
    var devices: [String: DeviceRecord] = [:]
    var recoveryCodes: [String: [RecoveryCode]] = [:]
    var grants: [String: BreakGlassGrant] = [:]
    var queueItems: [String: QueueItem] = [:]
    var claims: [String: Int64] = [:]

    /// Applies one identity write (anything but `appendLeaf`), or throws the store's refusal.
    /// The caller restores the state of the whole unit when this throws (the savepoint).
    mutating func apply(_ write: StoreWrite) throws(StoreError) {
        switch write {
        case .appendLeaf, .putPatient, .addCareTeamMember, .removeCareTeamMember, .putPatientList, .putEntry,
            .insertRecordVersion, .insertAuditEvent, .insertAttachment, .insertComplianceVersion:
            preconditionFailure("appends and record writes belong to other tables")
        case .putAccount(let account, let expected):
            try Self.put(
                account, id: account.id, revision: \.revision, expected: expected, into: &accounts,
                kind: .account
            ) { $0.login == account.login }
        case .putSession(let session, let expected):
            try Self.put(
                session, id: session.id, revision: \.revision, expected: expected, into: &sessions,
                kind: .session
            ) { $0.tokenHash == session.tokenHash }
        case .putDevice(let device, let expected):
            try Self.put(
                device, id: device.id, revision: \.revision, expected: expected, into: &devices,
                kind: .device
            ) { $0.tokenHash == device.tokenHash }
        case .putQueueItem(let item, let expected):
            try Self.put(
                item, id: item.id, revision: \.revision, expected: expected, into: &queueItems,
                kind: .queueItem
            ) { _ in false }
        case .endSessions(let accountID, let reason, let at, let keeping):
            end(where: { $0.accountID == accountID && $0.id != keeping }, reason: reason, at: at)
        case .endDeviceSessions(let deviceID, let at):
            end(where: { $0.deviceID == deviceID }, reason: .deviceRevoked, at: at)
        case .replaceRecoveryCodes(let accountID, let hashes, _):
            recoveryCodes[accountID] = hashes.map { RecoveryCode(hash: $0, usedAt: nil) }
        case .consumeRecoveryCode(let accountID, let hash, let at):
            guard let index = recoveryCodes[accountID]?.firstIndex(where: { $0.hash == hash && $0.usedAt == nil })
            else {
                throw .recoveryCodeNotFound
            }
            recoveryCodes[accountID]![index].usedAt = at
        case .insertBreakGlassGrant(let grant):
            guard grants[grant.id] == nil else {
                throw .duplicate(.breakGlassGrant)
            }
            grants[grant.id] = grant
        case .claimOnce(let name, let at):
            guard claims[name] == nil else { throw .alreadyClaimed }
            claims[name] = at
        }
    }

    /// Ends the open sessions that `matches` selects, raising each one's revision.
    mutating func end(where matches: (SessionRecord) -> Bool, reason: SessionEndReason, at: Int64) {
        for (id, session) in sessions where session.endedAt == nil && matches(session) {
            sessions[id]!.endedAt = at
            sessions[id]!.endReason = reason
            sessions[id]!.revision += 1
        }
    }

    /// The compare-and-swap put of every revisioned record: insert when `expected` is nil
    /// (duplicate id or unique key refused), else replace only over the expected revision.
    static func put<Record>(
        _ record: Record,
        id: String,
        revision: KeyPath<Record, Int64>,
        expected: Int64?,
        into table: inout [String: Record],
        kind: StoredRecordKind,
        clashes: (Record) -> Bool
    ) throws(StoreError) {
        guard let expected else {
            guard table[id] == nil, !table.values.contains(where: clashes) else {
                throw .duplicate(kind)
            }
            table[id] = record
            return
        }
        guard let stored = table[id], stored[keyPath: revision] == expected else {
            throw .staleRevision(kind)
        }
        guard !table.contains(where: { $0.key != id && clashes($0.value) }) else {
            throw .duplicate(kind)
        }
        table[id] = record
    }
}
