import KuraCore
import KuraStore
import PostgresNIO

extension PostgresStore {
    /// Applies one write on `connection`, inside the caller's transaction (and the unit's
    /// savepoint when ``StoreWrite/mayFailInDatabase``). Runs of appends go through
    /// ``appendPending(_:on:)`` together instead; a lone append here is a run of one.
    ///
    /// The `put…` writes are compare-and-swap (StoreWrite): an insert when `expectedRevision` is
    /// nil, whose duplicate id or unique key the server refuses with SQLSTATE 23505; otherwise
    /// `UPDATE … WHERE id = … AND revision = …`. Under READ COMMITTED a second writer of the
    /// same row waits for the first to commit and then re-checks the `WHERE` against the new
    /// row, so of two racing swaps exactly one matches; no row matched is a `conflict`, for a
    /// missing row too.
    ///
    /// Record writes go to ``applyRecord(_:leaf:on:)`` with `leaf`, the unit's most recent append.
    func applyOne(
        _ write: StoreWrite, leaf: LeafID?, on connection: PostgresConnection
    ) async throws -> StoreWriteOutcome {
        switch write {
        case .appendLeaf(let append):
            let ids = try await appendPending([append], on: connection)
            return .leafAppended(ids[0])
        case .putAccount(let account, let expected):
            try await put(Self.accountQuery(account, expectedRevision: expected), .account, on: connection)
        case .putSession(let session, let expected):
            try await put(Self.sessionQuery(session, expectedRevision: expected), .session, on: connection)
        case .putDevice(let device, let expected):
            try await put(Self.deviceQuery(device, expectedRevision: expected), .device, on: connection)
        case .putQueueItem(let item, let expected):
            try await put(Self.queueItemQuery(item, expectedRevision: expected), .queueItem, on: connection)
        case .endSessions(let accountID, let reason, let time, let keeping):
            try await connection.query(
                """
                UPDATE session SET ended_at = \(time), end_reason = \(reason.rawValue), revision = revision + 1
                WHERE account_id = \(accountID) AND ended_at IS NULL AND id IS DISTINCT FROM \(keeping)::text
                """,
                logger: driverLogger
            )
        case .endDeviceSessions(let deviceID, let time):
            try await connection.query(
                """
                UPDATE session
                SET ended_at = \(time), end_reason = \(SessionEndReason.deviceRevoked.rawValue),
                    revision = revision + 1
                WHERE device_id = \(deviceID) AND ended_at IS NULL
                """,
                logger: driverLogger
            )
        case .replaceRecoveryCodes(let accountID, let hashes, let time):
            try await connection.query(
                "DELETE FROM account_recovery_code WHERE account_id = \(accountID)",
                logger: driverLogger
            )
            guard !hashes.isEmpty else { return .applied }
            let buffers = hashes.map { ByteBuffer(bytes: $0) }
            try await connection.query(
                """
                INSERT INTO account_recovery_code (account_id, code_hash, created_at)
                SELECT \(accountID), code_hash, \(time) FROM unnest(\(buffers)::bytea[]) AS code_hash
                """,
                logger: driverLogger
            )
        case .consumeRecoveryCode(let accountID, let hash, let time):
            // A second use of the same code waits for the first and then finds it used (MFA-3).
            let rows = try await connection.query(
                """
                UPDATE account_recovery_code SET used_at = \(time)
                WHERE account_id = \(accountID) AND code_hash = \(ByteBuffer(bytes: hash)) AND used_at IS NULL
                RETURNING 1
                """,
                logger: driverLogger
            ).collect()
            guard !rows.isEmpty else { throw StoreError.recoveryCodeNotFound }
        case .insertBreakGlassGrant(let grant):
            let reason = ByteBuffer(bytes: grant.sealedReason)
            try await refusingDuplicates(.breakGlassGrant) {
                try await connection.query(
                    """
                    INSERT INTO break_glass_grant (id, account_id, patient_id, sealed_reason, granted_at, expires_at)
                    VALUES (\(grant.id), \(grant.accountID), \(grant.patientID), \(reason),
                            \(grant.grantedAt), \(grant.expiresAt))
                    """,
                    logger: driverLogger
                )
            }
        case .claimOnce(let name, let time):
            // ON CONFLICT waits for a concurrent claim to commit, then skips: one claimant wins.
            let rows = try await connection.query(
                """
                INSERT INTO once_claim (name, claimed_at) VALUES (\(name), \(time))
                ON CONFLICT (name) DO NOTHING
                RETURNING 1
                """,
                logger: driverLogger
            ).collect()
            guard !rows.isEmpty else { throw StoreError.alreadyClaimed }
        case .putPatient, .addCareTeamMember, .removeCareTeamMember, .putPatientList, .putEntry,
            .insertRecordVersion, .insertAuditEvent, .insertAttachment, .insertComplianceVersion:
            try await applyRecord(write, leaf: leaf, on: connection)
        }
        return .applied
    }

    /// Runs an insert, or an update that returns a row when its compare-and-swap matched, of a
    /// `kind` record. A unique key the server finds taken (SQLSTATE 23505) and a swap that
    /// matched nothing become the fixed refusals every backend gives (``StoreError/duplicate(_:)``,
    /// ``StoreError/staleRevision(_:)``), naming no value.
    func put(
        _ query: (sql: PostgresQuery, isUpdate: Bool),
        _ kind: StoredRecordKind,
        on connection: PostgresConnection
    ) async throws {
        let rows = try await refusingDuplicates(kind) {
            try await connection.query(query.sql, logger: driverLogger).collect()
        }
        if query.isUpdate && rows.isEmpty {
            throw StoreError.staleRevision(kind)
        }
    }

    /// Runs `body`, turning a unique violation into the fixed refusal for a `kind` record.
    @discardableResult
    func refusingDuplicates<Result>(
        _ kind: StoredRecordKind,
        _ body: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await body()
        } catch let error as PSQLError where error.code == .server && error.serverInfo?[.sqlState] == "23505" {
            throw StoreError.duplicate(kind)
        }
    }
}

extension PostgresStore {
    /// The insert or compare-and-swap update of an account.
    static func accountQuery(
        _ account: AccountRecord,
        expectedRevision: Int64?
    ) -> (sql: PostgresQuery, isUpdate: Bool) {
        let name = ByteBuffer(bytes: account.sealedName)
        let licence = account.sealedLicence.map { ByteBuffer(bytes: $0) }
        let totpSecret = account.sealedTOTPSecret.map { ByteBuffer(bytes: $0) }
        let failedLogins = Int64(account.failedLogins)
        guard let expectedRevision else {
            let sql: PostgresQuery = """
                INSERT INTO account (
                    id, login, revision, roles, job_type, sealed_name, sealed_licence, status, disabled_reason,
                    ends_at, created_at, last_login_at, password_hash, password_set_at, password_must_change,
                    reset_notice_pending, failed_logins, locked_until, sealed_totp_secret, totp_enrolled_at,
                    totp_last_step, language
                ) VALUES (
                    \(account.id), \(account.login), \(account.revision), \(account.roles.storedForm),
                    \(account.jobType), \(name), \(licence), \(account.status.rawValue),
                    \(account.disabledReason?.rawValue), \(account.endsAt), \(account.createdAt),
                    \(account.lastLoginAt), \(account.passwordHash), \(account.passwordSetAt),
                    \(account.passwordMustChange), \(account.resetNoticePending), \(failedLogins),
                    \(account.lockedUntil), \(totpSecret), \(account.totpEnrolledAt), \(account.totpLastStep),
                    \(account.language)
                )
                """
            return (sql, false)
        }
        let sql: PostgresQuery = """
            UPDATE account SET
                login = \(account.login), revision = \(account.revision), roles = \(account.roles.storedForm),
                job_type = \(account.jobType), sealed_name = \(name), sealed_licence = \(licence),
                status = \(account.status.rawValue), disabled_reason = \(account.disabledReason?.rawValue),
                ends_at = \(account.endsAt), created_at = \(account.createdAt),
                last_login_at = \(account.lastLoginAt), password_hash = \(account.passwordHash),
                password_set_at = \(account.passwordSetAt), password_must_change = \(account.passwordMustChange),
                reset_notice_pending = \(account.resetNoticePending), failed_logins = \(failedLogins),
                locked_until = \(account.lockedUntil), sealed_totp_secret = \(totpSecret),
                totp_enrolled_at = \(account.totpEnrolledAt), totp_last_step = \(account.totpLastStep),
                language = \(account.language)
            WHERE id = \(account.id) AND revision = \(expectedRevision)
            RETURNING 1
            """
        return (sql, true)
    }

    /// The insert or compare-and-swap update of a session.
    static func sessionQuery(
        _ session: SessionRecord,
        expectedRevision: Int64?
    ) -> (sql: PostgresQuery, isUpdate: Bool) {
        let tokenHash = ByteBuffer(bytes: session.tokenHash)
        guard let expectedRevision else {
            let sql: PostgresQuery = """
                INSERT INTO session (
                    id, token_hash, account_id, device_id, kind, revision, created_at, last_seen_at,
                    second_factor_at, via_recovery_code, reauthenticated_at, activated_roles, ended_at, end_reason
                ) VALUES (
                    \(session.id), \(tokenHash), \(session.accountID), \(session.deviceID), \(session.kind.rawValue),
                    \(session.revision), \(session.createdAt), \(session.lastSeenAt), \(session.secondFactorAt),
                    \(session.viaRecoveryCode), \(session.reauthenticatedAt), \(session.activatedRoles.storedForm),
                    \(session.endedAt), \(session.endReason?.rawValue)
                )
                """
            return (sql, false)
        }
        let sql: PostgresQuery = """
            UPDATE session SET
                token_hash = \(tokenHash), account_id = \(session.accountID), device_id = \(session.deviceID),
                kind = \(session.kind.rawValue), revision = \(session.revision), created_at = \(session.createdAt),
                last_seen_at = \(session.lastSeenAt), second_factor_at = \(session.secondFactorAt),
                via_recovery_code = \(session.viaRecoveryCode), reauthenticated_at = \(session.reauthenticatedAt),
                activated_roles = \(session.activatedRoles.storedForm), ended_at = \(session.endedAt),
                end_reason = \(session.endReason?.rawValue)
            WHERE id = \(session.id) AND revision = \(expectedRevision)
            RETURNING 1
            """
        return (sql, true)
    }

    /// The insert or compare-and-swap update of a device.
    static func deviceQuery(
        _ device: DeviceRecord,
        expectedRevision: Int64?
    ) -> (sql: PostgresQuery, isUpdate: Bool) {
        let tokenHash = ByteBuffer(bytes: device.tokenHash)
        guard let expectedRevision else {
            let sql: PostgresQuery = """
                INSERT INTO device (
                    id, token_hash, owner_account_id, revision, first_seen_at, last_seen_at, user_agent,
                    ownership, status, decided_by, decided_at
                ) VALUES (
                    \(device.id), \(tokenHash), \(device.ownerAccountID), \(device.revision), \(device.firstSeenAt),
                    \(device.lastSeenAt), \(device.userAgent), \(device.ownership.rawValue),
                    \(device.status.rawValue), \(device.decidedBy), \(device.decidedAt)
                )
                """
            return (sql, false)
        }
        let sql: PostgresQuery = """
            UPDATE device SET
                token_hash = \(tokenHash), owner_account_id = \(device.ownerAccountID), revision = \(device.revision),
                first_seen_at = \(device.firstSeenAt), last_seen_at = \(device.lastSeenAt),
                user_agent = \(device.userAgent), ownership = \(device.ownership.rawValue),
                status = \(device.status.rawValue), decided_by = \(device.decidedBy), decided_at = \(device.decidedAt)
            WHERE id = \(device.id) AND revision = \(expectedRevision)
            RETURNING 1
            """
        return (sql, true)
    }

    /// The insert or compare-and-swap update of an alert or review item.
    static func queueItemQuery(
        _ item: QueueItem,
        expectedRevision: Int64?
    ) -> (sql: PostgresQuery, isUpdate: Bool) {
        guard let expectedRevision else {
            let sql: PostgresQuery = """
                INSERT INTO queue_item (
                    id, queue, kind, subject_account_id, ref_id, revision, created_at, closed_by, closed_at, outcome
                ) VALUES (
                    \(item.id), \(item.queue.rawValue), \(item.kind), \(item.subjectAccountID), \(item.refID),
                    \(item.revision), \(item.createdAt), \(item.closedBy), \(item.closedAt), \(item.outcome)
                )
                """
            return (sql, false)
        }
        let sql: PostgresQuery = """
            UPDATE queue_item SET
                queue = \(item.queue.rawValue), kind = \(item.kind), subject_account_id = \(item.subjectAccountID),
                ref_id = \(item.refID), revision = \(item.revision), created_at = \(item.createdAt),
                closed_by = \(item.closedBy), closed_at = \(item.closedAt), outcome = \(item.outcome)
            WHERE id = \(item.id) AND revision = \(expectedRevision)
            RETURNING 1
            """
        return (sql, true)
    }
}
