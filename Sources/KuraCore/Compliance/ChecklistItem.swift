/// One question of a checklist form, or one guideline requirement, as a data file states it.
public struct ChecklistItem: Hashable, Sendable {
    /// The id, unique among the bundled files (`inst-2-10`, `vend-1-1`, `AUTH-3`).
    public let id: String
    /// The number as printed on the form (`2⑩`); nil for guideline requirements.
    public let number: String?
    /// The question or requirement, in our own words.
    public let title: BilingualText
    /// The catalog requirement ids the item maps to (`MFA-1`); empty only for requirements.
    public let requirements: [String]
    /// How the item is answered.
    public let evaluation: ItemEvaluation
    /// Where the item comes from (`catalog 3.3`, `R7 manual`).
    public let source: String
    /// How sure we are of the number and wording.
    public let confidence: ItemConfidence
    /// What the answer covers or leaves to a person (`Kura's server only`), when it matters.
    public let note: BilingualText?
    /// The 1-based line of the item's `item:` line, for messages about the file.
    public let line: Int

    /// Creates an item.
    public init(
        id: String, number: String?, title: BilingualText, requirements: [String], evaluation: ItemEvaluation,
        source: String, confidence: ItemConfidence, note: BilingualText?, line: Int
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.requirements = requirements
        self.evaluation = evaluation
        self.source = source
        self.confidence = confidence
        self.note = note
        self.line = line
    }
}

/// How an item is answered (issue 8).
public enum ItemEvaluation: Hashable, Sendable {
    /// From system state, by the named evaluator; passes or fails without a person.
    case auto(EvaluatorID)
    /// From the named registry's entries, then confirmed by a person.
    case prefilled(RegistryID)
    /// By a person only (はい/いいえ with a date).
    case manual

    /// The word used in data files: `auto`, `prefilled` or `manual`.
    public var kind: String {
        switch self {
        case .auto: "auto"
        case .prefilled: "prefilled"
        case .manual: "manual"
        }
    }
}

/// How sure we are of an item, after the catalog's marks (catalog §0).
public enum ItemConfidence: String, Hashable, Sendable, CaseIterable {
    /// (P): the primary text was read.
    case primary
    /// (S): a secondary source, such as a consulting article.
    case secondary
    /// (D): our own design inference; the guideline does not state it.
    case inferred
    /// (?): the number or wording is not verified against the official form.
    case unverified
}
