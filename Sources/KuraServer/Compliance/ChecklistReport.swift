import KuraCore

/// A checklist answered from the system's state and the people's answers: one row per item,
/// with the evaluator's result, the registry's proposal or the recorded answer (issue 8,
/// "Output"). Pure: the CLI, the API, the page and the printed report render this one value.
public struct ChecklistReport: Sendable {
    /// Where an item stands.
    public enum Status: String, Sendable, CaseIterable {
        /// An automatic evaluation passed.
        case pass
        /// An automatic evaluation failed.
        case fail
        /// A person answered はい.
        case yes
        /// A person answered いいえ (with a target date).
        case no
        /// A registry holds entries: a person should confirm the proposed はい.
        case confirm
        /// A registry the item rests on is empty.
        case missing
        /// Only a person can answer, and nobody has.
        case unanswered
    }

    /// One item's row.
    public struct Row: Sendable {
        /// The item.
        public var item: ChecklistItem
        /// What the system found.
        public var assessment: ItemAssessment
        /// The newest answer a person recorded, if any.
        public var answer: RecordedAnswer?
        /// Where it stands.
        public var status: Status
    }

    /// The checklist answered.
    public var checklist: ChecklistFile
    /// The rows in the checklist's order.
    public var rows: [Row]
    /// The instant of the facts (ms, UTC).
    public var asOf: Int64

    /// Answers `checklist` from `facts` and the recorded `answers` (keyed `checklist/item`).
    public init(checklist: ChecklistFile, facts: ComplianceFacts, answers: [String: RecordedAnswer]) {
        self.checklist = checklist
        self.asOf = facts.asOf
        self.rows = checklist.items.map { item in
            let assessment = ItemAssessment(item, facts: facts)
            let answer = answers["\(checklist.id)/\(item.id)"]
            return Row(item: item, assessment: assessment, answer: answer, status: Self.status(assessment, answer))
        }
    }

    /// An evaluator decides an `auto` item; otherwise a person's answer, else the registry's
    /// state, else nobody has answered.
    static func status(_ assessment: ItemAssessment, _ answer: RecordedAnswer?) -> Status {
        switch assessment {
        case .evaluated(let result): return result.passed ? .pass : .fail
        case .prefilled(let registry):
            if let answer { return answer.answer.yes ? .yes : .no }
            if case .missing = registry { return .missing }
            return .confirm
        case .manual:
            if let answer { return answer.answer.yes ? .yes : .no }
            return .unanswered
        }
    }

    /// How many rows stand at each status.
    public var counts: [Status: Int] {
        Dictionary(grouping: rows, by: \.status).mapValues(\.count)
    }

    /// Whether an automatic evaluation failed (`kura check` exits non-zero).
    public var hasFailure: Bool { rows.contains { $0.status == .fail } }
}
