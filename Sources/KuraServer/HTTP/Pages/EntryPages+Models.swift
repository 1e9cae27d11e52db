import KuraCore

/// The patient an entry page is about, named on every entry page so nobody writes into or
/// approves for the wrong chart (REC-1), with the way back to the chart.
struct EntryPatientHeader: Sendable {
    let number: String
    let name: String
    let kana: String
    let birthDate: String
    let chartLink: String

    init(_ patient: PatientSummary, text: PageText) {
        number = patient.patientNumber
        name = patient.name
        kana = patient.kana
        birthDate = PageTime.birthDate(patient.birthDate, text)
        chartLink = PageRoute.chart(patient.id).path
    }
}

/// One field of an entry, labelled in the reader's language: a row of the editor (with what
/// was typed) or of a version shown.
struct EntryEditorField: Sendable {
    /// The template's field name, also the form field's.
    let name: String
    let label: String
    let text: String
    /// A `<textarea>` (SOAP and letters) rather than one line.
    let multiline: Bool
    let required: Bool

    /// The kinds the editor writes; scanned documents come with their files, not from it.
    static let editorKinds: [RecordKind] = [.progressNote, .homeVisit, .prescriptionNote, .referralLetter]

    /// Fields written on one line; every other field is a `<textarea>`.
    static let singleLine: Set<String> = ["place", "participants", "recipient", "title"]

    /// The fields of `kind` in the order a clinician writes them (place first, SOAP in order).
    static func order(of kind: RecordKind) -> [String] {
        switch kind {
        case .progressNote: ["subjective", "objective", "assessment", "plan"]
        case .homeVisit: ["place", "participants", "subjective", "objective", "assessment", "plan"]
        case .prescriptionNote: ["prescription", "note"]
        case .referralLetter: ["recipient", "purpose", "body"]
        case .scannedDocument: ["title", "description"]
        }
    }

    /// The editor's rows for `kind`, holding `values`.
    static func editor(_ kind: RecordKind, values: [String: String], text: PageText) -> [EntryEditorField] {
        let required = EntryTemplate.of(kind).required
        return order(of: kind).map { name in
            EntryEditorField(
                name: name, label: text["field" + PageText.capitalised(name)], text: values[name] ?? "",
                multiline: !singleLine.contains(name), required: required.contains(name))
        }
    }

    /// The fields of stored content that hold text, in the kind's order (any other field after).
    static func shown(_ content: EntryContent?, kind: String, text: PageText) -> [EntryEditorField] {
        guard let content else { return [] }
        let known = RecordKind(rawValue: kind).map(order(of:)) ?? []
        let names = known + content.fields.keys.filter { !known.contains($0) }.sorted()
        return names.compactMap { name in
            content.fields[name].map {
                EntryEditorField(
                    name: name, label: text["field" + PageText.capitalised(name)], text: $0, multiline: true,
                    required: false)
            }
        }
    }

    /// The name of an entry kind word in the reader's language.
    static func kindName(_ kind: String, text: PageText) -> String {
        RecordKind(rawValue: kind).map { text.language == "en" ? $0.englishName : $0.japaneseName } ?? kind
    }
}

/// What the person may do here, from the roles in force (ACC-1); the lifecycle and the care
/// team are asked separately.
struct EntryPermissions: Sendable {
    let write: Bool
    let finalize: Bool
    let proxy: Bool
    let approve: Bool

    init(_ auth: Authenticated) {
        let holds = auth.holds
        write = holds(.writeEntry)
        finalize = holds(.finalizeEntry)
        proxy = holds(.proxyEntry)
        approve = holds(.approveProxyEntry)
    }
}

/// Which page the editor is: its title (the template is shared).
protocol EntryEditorMode: Sendable {
    static var titleKey: String { get }
}

/// A new entry.
enum NewEntryMode: EntryEditorMode {
    static let titleKey = "titleNewEntry"
}

/// A draft edited by its author.
enum EditEntryMode: EntryEditorMode {
    static let titleKey = "titleEditEntry"
}

/// A finalized entry amended with a reason (REC-2).
enum AmendEntryMode: EntryEditorMode {
    static let titleKey = "titleAmendEntry"
}

/// The entry editor (new, draft edit, amendment): the kind's fields, SOAP as text areas, the
/// care time of a back entry (INC-5) or a visit, the physician of a proxy entry (ACC-6) and
/// the amendment's reason (REC-2). What was typed is kept when a post is refused.
struct EntryEditorModel<Mode: EntryEditorMode>: PageModel {
    static var template: String { "entry-editor" }
    static var titleKey: String { Mode.titleKey }

    /// The GET form that switches the kind without JavaScript.
    struct KindChoice: Sendable {
        let action: String
        let kinds: [Option]
    }

    /// A `datetime-local` input.
    struct TimeField: Sendable {
        let label: String
        let hint: String?
        let value: String
        let required: Bool
    }

    /// The select of the physician a clerk or nurse enters for.
    struct ProxyChoice: Sendable {
        /// A clerk must name one; a nurse may.
        let required: Bool
        let physicians: [Option]
    }

    /// The amendment's reason, with what was typed.
    struct ReasonField: Sendable {
        let text: String
    }

    let patient: EntryPatientHeader
    let kindChoice: KindChoice?
    let kind: String
    let kindName: String
    let action: String
    let revision: Int64?
    let careTime: TimeField?
    /// The care time already recorded (edit, amendment), shown, not changed.
    let careAtShown: String?
    let visitEnd: TimeField?
    let fields: [EntryEditorField]
    let proxy: ProxyChoice?
    let reasonField: ReasonField?
    let saveLabel: String
    let canFinalize: Bool

    /// Builds the editor for every mode.
    init(
        patient: PatientSummary, kind: RecordKind, action: String, kindChoice: KindChoice?, revision: Int64?,
        careTime: TimeField?, careAtShown: String?, values: EntryEditorValues, proxy: ProxyChoice?,
        reason: ReasonField?, saveLabel: String, canFinalize: Bool, text: PageText
    ) {
        self.patient = EntryPatientHeader(patient, text: text)
        self.kindChoice = kindChoice
        self.kind = kind.rawValue
        kindName = EntryEditorField.kindName(kind.rawValue, text: text)
        self.action = action
        self.revision = revision
        self.careTime = careTime
        self.careAtShown = careAtShown
        visitEnd =
            kind == .homeVisit
            ? TimeField(label: text["entryVisitEnd"], hint: nil, value: values.visitEnd, required: false) : nil
        fields = EntryEditorField.editor(kind, values: values.fields, text: text)
        self.proxy = proxy
        reasonField = reason
        self.saveLabel = saveLabel
        self.canFinalize = canFinalize
    }
}

/// What the editor holds: typed text after a refusal, or a stored version's content.
struct EntryEditorValues: Sendable {
    var careAt = ""
    var visitEnd = ""
    var onBehalfOf = ""
    var reason = ""
    var fields: [String: String] = [:]

    /// Nothing typed yet.
    init() {}

    /// What `form` carried.
    init(_ form: EntryForm) {
        careAt = form.careAt ?? ""
        visitEnd = form.visitEnd ?? ""
        onBehalfOf = form.onBehalfOf ?? ""
        reason = form.reason ?? ""
        for kind in EntryEditorField.editorKinds {
            for name in EntryEditorField.order(of: kind) { fields[name] = form.text(name) }
        }
    }

    /// The current content of `entry`.
    init(_ entry: EntryView) {
        visitEnd = entry.content.visitEndedAt.map(PageTime.inputValue) ?? ""
        fields = entry.content.fields
    }
}
