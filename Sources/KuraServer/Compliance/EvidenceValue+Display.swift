import KuraCore

extension EvidenceValue {
    /// The value as a person reads it in `language`: times in JST, yes/no and days in words; the
    /// JSON keeps ``description``, the ledger's UTC form.
    func display(_ language: String) -> String {
        let en = language == "en"
        switch self {
        case .time(let milliseconds): return "\(PageTime.jst(milliseconds)) JST"
        case .flag(let flag): return flag ? (en ? "yes" : "はい") : (en ? "no" : "いいえ")
        case .days(let days): return en ? "\(days) d" : "\(days)日"
        default: return description
        }
    }
}

extension ChecklistReport.Row {
    /// What the system found for the item, line by line, as the page, the printed report and
    /// `kura check` list it: a failure's reasons (✗), the evidence, or the registry's size.
    func findings(_ language: String) -> [String] {
        switch assessment {
        case .evaluated(let result):
            var lines: [String] = []
            if case .fail(let reasons) = result.status { lines += reasons.map { "✗ " + $0.text(language) } }
            return lines + result.evidence.map { "\($0.label.text(language)): \($0.value.display(language))" }
        case .prefilled(.needsConfirmation(let registry, let entries)):
            return ["\(registry.name(language)): \(entries)"]
        case .prefilled(.missing(let registry)):
            return ["\(registry.name(language)): 0"]
        case .manual:
            return []
        }
    }
}
