import KuraCore

extension ChecklistReport {
    /// The machine form (`kura check --format json`, `GET /api/v1/compliance/checklists/{id}`):
    /// canonical JSON with both languages, every evidence line and the recorded answer.
    public var json: CanonicalJSON {
        .object([
            "checklist": .string(checklist.id), "edition": .string(checklist.edition),
            "published": .string(checklist.published), "form": .string(checklist.form.rawValue),
            "title": Self.json(checklist.title), "asOf": .integer(asOf),
            "counts": .object(
                Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, .integer(Int64($0.value))) })),
            "items": .array(rows.map(Self.json)),
        ])
    }

    static func json(_ text: BilingualText) -> CanonicalJSON {
        .object(["ja": .string(text.ja), "en": .string(text.en)])
    }

    static func json(_ row: Row) -> CanonicalJSON {
        var fields: [String: CanonicalJSON] = [
            "id": .string(row.item.id), "title": json(row.item.title), "status": .string(row.status.rawValue),
            "evaluation": .string(row.item.evaluation.kind), "source": .string(row.item.source),
            "confidence": .string(row.item.confidence.rawValue),
            "requirements": .array(row.item.requirements.map(CanonicalJSON.string)),
        ]
        if let number = row.item.number { fields["number"] = .string(number) }
        switch row.assessment {
        case .evaluated(let result):
            fields["evaluator"] = .string(result.evaluator.rawValue)
            if case .fail(let reasons) = result.status { fields["reasons"] = .array(reasons.map(json)) }
            fields["evidence"] = .array(
                result.evidence.map { .object(["label": json($0.label), "value": .string($0.value.description)]) })
        case .prefilled(let status):
            switch status {
            case .needsConfirmation(let registry, let entries):
                fields["registry"] = .object(["id": .string(registry.rawValue), "entries": .integer(Int64(entries))])
            case .missing(let registry):
                fields["registry"] = .object(["id": .string(registry.rawValue), "entries": .integer(0)])
            }
        case .manual:
            break
        }
        if let recorded = row.answer {
            var answer: [String: CanonicalJSON] = [
                "answer": .string(recorded.answer.yes ? "yes" : "no"),
                "confirmedOn": .string(recorded.answer.confirmedOn),
                "version": .integer(recorded.version), "recordedAt": .integer(recorded.recordedAt),
                "author": .string(recorded.author),
            ]
            if let target = recorded.answer.targetOn { answer["targetOn"] = .string(target) }
            if let comment = recorded.answer.comment { answer["comment"] = .string(comment) }
            if let evidence = recorded.answer.evidence {
                answer["evidence"] = .array(evidence.map(CanonicalJSON.string))
            }
            fields["answer"] = .object(answer)
        }
        return .object(fields)
    }
}
