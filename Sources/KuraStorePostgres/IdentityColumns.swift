import KuraCore
import KuraStore
import PostgresNIO

/// The identity tables' `SELECT` lists, in the order the decoders below read them: kept beside
/// the decoders so that a read and its decoder cannot drift apart.
enum IdentityColumns {
    /// The `account` columns of an ``AccountRecord``.
    static let account: String = """
        SELECT id, login, revision, roles, job_type, sealed_name, sealed_licence, status, disabled_reason, ends_at,
            created_at, last_login_at, password_hash, password_set_at, password_must_change, reset_notice_pending,
            failed_logins, locked_until, sealed_totp_secret, totp_enrolled_at, totp_last_step, language
        FROM account
        """
    /// The `session` columns of a ``SessionRecord``.
    static let session: String = """
        SELECT id, token_hash, account_id, device_id, kind, revision, created_at, last_seen_at, second_factor_at,
            via_recovery_code, reauthenticated_at, activated_roles, ended_at, end_reason
        FROM session
        """
    /// The `device` columns of a ``DeviceRecord``.
    static let device: String = """
        SELECT id, token_hash, owner_account_id, revision, first_seen_at, last_seen_at, user_agent, ownership,
            status, decided_by, decided_at
        FROM device
        """
    /// The `break_glass_grant` columns of a ``BreakGlassGrant``.
    static let breakGlassGrant: String = """
        SELECT id, account_id, patient_id, sealed_reason, granted_at, expires_at FROM break_glass_grant
        """
    /// The `queue_item` columns of a ``QueueItem``.
    static let queueItem: String = """
        SELECT id, queue, kind, subject_account_id, ref_id, revision, created_at, closed_by, closed_at, outcome
        FROM queue_item
        """
}

extension AccountRecord {
    /// Decodes a row of ``IdentityColumns/account``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "account")
        self.init(
            id: try reader.next(),
            login: try reader.next(),
            revision: try reader.next(),
            roles: try reader.roles("roles"),
            jobType: try reader.next(),
            sealedName: try reader.bytes(),
            sealedLicence: try reader.optionalBytes(),
            status: try reader.word(AccountStatus.self, "status"),
            disabledReason: try reader.optionalWord(DisableReason.self, "disabled_reason"),
            endsAt: try reader.next(),
            createdAt: try reader.next(),
            lastLoginAt: try reader.next(),
            passwordHash: try reader.next(),
            passwordSetAt: try reader.next(),
            passwordMustChange: try reader.next(),
            resetNoticePending: try reader.next(),
            failedLogins: try reader.int("failed_logins"),
            lockedUntil: try reader.next(),
            sealedTOTPSecret: try reader.optionalBytes(),
            totpEnrolledAt: try reader.next(),
            totpLastStep: try reader.next(),
            language: try reader.next()
        )
    }
}

extension SessionRecord {
    /// Decodes a row of ``IdentityColumns/session``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "session")
        self.init(
            id: try reader.next(),
            tokenHash: try reader.bytes(),
            accountID: try reader.next(),
            deviceID: try reader.next(),
            kind: try reader.word(SessionKind.self, "kind"),
            revision: try reader.next(),
            createdAt: try reader.next(),
            lastSeenAt: try reader.next(),
            secondFactorAt: try reader.next(),
            viaRecoveryCode: try reader.next(),
            reauthenticatedAt: try reader.next(),
            activatedRoles: try reader.roles("activated_roles"),
            endedAt: try reader.next(),
            endReason: try reader.optionalWord(SessionEndReason.self, "end_reason")
        )
    }
}

extension DeviceRecord {
    /// Decodes a row of ``IdentityColumns/device``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "device")
        self.init(
            id: try reader.next(),
            tokenHash: try reader.bytes(),
            ownerAccountID: try reader.next(),
            revision: try reader.next(),
            firstSeenAt: try reader.next(),
            lastSeenAt: try reader.next(),
            userAgent: try reader.next(),
            ownership: try reader.word(DeviceOwnership.self, "ownership"),
            status: try reader.word(DeviceStatus.self, "status"),
            decidedBy: try reader.next(),
            decidedAt: try reader.next()
        )
    }
}

extension BreakGlassGrant {
    /// Decodes a row of ``IdentityColumns/breakGlassGrant``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "break_glass_grant")
        self.init(
            id: try reader.next(),
            accountID: try reader.next(),
            patientID: try reader.next(),
            sealedReason: try reader.bytes(),
            grantedAt: try reader.next(),
            expiresAt: try reader.next()
        )
    }
}

extension QueueItem {
    /// Decodes a row of ``IdentityColumns/queueItem``.
    init(postgres row: PostgresRow) throws {
        var reader = PostgresRowReader(row, table: "queue_item")
        self.init(
            id: try reader.next(),
            queue: try reader.word(QueueKind.self, "queue"),
            kind: try reader.next(),
            subjectAccountID: try reader.next(),
            refID: try reader.next(),
            revision: try reader.next(),
            createdAt: try reader.next(),
            closedBy: try reader.next(),
            closedAt: try reader.next(),
            outcome: try reader.next()
        )
    }
}
