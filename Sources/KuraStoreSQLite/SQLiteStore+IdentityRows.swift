import Foundation
import GRDB
import KuraCore
import KuraStore

// Records to named statement arguments and rows back to records, column for column with
// `SQLiteTable`. Enumerations are stored as their raw values and role sets in their
// `storedForm`; a stored value this binary does not know is `corrupt`, never a crash.

extension SQLiteStore {
    /// Bytes as a statement argument. GRDB binds an empty `Data` with a null pointer, which
    /// SQLite stores as NULL; an empty array is therefore bound as the empty string, which the
    /// statements' `CAST(… AS BLOB)` turns into an empty blob, so `[]` and nil stay apart.
    static func blob(_ bytes: [UInt8]?) -> (any DatabaseValueConvertible)? {
        guard let bytes else { return nil }
        return bytes.isEmpty ? "" : Data(bytes)
    }

    static func arguments(_ account: AccountRecord) -> StatementArguments {
        [
            "id": account.id, "login": account.login, "revision": account.revision,
            "roles": account.roles.storedForm, "job_type": account.jobType, "sealed_name": blob(account.sealedName),
            "sealed_licence": blob(account.sealedLicence), "status": account.status.rawValue,
            "disabled_reason": account.disabledReason?.rawValue, "ends_at": account.endsAt,
            "created_at": account.createdAt, "last_login_at": account.lastLoginAt,
            "password_hash": account.passwordHash, "password_set_at": account.passwordSetAt,
            "password_must_change": account.passwordMustChange, "reset_notice_pending": account.resetNoticePending,
            "failed_logins": account.failedLogins, "locked_until": account.lockedUntil,
            "sealed_totp_secret": blob(account.sealedTOTPSecret), "totp_enrolled_at": account.totpEnrolledAt,
            "totp_last_step": account.totpLastStep, "language": account.language,
        ]
    }

    static func account(from row: Row) throws -> AccountRecord {
        AccountRecord(
            id: try row.decode(forColumn: "id"), login: try row.decode(forColumn: "login"),
            revision: try row.decode(forColumn: "revision"), roles: try roles(row, "roles"),
            jobType: try row.decode(forColumn: "job_type"), sealedName: try bytes(row, "sealed_name"),
            sealedLicence: try optionalBytes(row, "sealed_licence"), status: try value(row, "status"),
            disabledReason: try optionalValue(row, "disabled_reason"), endsAt: try row.decode(forColumn: "ends_at"),
            createdAt: try row.decode(forColumn: "created_at"), lastLoginAt: try row.decode(forColumn: "last_login_at"),
            passwordHash: try row.decode(forColumn: "password_hash"),
            passwordSetAt: try row.decode(forColumn: "password_set_at"),
            passwordMustChange: try row.decode(forColumn: "password_must_change"),
            resetNoticePending: try row.decode(forColumn: "reset_notice_pending"),
            failedLogins: try row.decode(forColumn: "failed_logins"),
            lockedUntil: try row.decode(forColumn: "locked_until"),
            sealedTOTPSecret: try optionalBytes(row, "sealed_totp_secret"),
            totpEnrolledAt: try row.decode(forColumn: "totp_enrolled_at"),
            totpLastStep: try row.decode(forColumn: "totp_last_step"), language: try row.decode(forColumn: "language")
        )
    }

    static func arguments(_ session: SessionRecord) -> StatementArguments {
        [
            "id": session.id, "token_hash": blob(session.tokenHash), "account_id": session.accountID,
            "device_id": session.deviceID, "kind": session.kind.rawValue, "revision": session.revision,
            "created_at": session.createdAt, "last_seen_at": session.lastSeenAt,
            "second_factor_at": session.secondFactorAt, "via_recovery_code": session.viaRecoveryCode,
            "reauthenticated_at": session.reauthenticatedAt, "activated_roles": session.activatedRoles.storedForm,
            "ended_at": session.endedAt, "end_reason": session.endReason?.rawValue,
        ]
    }

    static func session(from row: Row) throws -> SessionRecord {
        SessionRecord(
            id: try row.decode(forColumn: "id"), tokenHash: try bytes(row, "token_hash"),
            accountID: try row.decode(forColumn: "account_id"), deviceID: try row.decode(forColumn: "device_id"),
            kind: try value(row, "kind"), revision: try row.decode(forColumn: "revision"),
            createdAt: try row.decode(forColumn: "created_at"), lastSeenAt: try row.decode(forColumn: "last_seen_at"),
            secondFactorAt: try row.decode(forColumn: "second_factor_at"),
            viaRecoveryCode: try row.decode(forColumn: "via_recovery_code"),
            reauthenticatedAt: try row.decode(forColumn: "reauthenticated_at"),
            activatedRoles: try roles(row, "activated_roles"), endedAt: try row.decode(forColumn: "ended_at"),
            endReason: try optionalValue(row, "end_reason")
        )
    }

    static func arguments(_ device: DeviceRecord) -> StatementArguments {
        [
            "id": device.id, "token_hash": blob(device.tokenHash), "owner_account_id": device.ownerAccountID,
            "revision": device.revision, "first_seen_at": device.firstSeenAt, "last_seen_at": device.lastSeenAt,
            "user_agent": device.userAgent, "ownership": device.ownership.rawValue, "status": device.status.rawValue,
            "decided_by": device.decidedBy, "decided_at": device.decidedAt,
        ]
    }

    static func device(from row: Row) throws -> DeviceRecord {
        DeviceRecord(
            id: try row.decode(forColumn: "id"), tokenHash: try bytes(row, "token_hash"),
            ownerAccountID: try row.decode(forColumn: "owner_account_id"),
            revision: try row.decode(forColumn: "revision"), firstSeenAt: try row.decode(forColumn: "first_seen_at"),
            lastSeenAt: try row.decode(forColumn: "last_seen_at"), userAgent: try row.decode(forColumn: "user_agent"),
            ownership: try value(row, "ownership"), status: try value(row, "status"),
            decidedBy: try row.decode(forColumn: "decided_by"), decidedAt: try row.decode(forColumn: "decided_at")
        )
    }

    static func arguments(_ grant: BreakGlassGrant) -> StatementArguments {
        [
            "id": grant.id, "account_id": grant.accountID, "patient_id": grant.patientID,
            "sealed_reason": blob(grant.sealedReason), "granted_at": grant.grantedAt, "expires_at": grant.expiresAt,
        ]
    }

    static func grant(from row: Row) throws -> BreakGlassGrant {
        BreakGlassGrant(
            id: try row.decode(forColumn: "id"), accountID: try row.decode(forColumn: "account_id"),
            patientID: try row.decode(forColumn: "patient_id"), sealedReason: try bytes(row, "sealed_reason"),
            grantedAt: try row.decode(forColumn: "granted_at"), expiresAt: try row.decode(forColumn: "expires_at")
        )
    }

    static func arguments(_ item: QueueItem) -> StatementArguments {
        [
            "id": item.id, "queue": item.queue.rawValue, "kind": item.kind, "subject_account_id": item.subjectAccountID,
            "ref_id": item.refID, "revision": item.revision, "created_at": item.createdAt, "closed_by": item.closedBy,
            "closed_at": item.closedAt, "outcome": item.outcome,
        ]
    }

    static func queueItem(from row: Row) throws -> QueueItem {
        QueueItem(
            id: try row.decode(forColumn: "id"), queue: try value(row, "queue"),
            kind: try row.decode(forColumn: "kind"),
            subjectAccountID: try row.decode(forColumn: "subject_account_id"),
            refID: try row.decode(forColumn: "ref_id"), revision: try row.decode(forColumn: "revision"),
            createdAt: try row.decode(forColumn: "created_at"), closedBy: try row.decode(forColumn: "closed_by"),
            closedAt: try row.decode(forColumn: "closed_at"), outcome: try row.decode(forColumn: "outcome")
        )
    }

    // MARK: - Column decoders

    static func bytes(_ row: Row, _ column: String) throws -> [UInt8] {
        [UInt8](try row.decode(Data.self, forColumn: column))
    }

    static func optionalBytes(_ row: Row, _ column: String) throws -> [UInt8]? {
        try row.decode(Data?.self, forColumn: column).map { [UInt8]($0) }
    }

    static func value<Value: RawRepresentable<String>>(_ row: Row, _ column: String) throws -> Value {
        guard let value = Value(rawValue: try row.decode(forColumn: column)) else {
            throw StoreError.corrupt("unknown value in \(column)")
        }
        return value
    }

    static func optionalValue<Value: RawRepresentable<String>>(_ row: Row, _ column: String) throws -> Value? {
        guard let raw = try row.decode(String?.self, forColumn: column) else { return nil }
        guard let value = Value(rawValue: raw) else { throw StoreError.corrupt("unknown value in \(column)") }
        return value
    }

    static func roles(_ row: Row, _ column: String) throws -> Set<Role> {
        guard let roles = Set<Role>(storedForm: try row.decode(forColumn: column)) else {
            throw StoreError.corrupt("unknown role in \(column)")
        }
        return roles
    }
}
