import KuraCore

/// The checklists with their counts and the registries with their sizes.
struct ComplianceOverviewModel: PageModel {
    static let template = "compliance"
    static let titleKey = "titleCompliance"

    struct Checklist: Sendable {
        let link: String
        let title: String
        let edition: String
        let counts: String
    }

    struct Registry: Sendable {
        let link: String
        let name: String
        let entries: Int
    }

    let checklists: [Checklist]
    let registries: [Registry]
    let reviewsLink: String?
    let flagsLink: String?

    init(reports: [ChecklistReport], registries counts: [RegistryID: Int], auth: Authenticated, text: PageText) {
        reviewsLink = auth.holds(.readAuditLog) ? PageRoute.accessReviews.path : nil
        flagsLink =
            auth.holds(.readAuditLog) || auth.holds(.manageCompliance) ? PageRoute.patientFlags.path : nil
        checklists = reports.map { report in
            Checklist(
                link: PageRoute.checklist(report.checklist.id).path,
                title: report.checklist.title.text(text.language), edition: report.checklist.edition,
                counts: report.countsText(text.language))
        }
        registries = RegistryID.allCases.map { registry in
            Registry(
                link: PageRoute.registry(registry.rawValue).path, name: registry.name(text.language),
                entries: counts[registry] ?? 0)
        }
    }
}

extension ChecklistReport {
    /// `適合 8 · 不適合 2 · …` in `language`.
    func countsText(_ language: String) -> String {
        Status.allCases.compactMap { status in counts[status].map { "\(status.word(language)) \($0)" } }
            .joined(separator: " · ")
    }
}

/// One checklist answered now: each item with its status, evidence and (for administrators)
/// the answer form.
struct ChecklistModel: PageModel {
    static let template = "checklist"
    static let titleKey = "titleChecklist"

    struct File: Sendable {
        let id: String
        let name: String
        let link: String
    }

    struct Row: Sendable {
        let id: String
        let number: String
        let title: String
        let requirements: String
        let lines: [String]
        let hasLines: Bool
        let source: String?
        let status: String
        let statusWord: String
        let answer: String?
        let files: [File]
        let answerAction: String?
        let today: String
    }

    let heading: String
    let asOf: String
    let counts: String
    let reportAction: String?
    let rows: [Row]
    let checklistID: String
    /// Every evidence file kept, newest first, for the answer forms and the list.
    let evidenceFiles: [File]
    let hasEvidenceFiles: Bool
    let uploadAction: String?

    init(_ report: ChecklistReport, evidence: [String: EvidenceFile], canAnswer: Bool, text: PageText) {
        let language = text.language
        heading = "\(report.checklist.title.text(language)) (\(report.checklist.edition))"
        asOf = PageTime.jst(report.asOf)
        counts = report.countsText(language)
        reportAction = canAnswer ? PageRoute.checklistReport(report.checklist.id).path : nil
        checklistID = report.checklist.id
        uploadAction = canAnswer ? PageRoute.evidenceUpload.path : nil
        evidenceFiles = evidence.values.sorted { ($0.recordedAt, $0.id) > ($1.recordedAt, $1.id) }.map {
            File(id: $0.id, name: $0.name, link: PageRoute.evidenceFile($0.id).path)
        }
        hasEvidenceFiles = !evidenceFiles.isEmpty
        let today = String(PageTime.jst(report.asOf).prefix(10))
        rows = report.rows.map { row in
            let lines = row.findings(language)
            let answer = row.answer.map { recorded in
                var words = "\(recorded.answer.yes ? text["answerYes"] : text["answerNo"]) · "
                words += "\(text["confirmedOn"]) \(recorded.answer.confirmedOn)"
                if let target = recorded.answer.targetOn { words += " · \(text["targetOn"]) \(target)" }
                if let comment = recorded.answer.comment { words += " · \(comment)" }
                return words
            }
            return Row(
                id: row.item.id, number: row.item.number ?? row.item.id, title: row.item.title.text(language),
                requirements: row.item.requirements.joined(separator: ", "), lines: lines, hasLines: !lines.isEmpty,
                source: row.item.confidence == .primary ? nil : "\(row.item.source) (\(row.item.confidence.rawValue))",
                status: row.status.word(language), statusWord: row.status.rawValue, answer: answer,
                files: (row.answer?.answer.evidence ?? []).map { id in
                    File(id: id, name: evidence[id]?.name ?? id, link: PageRoute.evidenceFile(id).path)
                },
                answerAction: canAnswer ? PageRoute.checklist(report.checklist.id).path : nil, today: today)
        }
    }
}

/// One registry: its entries with their values (and an incident's deadlines), the change and
/// withdraw forms, and the add form.
struct RegistryModel: PageModel {
    static let template = "registry"
    static let titleKey = "titleRegistry"

    struct Value: Sendable {
        let label: String
        let value: String
    }

    struct Choice: Sendable {
        let word: String
        let selected: Bool
    }

    /// One field of a form, with its value.
    struct Field: Sendable {
        /// The form's id prefix, so every field id is unique on the page.
        let form: String
        let key: String
        let label: String
        let required: Bool
        let value: String
        let maxLength: Int
        let isText: Bool
        let isDate: Bool
        let isDateTime: Bool
        let isCount: Bool
        let isFlag: Bool
        let isChoice: Bool
        let checked: Bool
        let choices: [Choice]

        init(_ field: RegistryField, value: String?, form: String, language: String) {
            self.form = form
            key = field.key
            label = field.label(language)
            required = field.required
            self.value = value ?? ""
            checked = value == "true"
            var length = 0
            var words: [String] = []
            switch field.shape {
            case .text(let maxLength): length = maxLength
            case .choice(let choices): words = choices
            default: break
            }
            maxLength = length
            isText = if case .text = field.shape { true } else { false }
            isDate = field.shape == .date
            isDateTime = field.shape == .dateTime
            isCount = field.shape == .count
            isFlag = field.shape == .flag
            isChoice = !words.isEmpty
            choices = words.map { Choice(word: $0, selected: $0 == value) }
        }
    }

    struct Deadlines: Sendable {
        let preliminary: String
        let final: String
    }

    struct Entry: Sendable {
        let id: String
        let title: String
        let version: Int64
        let recordedAt: String
        let values: [Value]
        let deadlines: Deadlines?
        /// A rule or document past its review date (GOV-2).
        let overdue: Bool
        let fields: [Field]
        let changeAction: String?
        let withdrawAction: String
    }

    let heading: String
    let entries: [Entry]
    let seenDevices: [String]
    let hasSeenDevices: Bool
    let addAction: String?
    let blank: [Field]

    init(
        _ registry: RegistryID, entries: [RegistryEntry], canEdit: Bool, seenDevices: [String],
        submitted: [String: String], today: CivilDate, text: PageText
    ) {
        let language = text.language
        heading = registry.name(language)
        self.seenDevices = seenDevices
        hasSeenDevices = !seenDevices.isEmpty
        addAction = canEdit ? PageRoute.registry(registry.rawValue).path : nil
        blank = registry.fields.map { Field($0, value: submitted[$0.key], form: "field", language: language) }
        self.entries = entries.map { entry in
            let deadlines = entry.leakReportDeadlines.map { deadlines in
                Deadlines(
                    preliminary: "\(deadlines.preliminaryTarget)〜\(deadlines.preliminaryLatest)",
                    final: deadlines.finalReportDeadline.description)
            }
            return Entry(
                id: entry.id, title: entry.title, version: entry.version, recordedAt: PageTime.jst(entry.recordedAt),
                values: registry.fields.compactMap { field in
                    entry.values[field.key].map { Value(label: field.label(language), value: $0) }
                },
                deadlines: deadlines,
                overdue: entry.values["reviewDue"].flatMap { try? CivilDate(parsing: $0) }.map { $0 < today } ?? false,
                fields: registry.fields.map {
                    Field($0, value: entry.values[$0.key], form: entry.id, language: language)
                },
                changeAction: canEdit ? PageRoute.registry(registry.rawValue).path : nil,
                withdrawAction: PageRoute.withdrawRegistryEntry(registry.rawValue).path)
        }
    }
}
