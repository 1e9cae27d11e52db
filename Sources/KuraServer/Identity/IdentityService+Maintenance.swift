import KuraCore
import KuraStore

extension IdentityService {
    /// Disables every active account whose end date passed or that has not signed in for the
    /// dormancy period (ACC-4), ending its sessions; returns how many were disabled.
    @discardableResult
    public func disableDormantAccounts() async throws(IdentityError) -> Int {
        let now = clock()
        let policy = settings.accounts
        var disabled = 0
        for record in try await read({ () async throws(StoreError) in try await store.accounts() })
        where record.status == .active {
            guard
                policy.disableReason(
                    createdAt: record.createdAt, lastLoginAt: record.lastLoginAt, endsAt: record.endsAt, at: now) != nil
            else { continue }
            let updated = try await updateAccount(record.id) { (account) throws(IdentityError) in
                // Decided again on fresh state: a sign-in may have just happened.
                guard account.status == .active,
                    let reason = policy.disableReason(
                        createdAt: account.createdAt, lastLoginAt: account.lastLoginAt, endsAt: account.endsAt, at: now)
                else { return [] }
                account.status = .disabled
                account.disabledReason = reason
                return [
                    try leaf(
                        "account.disabled", actor: .system,
                        ["subject": .string(account.id), "reason": .string(reason.rawValue)]),
                    .endSessions(accountID: account.id, reason: .accountDisabled, at: now, keeping: nil),
                ]
            }
            if updated.status == .disabled { disabled += 1 }
        }
        return disabled
    }

    /// The dormant-account report (ACC-4): disabled accounts, and active ones idle for more than
    /// a third of the dormancy period, most idle first.
    public func dormantReport() async throws(IdentityError) -> [AccountView] {
        let threshold = settings.accounts.dormantDays / 3
        return try await listAccounts()
            .filter { $0.status == AccountStatus.disabled.rawValue || $0.idleDays >= threshold }
            .sorted { ($0.idleDays, $0.login) > ($1.idleDays, $1.login) }
    }
}
