/// The account evaluators: second factors (MFA-1), the password policy (AUTH-3/4), the
/// administrators (ACC-2), dormant and leavers' accounts (ACC-4).
extension ComplianceEvaluator {
    /// MFA-1, checklist 2⑩: passes only when policy requires a second factor AND every active
    /// account has one enrolled. No active account at all fails: there is nothing to show.
    /// (MFA-2's physical-control equivalent is a person's answer, not evaluated here.)
    static func secondFactors(_ facts: ComplianceFacts) -> EvaluationResult {
        let active = facts.accounts.filter(\.active)
        let missing = active.filter { !$0.hasSecondFactor }.map(\.id).sorted()
        var reasons: [BilingualText] = []
        if !facts.secondFactorRequired {
            reasons.append(text("二要素認証が方針で必須になっていない", "policy does not require a second factor"))
        }
        if active.isEmpty {
            reasons.append(text("有効なアカウントがない", "there are no active accounts"))
        } else if !missing.isEmpty {
            reasons.append(
                text(
                    "二要素未登録の有効アカウント: \(missing.joined(separator: ", "))",
                    "active accounts without a second factor: \(missing.joined(separator: ", "))"))
        }
        return EvaluationResult(
            evaluator: .mfa1, reasons: reasons,
            evidence: [
                Evidence(text("二要素認証の必須化", "second factor required"), .flag(facts.secondFactorRequired)),
                Evidence(
                    text("二要素登録済み / 有効アカウント", "enrolled / active accounts"),
                    .share(active.count - missing.count, of: active.count)),
                Evidence(text("未登録のアカウント", "accounts not enrolled"), .list(missing)),
            ])
    }

    /// AUTH-3/AUTH-4, checklist 2⑦⑧: at least 8 characters mixed (13 without a mix), a
    /// common/breached word list loaded, initial passwords changed at first use, and periodic
    /// change either unneeded (a second factor is required, or every password has 13+
    /// characters) or enforced for the accounts that need it.
    static func passwordPolicy(_ facts: ComplianceFacts, _ limits: ComplianceThresholds) -> EvaluationResult {
        let policy = facts.passwords
        var reasons: [BilingualText] = []
        if policy.minimumLength < limits.minimumPasswordLength {
            reasons.append(text("最小文字数が8文字未満", "minimum length is below \(limits.minimumPasswordLength)"))
        }
        if policy.minimumLengthWithoutMix < limits.lengthWithoutRotation {
            reasons.append(
                text(
                    "13文字未満のパスワードに英数記号の混在を求めていない",
                    "passwords under \(limits.lengthWithoutRotation) characters need not mix letters, digits and symbols"
                ))
        }
        if policy.guessableWordCount <= 0 {
            reasons.append(text("推測されやすい語のリストが読み込まれていない", "no common-password list is loaded"))
        }
        if !policy.initialPasswordMustChange {
            reasons.append(text("初期パスワードの変更を強制していない", "initial passwords need not be changed"))
        }
        let rotation: EvidenceValue
        if facts.secondFactorRequired {
            rotation = .text("not needed: second factor required / 二要素認証必須のため不要")
        } else if policy.minimumLength >= limits.lengthWithoutRotation {
            rotation = .text("not needed: 13+ characters / 13文字以上のため不要")
        } else if let days = policy.rotationDays {
            rotation = .days(days)
        } else {
            rotation = .none
            reasons.append(
                text(
                    "二要素認証も13文字以上も必須でなく、定期変更も強制していない",
                    "neither a second factor nor 13 characters is required, and no periodic change is enforced"))
        }
        return EvaluationResult(
            evaluator: .auth34, reasons: reasons,
            evidence: [
                Evidence(text("最小文字数(英数記号混在)", "minimum length (mixed)"), .count(policy.minimumLength)),
                Evidence(text("最小文字数(混在なし)", "minimum length (unmixed)"), .count(policy.minimumLengthWithoutMix)),
                Evidence(text("推測されやすい語の件数", "common-password list entries"), .count(policy.guessableWordCount)),
                Evidence(text("初期パスワードの変更強制", "initial password must change"), .flag(policy.initialPasswordMustChange)),
                Evidence(text("二要素認証の必須化", "second factor required"), .flag(facts.secondFactorRequired)),
                Evidence(text("定期変更", "periodic change"), rotation),
            ])
    }
}
