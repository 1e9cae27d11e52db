/// The privilege evaluators: who administers (ACC-2) and which accounts should be gone (ACC-4).
extension ComplianceEvaluator {
    /// ACC-2, checklist 2④: lists the active administrators; fails when there is none, or when
    /// one also holds a clinical role (``Role/isClinical``), naming those accounts.
    static func administrators(_ facts: ComplianceFacts) -> EvaluationResult {
        let admins = facts.accounts.filter { $0.active && $0.roles.contains(.admin) }.sorted { $0.id < $1.id }
        let clinical = admins.filter { $0.roles.contains(where: \.isClinical) }.map(\.id)
        var reasons: [BilingualText] = []
        if admins.isEmpty {
            reasons.append(text("管理者権限を持つ有効アカウントがない", "no active account holds administrator rights"))
        }
        if !clinical.isEmpty {
            reasons.append(
                text(
                    "診療権限も持つ管理者: \(clinical.joined(separator: ", "))",
                    "administrators who also hold a clinical role: \(clinical.joined(separator: ", "))"))
        }
        return EvaluationResult(
            evaluator: .acc2, reasons: reasons,
            evidence: [
                Evidence(text("管理者の数", "administrators"), .count(admins.count)),
                Evidence(
                    text("管理者(ID・ログイン名)", "administrators (id, login)"), .list(admins.map { "\($0.id) (\($0.login))" })),
                Evidence(text("診療権限も持つ管理者", "administrators with a clinical role"), .list(clinical)),
            ])
    }

    /// ACC-4, checklist 2⑤: fails when an active account is dormant (no sign-in, counting from
    /// creation when it never signed in, for ``ComplianceThresholds/dormantDays`` or more) or
    /// belongs to a leaver (its end date has passed). Uses ``AccountPolicy`` so the report and
    /// the sign-in check agree on the edge: exactly 90 days is dormant.
    static func dormantAndLeavers(_ facts: ComplianceFacts, _ limits: ComplianceThresholds) -> EvaluationResult {
        let policy = AccountPolicy(dormantDays: limits.dormantDays, passwordExpiryDays: 90)
        var dormant: [String] = []
        var leavers: [String] = []
        let active = facts.accounts.filter(\.active)
        for account in active {
            switch policy.disableReason(
                createdAt: account.createdAt, lastLoginAt: account.lastSignInAt, endsAt: account.endsAt,
                at: facts.asOf)
            {
            case .ended?: leavers.append(account.id)
            case .dormant?: dormant.append(account.id)
            case .manual?, nil: break
            }
        }
        dormant.sort()
        leavers.sort()
        var reasons: [BilingualText] = []
        if !leavers.isEmpty {
            reasons.append(
                text(
                    "終了日を過ぎても有効なアカウント: \(leavers.joined(separator: ", "))",
                    "accounts still active after their end date: \(leavers.joined(separator: ", "))"))
        }
        if !dormant.isEmpty {
            reasons.append(
                text(
                    "\(limits.dormantDays)日以上サインインのないアカウント: \(dormant.joined(separator: ", "))",
                    "accounts without a sign-in for \(limits.dormantDays) days: \(dormant.joined(separator: ", "))"))
        }
        return EvaluationResult(
            evaluator: .acc4, reasons: reasons,
            evidence: [
                Evidence(text("有効なアカウント", "active accounts"), .count(active.count)),
                Evidence(text("休眠とみなす日数", "dormant after"), .days(limits.dormantDays)),
                Evidence(text("休眠アカウント", "dormant accounts"), .list(dormant)),
                Evidence(text("退職者の有効アカウント", "leavers still active"), .list(leavers)),
            ])
    }
}
