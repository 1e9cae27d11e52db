import KuraCore
import KuraStore

extension IdentityService {
    /// Checks the password (AUTH-2, AUTH-5) and opens a session bound to the device (SESS-1,
    /// INV-2). Every refusal is the same ``IdentityError/invalidCredentials`` and takes the time
    /// of one password check, so nobody learns whether the account exists, is locked or is
    /// disabled; each one is a ledger leaf.
    public func signIn(_ attempt: SignInAttempt, kind: SessionKind = .browser) async throws(IdentityError) -> SignedIn {
        let now = clock()
        if let retry = limiter.admit(attempt.clientAddress, at: now) {
            throw .tooManyRequests(retryAfterSeconds: retry)
        }
        let login = try? IdentityInput.login(attempt.login)
        // Over-long input is refused before hashing, at the cost of one dummy hash.
        guard attempt.password.utf8.count <= 4 * PasswordPolicy.standard.maximumLength, let login,
            let record = try await read({ () async throws(StoreError) in try await store.account(login: login) })
        else {
            try await dummyVerify(attempt.password)
            try await commit([try leaf("login.failed", actor: .system, ["reason": .string("unknown-account")])])
            throw .invalidCredentials
        }
        let actor = Actor.account(id: record.id)
        if record.lockout.isLocked(at: now) {
            // AUTH-5: while locked even the right password is refused, after the same work.
            try await dummyVerify(attempt.password)
            try await commit([try leaf("login.refused", actor: actor, ["reason": .string("locked")])])
            throw .invalidCredentials
        }
        guard try await verifyPassword(attempt.password, of: record) else {
            try await recordFailure(of: record.id, event: "login.failed", reason: "password")
            throw .invalidCredentials
        }
        if record.status != .active || (record.endsAt.map { $0 <= now } ?? false) {
            try await commit([try leaf("login.refused", actor: actor, ["reason": .string("disabled")])])
            throw .invalidCredentials
        }
        let device = try await resolveDevice(token: attempt.deviceToken, owner: record.id, userAgent: attempt.userAgent)
        if device.record.status == .revoked {
            try await commit([
                try leaf(
                    "login.refused", actor: actor,
                    ["reason": .string("device-revoked"), "device": .string(device.record.id)])
            ])
            throw .forbidden("device-revoked")
        }
        let expired = settings.accounts.passwordExpired(
            passwordSetAt: record.passwordSetAt, hasSecondFactor: record.sealedTOTPSecret != nil,
            passwordLength: attempt.password.count, at: now)
        let token = OpaqueToken.make(using: random)
        let session = SessionRecord(
            id: OpaqueToken.id("ses", using: random), tokenHash: OpaqueToken.hash(token), accountID: record.id,
            deviceID: device.record.id, kind: kind, revision: 1, createdAt: now, lastSeenAt: now, secondFactorAt: nil,
            viaRecoveryCode: false, reauthenticatedAt: now, activatedRoles: [], endedAt: nil, endReason: nil)
        let hasSecondFactor = record.sealedTOTPSecret != nil
        let account = try await updateAccount(record.id) { (account) throws(IdentityError) in
            if expired { account.passwordMustChange = true }
            var writes = device.writes
            writes.append(.putSession(session, expectedRevision: nil))
            let fields: [String: CanonicalJSON] = [
                "session": .string(session.id), "device": .string(device.record.id), "kind": .string(kind.rawValue),
            ]
            if hasSecondFactor {
                // The failure count stays until the second factor passes: guesses at the code
                // count towards the lock too.
                writes.append(try leaf("login.password-accepted", actor: actor, fields))
            } else {
                account.failedLogins = 0
                account.lockedUntil = nil
                account.lastLoginAt = now
                writes.append(
                    try leaf("login.succeeded", actor: actor, fields.merging(["factor": .string("password")]) { $1 }))
            }
            if expired { writes.append(try leaf("password.expired", actor: .system, ["subject": .string(account.id)])) }
            return writes
        }
        return SignedIn(
            sessionToken: token, deviceToken: device.token,
            authenticated: try authenticated(account: account, session: session, device: device.record),
            passwordWasReset: record.resetNoticePending)
    }

    /// Accepts a TOTP code for a session waiting for its second factor (MFA-1). A code is
    /// accepted at most once per account; a wrong or replayed code counts as a failed sign-in.
    public func verifySecondFactor(
        _ auth: Authenticated, code rawCode: String
    ) async throws(IdentityError) -> Authenticated {
        guard auth.stage == .secondFactor else { throw .stageRequired(auth.stage) }
        let now = clock()
        let actor = auth.actor
        guard !auth.account.lockout.isLocked(at: now),
            let sealed = auth.account.sealedTOTPSecret
        else { throw .secondFactorRejected }
        let secret = try openBytes(sealed, objectID: auth.account.id, field: "totp")
        let code = rawCode.filter { !$0.isWhitespace }
        let verification = TOTP(secret: secret).verify(
            code, at: now / 1000, lastAcceptedStep: auth.account.totpLastStep)
        guard case .accepted(let step) = verification else {
            let reason = verification == .replayed ? "replayed" : "rejected"
            try await recordFailure(of: auth.account.id, event: "second-factor.failed", reason: reason)
            throw .secondFactorRejected
        }
        var session = auth.session
        session.secondFactorAt = now
        session.revision += 1
        do throws(IdentityError) {
            let account = try await updateAccount(auth.account.id) { (account) throws(IdentityError) in
                // The replay guard on fresh state: a concurrent request may have used this step.
                guard step > (account.totpLastStep ?? Int64.min) else { throw .secondFactorRejected }
                account.totpLastStep = step
                account.failedLogins = 0
                account.lockedUntil = nil
                account.lastLoginAt = now
                return [
                    .putSession(session, expectedRevision: auth.session.revision),
                    try leaf(
                        "login.succeeded", actor: actor,
                        [
                            "session": .string(session.id), "device": .string(session.deviceID),
                            "factor": .string("totp"),
                        ]),
                ]
            }
            return try authenticated(account: account, session: session, device: auth.device)
        } catch {
            if error == .secondFactorRejected {
                try await recordFailure(of: auth.account.id, event: "second-factor.failed", reason: "replayed")
            }
            throw error
        }
    }

    /// Signs in with a recovery code instead of the TOTP code (MFA-3): the code is used up, the
    /// session is short-lived and can only enrol a new second factor, and administrators are
    /// alerted.
    public func useRecoveryCode(
        _ auth: Authenticated, code rawCode: String
    ) async throws(IdentityError) -> Authenticated {
        guard auth.stage == .secondFactor else { throw .stageRequired(auth.stage) }
        let now = clock()
        let actor = auth.actor
        guard !auth.account.lockout.isLocked(at: now),
            let code = RecoveryCode.parse(rawCode)
        else {
            try await recordFailure(of: auth.account.id, event: "second-factor.failed", reason: "recovery-code")
            throw .secondFactorRejected
        }
        var session = auth.session
        session.secondFactorAt = now
        session.viaRecoveryCode = true
        session.revision += 1
        do throws(IdentityError) {
            let account = try await updateAccount(auth.account.id) { (account) throws(IdentityError) in
                account.failedLogins = 0
                account.lockedUntil = nil
                account.lastLoginAt = now
                return [
                    .consumeRecoveryCode(accountID: account.id, hash: code.hash(accountID: account.id), at: now),
                    .putSession(session, expectedRevision: auth.session.revision),
                    try leaf(
                        "login.succeeded", actor: actor,
                        [
                            "session": .string(session.id), "device": .string(session.deviceID),
                            "factor": .string("recovery-code"),
                        ]),
                    alert("recovery-code.used", subject: account.id, ref: session.id),
                    review("recovery-code.used", subject: account.id, ref: session.id),
                ]
            }
            return try authenticated(account: account, session: session, device: auth.device)
        } catch {
            if case .notFound = error {
                try await recordFailure(of: auth.account.id, event: "second-factor.failed", reason: "recovery-code")
                throw .secondFactorRejected
            }
            throw error
        }
    }

    /// Resolves a session token (cookie or bearer) to its session, ending it when idle or past
    /// its lifetime (SESS-1, SESS-2), and refusing it when the account or device was shut out.
    public func authenticate(token: String, kind: SessionKind) async throws(IdentityError) -> Authenticated {
        guard OpaqueToken.isWellFormed(token),
            let session = try await read({ () async throws(StoreError) in
                try await store.session(tokenHash: OpaqueToken.hash(token))
            }),
            session.kind == kind, session.endedAt == nil
        else { throw .notSignedIn }
        let now = clock()
        switch settings.sessions.validity(
            kind: kind, createdAt: session.createdAt, lastSeenAt: session.lastSeenAt,
            viaRecoveryCode: session.viaRecoveryCode, at: now)
        {
        case .idle:
            try await end(session, reason: .idle, event: "session.idle-locked", actor: .system)
            throw .notSignedIn
        case .expired:
            try await end(session, reason: .expired, event: "session.expired", actor: .system)
            throw .notSignedIn
        case .active:
            break
        }
        let accountID = session.accountID
        let deviceID = session.deviceID
        let account = try await read { () async throws(StoreError) in try await store.account(id: accountID) }
        let device = try await read { () async throws(StoreError) in try await store.device(id: deviceID) }
        guard let account, account.status == .active, account.endsAt.map({ $0 > now }) ?? true,
            let device, device.status != .revoked
        else { throw .notSignedIn }
        var current = session
        // Activity is written at most once a minute, not per request; the idle limit can only
        // come early by that minute, never late.
        if now - session.lastSeenAt >= 60_000 {
            do throws(IdentityError) {
                current = try await updateSession(session) { $0.lastSeenAt = now }
            } catch {
                guard case .conflict = error else { throw error }
                // Another request of this session wrote first (its own touch, or an end):
                // carry on with what it stored, unless that ended the session.
                let sessionID = session.id
                guard
                    let fresh = try await read({ () async throws(StoreError) in try await store.session(id: sessionID) }
                    ),
                    fresh.endedAt == nil
                else { throw .notSignedIn }
                current = fresh
            }
        }
        return try authenticated(account: account, session: current, device: device)
    }

    /// Ends the session (sign-out, or "switch user" on a shared PC).
    public func signOut(_ auth: Authenticated, switchingUser: Bool = false) async throws(IdentityError) {
        try await end(
            auth.session, reason: switchingUser ? .switchedUser : .logout,
            event: switchingUser ? "session.switched-user" : "logout", actor: auth.actor)
    }

    /// Checks the password again for a sensitive action (export, role change, clinical-role
    /// activation, break-glass); a wrong one counts as a failed sign-in.
    public func reauthenticate(_ auth: Authenticated, password: String) async throws(IdentityError) -> Authenticated {
        guard auth.stage == .ready else { throw .stageRequired(auth.stage) }
        guard try await verifyPassword(password, of: auth.account) else {
            try await recordFailure(of: auth.account.id, event: "reauthentication.failed", reason: "password")
            throw .invalidCredentials
        }
        let now = clock()
        let session = try await updateSession(
            auth.session,
            extra: [try leaf("session.reauthenticated", actor: auth.actor, ["session": .string(auth.session.id)])]
        ) { $0.reauthenticatedAt = now }
        return try authenticated(account: auth.account, session: session, device: auth.device)
    }

    /// Throws unless the session re-authenticated within the policy's window.
    func requireRecentReauthentication(_ auth: Authenticated) throws(IdentityError) {
        guard settings.sessions.isRecentlyReauthenticated(auth.session.reauthenticatedAt, at: clock()) else {
            throw .reauthenticationRequired
        }
    }

    /// Activates a clinical role the administrator also holds, for this session only, with the
    /// password (ACC-2). The activation is a leaf and the account shows as an ACC-2 exception.
    public func activateClinicalRole(
        _ auth: Authenticated, role: Role, password: String
    ) async throws(IdentityError)
        -> Authenticated
    {
        guard auth.stage == .ready else { throw .stageRequired(auth.stage) }
        guard role.isClinical, auth.account.roles.contains(role), auth.account.roles.contains(.admin) else {
            throw .forbidden("the account does not hold that clinical role")
        }
        let fresh = try await reauthenticate(auth, password: password)
        let session = try await updateSession(
            fresh.session,
            extra: [
                try leaf(
                    "role.activated", actor: auth.actor,
                    ["session": .string(auth.session.id), "role": .string(role.rawValue)])
            ]
        ) { $0.activatedRoles.insert(role) }
        return try authenticated(account: auth.account, session: session, device: auth.device)
    }

    // MARK: - Parts

    /// The resolved session with its stage and active roles.
    func authenticated(
        account: AccountRecord, session: SessionRecord, device: DeviceRecord
    ) throws(IdentityError)
        -> Authenticated
    {
        let stage = SignInStage.of(
            hasSecondFactor: account.sealedTOTPSecret != nil, secondFactorPassed: session.secondFactorAt != nil,
            viaRecoveryCode: session.viaRecoveryCode, passwordMustChange: account.passwordMustChange,
            secondFactorRequired: settings.secondFactorRequired)
        return Authenticated(
            account: account, session: session, device: device, stage: stage,
            activeRoles: ActiveRoles.of(roles: account.roles, activated: session.activatedRoles),
            deviceCleared: !settings.deviceApprovalRequired || device.status == .approved)
    }

    /// Ends `session` with `reason` and a leaf; a session another request already ended stays so.
    func end(
        _ session: SessionRecord, reason: SessionEndReason, event: String, actor: Actor
    ) async throws(IdentityError) {
        let now = clock()
        do throws(IdentityError) {
            try await updateSession(
                session,
                extra: [
                    try leaf(
                        event, actor: actor, ["session": .string(session.id), "subject": .string(session.accountID)])
                ]
            ) {
                $0.endedAt = now
                $0.endReason = reason
            }
        } catch {
            if case .conflict = error { return }
            throw error
        }
    }

    /// Counts a failed sign-in step on fresh state; the fifth locks the account, raises an
    /// alert and is its own leaf (AUTH-5).
    func recordFailure(of accountID: String, event: String, reason: String) async throws(IdentityError) {
        let now = clock()
        let policy = settings.lockout
        try await updateAccount(accountID) { (account) throws(IdentityError) in
            var lockout = account.lockout
            let action = lockout.recordFailure(at: now, policy: policy)
            account.failedLogins = lockout.failedLogins
            account.lockedUntil = lockout.lockedUntil
            var writes = [try leaf(event, actor: .account(id: accountID), ["reason": .string(reason)])]
            if case .locked(let until) = action {
                writes.append(
                    try leaf(
                        "account.locked", actor: .system, ["subject": .string(accountID), "until": .integer(until)]))
                writes.append(alert("account.locked", subject: accountID))
            }
            return writes
        }
    }

    /// Verifies `password` against the account's stored hash, off the cooperative pool.
    func verifyPassword(_ password: String, of account: AccountRecord) async throws(IdentityError) -> Bool {
        guard password.utf8.count <= 4 * PasswordPolicy.standard.maximumLength else {
            try await dummyVerify(password)
            return false
        }
        let hash: PasswordHash
        do {
            hash = try PasswordHash(encoded: account.passwordHash)
        } catch {
            throw .unavailable("a stored password hash does not parse")
        }
        do {
            return try await hasher.verify(password, against: hash)
        } catch {
            throw Self.map(error)
        }
    }

    /// The cost of one verification without an account, so timing reveals nothing.
    func dummyVerify(_ password: String) async throws(IdentityError) {
        do throws(PasswordHasherError) {
            try await hasher.verifyDummy(String(password.prefix(PasswordPolicy.standard.maximumLength)))
        } catch {
            throw Self.map(error)
        }
    }
}

extension AccountRecord {
    /// The account's lockout state (AUTH-5), for the pure transitions of ``LockoutState``.
    var lockout: LockoutState {
        LockoutState(failedLogins: failedLogins, lockedUntil: lockedUntil)
    }
}
