/// Runs the automatic evaluators (issue 8). Each is a pure function of ``ComplianceFacts`` and
/// ``ComplianceThresholds``: no clock, no I/O; the time is `facts.asOf`.
public enum ComplianceEvaluator {
    /// The result of one evaluator.
    public static func evaluate(
        _ id: EvaluatorID, facts: ComplianceFacts, thresholds: ComplianceThresholds = .standard
    ) -> EvaluationResult {
        switch id {
        case .mfa1: secondFactors(facts)
        case .auth34: passwordPolicy(facts, thresholds)
        case .acc2: administrators(facts)
        case .acc4: dormantAndLeavers(facts, thresholds)
        case .aud12: accessLog(facts, thresholds, reviewed: false)
        case .aud4: logReview(facts, thresholds)
        case .aud124: accessLog(facts, thresholds, reviewed: true)
        case .bak13: backups(facts, thresholds)
        case .net1: transportSecurity(facts)
        case .mal3: listeningPorts(facts)
        case .mal2: runningBuild(facts, thresholds)
        case .inv12: devices(facts)
        }
    }

    /// A label for evidence or a reason.
    static func text(_ ja: String, _ en: String) -> BilingualText {
        BilingualText(ja: ja, en: en)
    }

    /// Evidence for an optional instant: the time, or ``EvidenceValue/none``.
    static func time(_ milliseconds: Int64?) -> EvidenceValue {
        milliseconds.map(EvidenceValue.time) ?? .none
    }
}
