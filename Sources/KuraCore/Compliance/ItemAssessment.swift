/// What the system can say about one item before any person's answer (issue 8): an automatic
/// result, a registry's proposal, or nothing (a manual item).
public enum ItemAssessment: Hashable, Sendable {
    /// An `auto` item: the evaluator's pass or fail with its evidence.
    case evaluated(EvaluationResult)
    /// A `prefilled` item: the registry's state, to be confirmed by a person.
    case prefilled(PrefilledStatus)
    /// A `manual` item: only a person can answer.
    case manual

    /// Assesses `item` from the facts.
    public init(
        _ item: ChecklistItem, facts: ComplianceFacts, thresholds: ComplianceThresholds = .standard
    ) {
        switch item.evaluation {
        case .auto(let evaluator):
            self = .evaluated(ComplianceEvaluator.evaluate(evaluator, facts: facts, thresholds: thresholds))
        case .prefilled(let registry):
            self = .prefilled(PrefilledStatus(registry: registry, facts: facts))
        case .manual:
            self = .manual
        }
    }

    /// Whether an automatic evaluation failed (`kura check` exits non-zero then).
    public var isFailure: Bool {
        if case .evaluated(let result) = self { return !result.passed }
        return false
    }
}
