import KuraCore

extension ChecklistReport.Status {
    /// The status word in `language`.
    public func word(_ language: String) -> String {
        let en = language == "en"
        switch self {
        case .pass: return en ? "PASS" : "適合"
        case .fail: return en ? "FAIL" : "不適合"
        case .yes: return en ? "YES" : "はい"
        case .no: return en ? "NO" : "いいえ"
        case .confirm: return en ? "CONFIRM" : "要確認"
        case .missing: return en ? "MISSING" : "未登録"
        case .unanswered: return en ? "NEEDS A PERSON" : "要回答"
        }
    }
}

extension BilingualText {
    /// The text in `language` (`ja` unless `en`).
    func text(_ language: String) -> String { language == "en" ? en : ja }
}

extension ChecklistReport {
    /// The plain-text form `kura check` prints: every item with its status, evidence, reasons and
    /// answer, then the counts.
    public func text(language: String) -> String {
        var lines = ["# \(checklist.title.text(language)) (\(checklist.id), \(checklist.edition))"]
        lines.append("as of \(PageTime.jst(asOf)) JST")
        for row in rows {
            let number = row.item.number.map { "\($0) " } ?? ""
            let requirements =
                row.item.requirements.isEmpty ? "" : " [\(row.item.requirements.joined(separator: ", "))]"
            lines.append("")
            lines.append("[\(row.status.word(language))] \(number)\(row.item.title.text(language))\(requirements)")
            if row.item.confidence != .primary {
                lines.append(
                    "    (\(language == "en" ? "source" : "出典"): \(row.item.source); \(row.item.confidence.rawValue))")
            }
            lines += row.findings(language).map { "    " + ($0.hasPrefix("✗") ? $0 : "- " + $0) }
            if let answer = row.answer?.answer {
                var text = "    \(language == "en" ? "answer" : "回答"): \(answer.yes ? "はい" : "いいえ"), "
                text += "\(language == "en" ? "confirmed" : "確認日") \(answer.confirmedOn)"
                if let target = answer.targetOn { text += ", \(language == "en" ? "target" : "目標") \(target)" }
                lines.append(text)
            }
        }
        lines.append("")
        lines.append(
            Status.allCases.compactMap { status in counts[status].map { "\(status.word(language)) \($0)" } }
                .joined(separator: " · "))
        return lines.joined(separator: "\n")
    }
}
