import Crypto
import Foundation
import KuraCore
import KuraStore

extension IdentityService {
    /// Whether the first administrator still has to be created.
    public func setupPending() async throws(IdentityError) -> Bool {
        let claimed = try await read { () async throws(StoreError) in try await store.isClaimed(Self.setupClaim) }
        return !claimed && setupCodeDigest() != nil
    }

    static let setupClaim = "setup.first-admin"

    /// Creates the first administrator with the one-time setup code printed at first start
    /// (ACC-1: no default credentials anywhere). The code works once, for one account.
    public func createFirstAdministrator(
        setupCode: String,
        login rawLogin: String,
        name rawName: String,
        password: String,
        language: String? = nil
    ) async throws(IdentityError) -> AccountView {
        guard let digest = setupCodeDigest() else { throw .setupUnavailable }
        let given = DataFolder.setupCodeDigest(of: setupCode.trimmingCharacters(in: .whitespaces).uppercased())
        guard ConstantTime.equal(Array(given.utf8), Array(digest.utf8)) else { throw .setupUnavailable }
        let login = try IdentityInput.login(rawLogin)
        let name = try IdentityInput.name(rawName)
        try checkPassword(password, login: login, names: [name])
        let hash = try await hashPassword(password)
        let now = clock()
        let id = OpaqueToken.id("acc", using: random)
        let account = AccountRecord(
            id: id, login: login, revision: 1, roles: [.admin], jobType: "administrator",
            sealedName: try seal(name, objectID: id, field: "name"), sealedLicence: nil, status: .active,
            disabledReason: nil, endsAt: nil, createdAt: now, lastLoginAt: nil, passwordHash: hash.encoded,
            passwordSetAt: now, passwordMustChange: false, resetNoticePending: false, failedLogins: 0,
            lockedUntil: nil, sealedTOTPSecret: nil, totpEnrolledAt: nil, totpLastStep: nil,
            language: try IdentityInput.language(language))
        do throws(IdentityError) {
            try await commit([
                .claimOnce(name: Self.setupClaim, at: now),
                .putAccount(account, expectedRevision: nil),
                try leaf("account.created", actor: .setup, ["subject": .string(id), "roles": .string("admin")]),
            ])
        } catch {
            if case .conflict = error { throw .setupUnavailable }
            throw error
        }
        return try view(account)
    }

    /// Adds an account with a one-time initial password that must change at first sign-in
    /// (AUTH-4). Returns the view and that password, which is shown once and stored nowhere.
    public func addAccount(
        _ input: NewAccount, by actor: Actor
    ) async throws(IdentityError) -> (
        account: AccountView, initialPassword: String
    ) {
        let login = try IdentityInput.login(input.login)
        let name = try IdentityInput.name(input.name)
        guard IdentityInput.jobTypes.contains(input.jobType) else { throw .invalidInput("jobType: unknown job type") }
        let roles = try IdentityInput.roles(input.roles)
        let licence = try IdentityInput.licence(input.licence, roles: roles)
        let password = oneTimePassword()
        let hash = try await hashPassword(password)
        let now = clock()
        let id = OpaqueToken.id("acc", using: random)
        let account = AccountRecord(
            id: id, login: login, revision: 1, roles: roles, jobType: input.jobType,
            sealedName: try seal(name, objectID: id, field: "name"),
            sealedLicence: try licence.map { (text) throws(IdentityError) in
                try seal(text, objectID: id, field: "licence")
            },
            status: .active, disabledReason: nil, endsAt: input.endsAt, createdAt: now, lastLoginAt: nil,
            passwordHash: hash.encoded, passwordSetAt: now, passwordMustChange: true, resetNoticePending: false,
            failedLogins: 0, lockedUntil: nil, sealedTOTPSecret: nil, totpEnrolledAt: nil, totpLastStep: nil,
            language: try IdentityInput.language(input.language))
        do throws(IdentityError) {
            try await commit([
                .putAccount(account, expectedRevision: nil),
                try leaf(
                    "account.created", actor: actor, ["subject": .string(id), "roles": .string(roles.storedForm)]),
            ])
        } catch {
            if case .conflict = error { throw .conflict("the login name is taken") }
            throw error
        }
        return (try view(account), password)
    }

    /// Every account, by login name.
    public func listAccounts() async throws(IdentityError) -> [AccountView] {
        let records = try await read { () async throws(StoreError) in try await store.accounts() }
        var views: [AccountView] = []
        for record in records { views.append(try view(record)) }
        return views
    }

    /// The account with `id`.
    public func account(id: String) async throws(IdentityError) -> AccountView {
        guard let record = try await read({ () async throws(StoreError) in try await store.account(id: id) }) else {
            throw .notFound("account")
        }
        return try view(record)
    }

    /// The account id for a login name (the command line names accounts by login).
    public func accountID(login rawLogin: String) async throws(IdentityError) -> String {
        let login = try IdentityInput.login(rawLogin)
        guard let record = try await read({ () async throws(StoreError) in try await store.account(login: login) })
        else { throw .notFound("account") }
        return record.id
    }

    /// Replaces the roles of account `id` (ACC-1). Nobody changes their own roles; granting an
    /// administrator a clinical role is allowed but reported as the ACC-2 exception.
    public func setRoles(_ names: [String], of id: String, by actor: Actor) async throws(IdentityError) -> AccountView {
        guard actor.accountID != id else { throw .forbidden("nobody changes their own roles") }
        let roles = try IdentityInput.roles(names)
        let now = clock()
        let record = try await updateAccount(id) { (account) throws(IdentityError) in
            if roles.contains(where: \.requiresLicence) && account.sealedLicence == nil {
                throw .invalidInput("licence: required for physicians and nurses")
            }
            let before = account.roles
            account.roles = roles
            return [
                try leaf(
                    "account.roles-changed", actor: actor,
                    [
                        "subject": .string(id), "from": .string(before.storedForm), "to": .string(roles.storedForm),
                    ]),
                // A role change ends the subject's sessions so nobody keeps rights they lost.
                .endSessions(accountID: id, reason: .revoked, at: now, keeping: nil),
            ]
        }
        return try view(record)
    }

    /// Sets the holder's own display language (`ja` or `en`); a leaf records the change.
    public func setLanguage(_ auth: Authenticated, to language: String) async throws(IdentityError) -> AccountView {
        guard auth.stage == .ready else { throw .stageRequired(auth.stage) }
        guard ["ja", "en"].contains(language) else { throw .invalidInput("language: ja or en") }
        let record = try await updateAccount(auth.account.id) { (account) throws(IdentityError) in
            account.language = language
            return [
                try leaf(
                    "account.language-changed", actor: auth.actor,
                    ["subject": .string(auth.account.id), "language": .string(language)])
            ]
        }
        return try view(record)
    }

    /// Disables account `id` and ends its sessions (ACC-4).
    public func disable(_ id: String, by actor: Actor) async throws(IdentityError) -> AccountView {
        guard actor.accountID != id else { throw .forbidden("administrators do not disable themselves") }
        let now = clock()
        let record = try await updateAccount(id) { (account) throws(IdentityError) in
            account.status = .disabled
            account.disabledReason = .manual
            return [
                try leaf("account.disabled", actor: actor, ["subject": .string(id), "reason": .string("manual")]),
                .endSessions(accountID: id, reason: .accountDisabled, at: now, keeping: nil),
            ]
        }
        return try view(record)
    }

    /// Enables account `id` again; a dormant account restarts its dormancy clock from now.
    public func enable(_ id: String, by actor: Actor) async throws(IdentityError) -> AccountView {
        let now = clock()
        let record = try await updateAccount(id) { (account) throws(IdentityError) in
            if let endsAt = account.endsAt, endsAt <= now {
                throw .invalidInput("endsAt: the account's end date has passed; change it first")
            }
            account.status = .active
            account.disabledReason = nil
            account.lastLoginAt = max(account.lastLoginAt ?? 0, now)
            return [try leaf("account.enabled", actor: actor, ["subject": .string(id)])]
        }
        return try view(record)
    }

    /// Sets or clears the end date of account `id` (ACC-4: leavers).
    public func setEndDate(_ endsAt: Int64?, of id: String, by actor: Actor) async throws(IdentityError) -> AccountView
    {
        if actor.accountID == id, let endsAt, endsAt <= clock() {
            throw .forbidden("administrators do not end their own account")
        }
        let record = try await updateAccount(id) { (account) throws(IdentityError) in
            account.endsAt = endsAt
            var fields: [String: CanonicalJSON] = ["subject": .string(id)]
            if let endsAt { fields["endsAt"] = .integer(endsAt) }
            return [try leaf("account.end-date-set", actor: actor, fields)]
        }
        return try view(record)
    }

    /// Resets the password of account `id` to a one-time password (AUTH-4, AUTH-6): the holder
    /// must change it at the next sign-in and is told of the reset; all sessions end; the reset
    /// goes to the review queue, since an administrator could otherwise impersonate.
    public func resetPassword(of id: String, by actor: Actor) async throws(IdentityError) -> String {
        guard actor.accountID != id else { throw .forbidden("change your own password instead") }
        let password = oneTimePassword()
        let hash = try await hashPassword(password)
        let now = clock()
        try await updateAccount(id) { (account) throws(IdentityError) in
            account.passwordHash = hash.encoded
            account.passwordSetAt = now
            account.passwordMustChange = true
            account.resetNoticePending = true
            return [
                try leaf("password.reset", actor: actor, ["subject": .string(id)]),
                .endSessions(accountID: id, reason: .passwordChanged, at: now, keeping: nil),
                review("password.reset", subject: id),
                alert("password.reset", subject: id),
            ]
        }
        return password
    }

    /// Lifts the lock of account `id` (AUTH-5).
    public func unlock(_ id: String, by actor: Actor) async throws(IdentityError) -> AccountView {
        let record = try await updateAccount(id) { (account) throws(IdentityError) in
            var lockout = account.lockout
            lockout.unlock()
            account.failedLogins = lockout.failedLogins
            account.lockedUntil = lockout.lockedUntil
            return [try leaf("account.unlocked", actor: actor, ["subject": .string(id)])]
        }
        return try view(record)
    }

    /// Ends every session of account `id` (a lost phone, a suspicion).
    public func revokeAllSessions(of id: String, by actor: Actor) async throws(IdentityError) {
        guard try await read({ () async throws(StoreError) in try await store.account(id: id) }) != nil else {
            throw .notFound("account")
        }
        try await commit([
            .endSessions(accountID: id, reason: .revoked, at: clock(), keeping: nil),
            try leaf("session.revoked-all", actor: actor, ["subject": .string(id)]),
        ])
    }

    /// 16 characters of lowercase base32 in groups of four (80 bits): passes the 13-character
    /// rule, reads aloud over the phone, and is useless after the first sign-in.
    func oneTimePassword() -> String {
        let text = Base32.encode(random.bytes(count: 10)).lowercased()
        return stride(from: 0, to: 16, by: 4).map { start in
            String(text.dropFirst(start).prefix(4))
        }.joined(separator: "-")
    }

    /// Refuses `password` with the first rule it breaks (AUTH-3).
    func checkPassword(_ password: String, login: String, names: [String]) throws(IdentityError) {
        let context = PasswordContext(login: login, names: names, clinicName: settings.clinicName)
        if let refusal = PasswordPolicy.standard.check(password, context: context, dictionary: dictionary) {
            throw .passwordRefused(refusal)
        }
    }

    /// Hashes off the cooperative pool; a saturated hasher is a 429.
    func hashPassword(_ password: String) async throws(IdentityError) -> PasswordHash {
        do {
            return try await hasher.hash(password)
        } catch {
            throw Self.map(error)
        }
    }

    static func map(_ error: PasswordHasherError) -> IdentityError {
        switch error {
        case .busy(let seconds): .tooManyRequests(retryAfterSeconds: seconds)
        case .stopped: .unavailable("the server is shutting down")
        }
    }
}
