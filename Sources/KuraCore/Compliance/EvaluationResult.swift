/// What an automatic evaluator found: pass or fail with reasons, and the evidence it used
/// (issue 8: "each evaluator states the evidence it used (figures, dates, ids)").
public struct EvaluationResult: Hashable, Sendable {
    /// The evaluator that produced the result.
    public let evaluator: EvaluatorID
    /// Pass, or fail with the reasons.
    public let status: EvaluationStatus
    /// The figures, dates and ids the answer rests on, in reading order.
    public let evidence: [Evidence]

    /// Creates a result; it fails when `reasons` is not empty.
    public init(evaluator: EvaluatorID, reasons: [BilingualText], evidence: [Evidence]) {
        self.evaluator = evaluator
        self.status = reasons.isEmpty ? .pass : .fail(reasons)
        self.evidence = evidence
    }

    /// Whether the item passed.
    public var passed: Bool { status == .pass }
}

/// Pass, or fail with at least one reason.
public enum EvaluationStatus: Hashable, Sendable {
    /// Every condition holds.
    case pass
    /// These conditions do not hold.
    case fail([BilingualText])
}

/// One line of evidence: a label and a language-neutral value.
public struct Evidence: Hashable, Sendable {
    /// What the value is.
    public let label: BilingualText
    /// The value.
    public let value: EvidenceValue

    /// Creates a line.
    public init(_ label: BilingualText, _ value: EvidenceValue) {
        self.label = label
        self.value = value
    }
}

/// An evidence value; the pages and the CLI render it, ``description`` is the plain form.
public enum EvidenceValue: Hashable, Sendable, CustomStringConvertible {
    /// A count.
    case count(Int)
    /// Yes or no.
    case flag(Bool)
    /// An instant (ms since the epoch, UTC).
    case time(Int64)
    /// A number of days.
    case days(Int)
    /// A part of a whole (enrolled of active accounts).
    case share(Int, of: Int)
    /// Opaque ids, logins, ports or versions.
    case list([String])
    /// A short text (a version, a tree size).
    case text(String)
    /// Never happened or not recorded.
    case none

    /// The value as plain text: times in the ledger's UTC format, shares with a percentage.
    public var description: String {
        switch self {
        case .count(let count): String(count)
        case .flag(let flag): flag ? "yes" : "no"
        case .time(let milliseconds):
            (try? CanonicalTime(epochMilliseconds: milliseconds).text) ?? String(milliseconds)
        case .days(let days): "\(days) d"
        case .share(let part, let whole): whole == 0 ? "\(part)/0" : "\(part)/\(whole) (\(part * 100 / whole)%)"
        case .list(let items): items.isEmpty ? "—" : items.joined(separator: ", ")
        case .text(let text): text
        case .none: "—"
        }
    }
}
