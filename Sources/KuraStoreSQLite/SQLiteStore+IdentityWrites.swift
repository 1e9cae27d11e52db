import Foundation
import GRDB
import KuraCore
import KuraStore

extension SQLiteStore {
    /// Applies one identity write inside the batch's transaction (and the unit's savepoint when
    /// it may fail), with cached prepared statements. Refusals are the shared fixed
    /// ``StoreError`` values, so no login, hash or other argument reaches a message.
    static func apply(identity write: StoreWrite, in db: Database) throws -> StoreWriteOutcome {
        switch write {
        case .appendLeaf, .putPatient, .addCareTeamMember, .removeCareTeamMember, .putPatientList, .putEntry,
            .insertRecordVersion, .insertAuditEvent, .insertAttachment, .insertComplianceVersion:
            preconditionFailure("appends and record writes are applied by the batch writer")
        case .putAccount(let account, let expected):
            try put(.account, arguments(account), expected: expected, kind: .account, in: db)
        case .putSession(let session, let expected):
            try put(.session, arguments(session), expected: expected, kind: .session, in: db)
        case .putDevice(let device, let expected):
            try put(.device, arguments(device), expected: expected, kind: .device, in: db)
        case .putQueueItem(let item, let expected):
            try put(.queueItem, arguments(item), expected: expected, kind: .queueItem, in: db)
        case .insertBreakGlassGrant(let grant):
            try put(.breakGlassGrant, arguments(grant), expected: nil, kind: .breakGlassGrant, in: db)
        case .endSessions(let accountID, let reason, let at, let keeping):
            try db.cachedStatement(
                sql: """
                    UPDATE session SET ended_at = ?, end_reason = ?, revision = revision + 1
                    WHERE account_id = ? AND ended_at IS NULL AND id IS NOT ?
                    """
            ).execute(arguments: [at, reason.rawValue, accountID, keeping])
        case .endDeviceSessions(let deviceID, let at):
            try db.cachedStatement(
                sql: """
                    UPDATE session SET ended_at = ?, end_reason = ?, revision = revision + 1
                    WHERE device_id = ? AND ended_at IS NULL
                    """
            ).execute(arguments: [at, SessionEndReason.deviceRevoked.rawValue, deviceID])
        case .replaceRecoveryCodes(let accountID, let hashes, let at):
            try db.cachedStatement(sql: "DELETE FROM account_recovery_code WHERE account_id = ?")
                .execute(arguments: [accountID])
            let insert = try db.cachedStatement(
                sql: "INSERT INTO account_recovery_code (account_id, code_hash, created_at) VALUES (?, ?, ?)"
            )
            for hash in hashes {
                try insert.execute(arguments: [accountID, blob(hash), at])
            }
        case .consumeRecoveryCode(let accountID, let hash, let at):
            try db.cachedStatement(
                sql: """
                    UPDATE account_recovery_code SET used_at = ?
                    WHERE account_id = ? AND code_hash = ? AND used_at IS NULL
                    """
            ).execute(arguments: [at, accountID, blob(hash)])
            if db.changesCount == 0 { throw StoreError.recoveryCodeNotFound }
        case .claimOnce(let name, let at):
            try db.cachedStatement(
                sql: "INSERT INTO once_claim (name, claimed_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"
            ).execute(arguments: [name, at])
            if db.changesCount == 0 { throw StoreError.alreadyClaimed }
        }
        return .applied
    }

    /// Inserts (`expected` nil) or updates over the expected revision; a unique key refused by
    /// SQLite becomes ``StoreError/duplicate(_:)``, an update that matched no row
    /// ``StoreError/staleRevision(_:)``.
    static func put(
        _ table: SQLiteTable,
        _ arguments: StatementArguments,
        expected: Int64?,
        kind: StoredRecordKind,
        in db: Database
    ) throws {
        do {
            guard let expected else {
                try db.cachedStatement(sql: table.insertSQL).execute(arguments: arguments)
                return
            }
            try db.cachedStatement(sql: table.updateSQL).execute(arguments: arguments + ["expected_revision": expected])
            if db.changesCount == 0 { throw StoreError.staleRevision(kind) }
        } catch let error as DatabaseError
            where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
        {
            throw StoreError.duplicate(kind)
        }
    }
}
