/// The record-keeping evaluators: the access log (AUD-1/AUD-2) and backups (BAK-1..3).
extension ComplianceEvaluator {
    /// AUD-1/AUD-2, checklist 2⑪. Kura logs every read by construction, so the read count and
    /// the newest read are evidence, not a condition (a new clinic may have read nothing yet).
    /// Fails when `kura verify log` never ran, its last run failed, or it is older than
    /// ``ComplianceThresholds/logVerificationMaxAgeDays``; and, when `reviewed` (the institution
    /// form's 2⑪, "reviewed periodically", AUD-4), as ``logReview(_:_:)`` does.
    static func accessLog(
        _ facts: ComplianceFacts, _ limits: ComplianceThresholds, reviewed: Bool
    ) -> EvaluationResult {
        let log = facts.accessLog
        var reasons: [BilingualText] = []
        var evidence = [
            Evidence(
                text("直近\(limits.readWindowDays)日の閲覧記録", "read events, last \(limits.readWindowDays) days"),
                .count(log.readEventsInWindow)),
            Evidence(text("最新の閲覧記録", "newest read event"), time(log.newestReadAt)),
        ]
        if let run = log.lastVerification {
            evidence += [
                Evidence(text("ログ検証の結果", "log verification passed"), .flag(run.passed)),
                Evidence(text("検証したログの件数", "tree size verified"), .text(String(run.treeSize))),
                Evidence(text("ログ検証の日時", "log verified at"), .time(run.at)),
            ]
            if !run.passed {
                reasons.append(text("直近のログ検証が失敗した", "the last log verification failed"))
            } else if ComplianceThresholds.isOlder(run.at, than: limits.logVerificationMaxAgeDays, asOf: facts.asOf) {
                reasons.append(
                    text(
                        "直近のログ検証が\(limits.logVerificationMaxAgeDays)日より前",
                        "the last log verification is older than \(limits.logVerificationMaxAgeDays) days"))
            }
        } else {
            evidence.append(Evidence(text("ログ検証の日時", "log verified at"), .none))
            reasons.append(text("ログ検証(kura verify log)が実行されていない", "`kura verify log` has never run"))
        }
        if reviewed {
            let review = logReview(facts, limits)
            evidence += review.evidence
            if case .fail(let more) = review.status { reasons += more }
        }
        return EvaluationResult(evaluator: reviewed ? .aud124 : .aud12, reasons: reasons, evidence: evidence)
    }

    /// AUD-4: the planning manager's review of the access log is signed off, the newest within
    /// ``ComplianceThresholds/reviewSignOffMaxAgeDays``.
    static func logReview(_ facts: ComplianceFacts, _ limits: ComplianceThresholds) -> EvaluationResult {
        let signed = facts.accessLog.lastReviewSignOffAt
        var reasons: [BilingualText] = []
        if let signed {
            if ComplianceThresholds.isOlder(signed, than: limits.reviewSignOffMaxAgeDays, asOf: facts.asOf) {
                reasons.append(
                    text(
                        "アクセスログの確認が\(limits.reviewSignOffMaxAgeDays)日以上記録されていない",
                        "no access-log review signed off in \(limits.reviewSignOffMaxAgeDays) days"))
            }
        } else {
            reasons.append(text("アクセスログの確認が記録されていない", "no access-log review has been signed off"))
        }
        return EvaluationResult(
            evaluator: .aud4, reasons: reasons,
            evidence: [Evidence(text("直近のログ確認の記録", "last review signed off"), time(signed))])
    }

    /// BAK-1..3, checklist 3②: a backup within ``ComplianceThresholds/backupMaxAgeDays``, at
    /// least ``ComplianceThresholds/minimumGenerations`` generations, an offline copy within
    /// ``ComplianceThresholds/offlineCopyMaxAgeDays`` (BAK-2: copies kept off the network) and a
    /// successful restore drill within ``ComplianceThresholds/drillMaxAgeDays``.
    static func backups(_ facts: ComplianceFacts, _ limits: ComplianceThresholds) -> EvaluationResult {
        let backups = facts.backups
        var reasons: [BilingualText] = []
        func check(_ at: Int64?, _ days: Int, missing: BilingualText, old: BilingualText) {
            guard let at else { return reasons.append(missing) }
            if ComplianceThresholds.isOlder(at, than: days, asOf: facts.asOf) { reasons.append(old) }
        }
        check(
            backups.lastBackupAt, limits.backupMaxAgeDays, missing: text("バックアップがない", "there is no backup"),
            old: text(
                "最新のバックアップが\(limits.backupMaxAgeDays)日より前",
                "the newest backup is older than \(limits.backupMaxAgeDays) days"))
        if backups.generationsKept < limits.minimumGenerations {
            reasons.append(
                text(
                    "保持世代が\(limits.minimumGenerations)未満",
                    "fewer than \(limits.minimumGenerations) generations are kept"))
        }
        check(
            backups.lastOfflineCopyAt, limits.offlineCopyMaxAgeDays,
            missing: text("オフラインの複製がない", "there is no offline copy"),
            old: text(
                "オフラインの複製が\(limits.offlineCopyMaxAgeDays)日より前",
                "the offline copy is older than \(limits.offlineCopyMaxAgeDays) days"))
        check(
            backups.lastSuccessfulDrill?.at, limits.drillMaxAgeDays,
            missing: text("成功した復元訓練がない", "no restore drill has passed"),
            old: text(
                "成功した復元訓練が\(limits.drillMaxAgeDays)日より前",
                "the last passing restore drill is older than \(limits.drillMaxAgeDays) days"))
        return EvaluationResult(
            evaluator: .bak13, reasons: reasons,
            evidence: [
                Evidence(text("最新のバックアップ", "newest backup"), time(backups.lastBackupAt)),
                Evidence(text("保持世代数", "generations kept"), .count(backups.generationsKept)),
                Evidence(text("最新のオフライン複製", "newest offline copy"), time(backups.lastOfflineCopyAt)),
                Evidence(text("最後に成功した復元訓練", "last passing restore drill"), time(backups.lastSuccessfulDrill?.at)),
                Evidence(
                    text("訓練で復元した世代", "generation restored in the drill"),
                    backups.lastSuccessfulDrill.map { .text($0.generationID) } ?? .none),
            ])
    }
}
