/// Building one item from its `key: value` lines, with the rules that tie keys together: an
/// `auto` item names an evaluator, a `prefilled` item a registry, a `manual` item neither.
extension ChecklistFile {
    static func item(
        _ id: String, _ keys: KeyedLines, line: Int, form: ChecklistForm, file: String
    ) throws(ChecklistFileError) -> ChecklistItem {
        func fail(_ problem: ChecklistFileError.Problem, at key: String? = nil) -> ChecklistFileError {
            ChecklistFileError(file: file, line: key.map { keys.line($0) } ?? line, problem: problem)
        }
        var required = ["title-ja", "title-en", "evaluation", "source", "confidence"]
        if form.hasPrintedNumbers { required += ["number", "requirements"] }
        for key in required where !keys.has(key) { throw fail(.missingItemKey(key)) }
        if keys.has("note-ja") != keys.has("note-en") {
            throw fail(.missingItemKey(keys.has("note-ja") ? "note-en" : "note-ja"))
        }
        guard let confidence = ItemConfidence(rawValue: keys["confidence"]!) else {
            throw fail(.unknownConfidence(keys["confidence"]!), at: "confidence")
        }
        let evaluation = try evaluation(keys, fail: fail)
        var requirements: [String] = []
        if let list = keys["requirements"] {
            for part in list.split(separator: ",") {
                let requirement = String(Substring(part).trimmingSpaces)
                guard isRequirementID(requirement) else {
                    throw fail(.invalidRequirement(requirement), at: "requirements")
                }
                requirements.append(requirement)
            }
        }
        let note = keys["note-ja"].map { BilingualText(ja: $0, en: keys["note-en"]!) }
        return ChecklistItem(
            id: id, number: keys["number"], title: BilingualText(ja: keys["title-ja"]!, en: keys["title-en"]!),
            requirements: requirements, evaluation: evaluation, source: keys["source"]!, confidence: confidence,
            note: note, line: line)
    }

    private static func evaluation(
        _ keys: KeyedLines, fail: (ChecklistFileError.Problem, String?) -> ChecklistFileError
    ) throws(ChecklistFileError) -> ItemEvaluation {
        let kind = keys["evaluation"]!
        switch kind {
        case "auto":
            if keys.has("registry") { throw fail(.keyNotAllowed("registry"), "registry") }
            guard let name = keys["evaluator"] else { throw fail(.missingItemKey("evaluator"), nil) }
            guard let evaluator = EvaluatorID(rawValue: name) else {
                throw fail(.unknownEvaluator(name), "evaluator")
            }
            return .auto(evaluator)
        case "prefilled":
            if keys.has("evaluator") { throw fail(.keyNotAllowed("evaluator"), "evaluator") }
            guard let name = keys["registry"] else { throw fail(.missingItemKey("registry"), nil) }
            guard let registry = RegistryID(rawValue: name) else { throw fail(.unknownRegistry(name), "registry") }
            return .prefilled(registry)
        case "manual":
            for key in ["evaluator", "registry"] where keys.has(key) { throw fail(.keyNotAllowed(key), key) }
            return .manual
        default:
            throw fail(.unknownEvaluation(kind), "evaluation")
        }
    }

    /// Catalog ids: capital letters, `-`, digits (`AUTH-3`, `DEV-1`).
    static func isRequirementID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && parts[1].count <= 3
            && parts[0].utf8.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
            && parts[1].utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
