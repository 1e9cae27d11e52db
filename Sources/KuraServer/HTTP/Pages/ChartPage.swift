import KuraCore
import KuraStore

/// The chart (REC-3): the patient header with allergies first, the lists, the break-glass
/// banner with the time left (ACC-7), a timeline of entries with their badges, each linking to
/// the entry and its history, attachments inline, and, where policy allows, who viewed the
/// chart (AUD-1). Pure model (STYLE 13): built from what ``ChartPages`` read.
struct ChartPage: PageModel {
    static let template = "chart"
    static let titleKey = "titleChart"

    /// What the query read for the page.
    struct Reads: Sendable {
        let chart: ChartView
        let attachments: [AttachmentView]
        /// The running grant, when the chart was opened by break-glass.
        let grant: BreakGlassView?
        /// Who viewed the chart, when the reader may see it.
        let viewers: [ChartViewer]?
        /// Login names by account id.
        let logins: [String: String]
        /// Whether the older-entries link starts after the last entry shown.
        let cursor: AuditCursor?
    }

    /// What the reader's roles let them do from the chart (the service decides again on use).
    struct Abilities: Sendable {
        var edit = false
        var lists = false
        var write = false

        init(_ auth: Authenticated) {
            let holds = auth.holds
            edit = holds(.registerPatient)
            lists = holds(.writeEntry)
            write = holds(.writeEntry) || holds(.proxyEntry)
        }

        init() {}
    }

    struct Item: Sendable {
        let text: String
        let note: String?
        let since: String?
    }

    struct ListSection: Sendable {
        let title: String
        let items: [Item]
    }

    /// The banner of a chart opened by break-glass.
    struct BreakGlassBanner: Sendable {
        /// Whole minutes left, rounded up (a grant with 10 s left shows 1).
        let minutesLeft: Int64
        /// When it lapses.
        let until: String
    }

    /// A mark on a timeline entry; `warn` draws it in the alert colour.
    struct Badge: Sendable {
        let label: String
        let warn: Bool
    }

    struct Field: Sendable {
        let label: String
        let text: String
    }

    struct AttachmentItem: Sendable {
        let name: String
        let link: String
        /// Shown inline with `<img>`; a PDF is a link (no `<object>` or frame: the CSP allows none).
        let image: Bool
        let width: Int?
        let height: Int?
        let kind: String
        let size: String
        let scannedLateDays: Int?
    }

    struct TimelineEntry: Sendable {
        let link: String
        let kindName: String
        let badges: [Badge]
        let recordedAt: String
        let careAt: String?
        let author: String
        let onBehalfOf: String?
        let finalized: String?
        let struck: Bool
        let fields: [Field]
        let attachments: [AttachmentItem]
    }

    /// The rows of "who viewed this chart".
    struct ViewerTable: Sendable {
        let rows: [ViewerRow]
    }

    struct ViewerRow: Sendable {
        let at: String
        let who: String
        let action: String
        let access: String
        let breakGlass: Bool
    }

    let name: String
    let kana: String
    let patientNumber: String
    let birthDate: String
    let age: Int
    let sex: String
    let address: String?
    let phone: String?
    let insurance: String?
    let careStartedOn: String?
    let careEndedOn: String?
    let merged: Bool
    let breakGlass: BreakGlassBanner?
    /// Opened by break-glass, but the grant lapsed while the page was drawn.
    let breakGlassLapsed: Bool
    let newEntryLink: String?
    let editLink: String?
    let listsLink: String?
    let printLink: String
    let allergies: [Item]
    let lists: [ListSection]
    let entries: [TimelineEntry]
    let olderLink: String?
    let newestLink: String?
    /// Attachments that belong to no entry shown.
    let attachments: [AttachmentItem]
    let hasAttachments: Bool
    let viewers: ViewerTable?

    init(_ reads: Reads, abilities: Abilities, text: PageText, now: Int64) {
        let chart = reads.chart
        let patient = chart.patient
        let demographics = patient.demographics
        name = demographics.name
        kana = demographics.kana
        patientNumber = demographics.patientNumber
        birthDate = PageTime.birthDate(demographics.birthDate, text)
        let today = CivilDate(daysSinceEpoch: Int(PageTime.jstDay(now)))
        age = (try? CivilDate(parsing: demographics.birthDate)).map { Self.age(born: $0, on: today) } ?? 0
        sex = text["sex" + PageText.capitalised(demographics.sex)]
        address = demographics.address
        phone = demographics.phone
        let insuranceParts = [demographics.insurerNumber, demographics.insuranceSymbol, demographics.insuranceNumber]
        insurance =
            insuranceParts.allSatisfy { $0 == nil } ? nil : insuranceParts.map { $0 ?? "—" }.joined(separator: " / ")
        careStartedOn = demographics.careStartedOn.map { PageTime.date($0, text) }
        careEndedOn = demographics.careEndedOn.map { PageTime.date($0, text) }
        merged = patient.mergedInto != nil
        let byGlass = chart.access == AccessDecision.AllowReason.breakGlass.rawValue
        breakGlass = reads.grant.flatMap { grant in
            guard byGlass, grant.expiresAt > now else { return nil }
            return BreakGlassBanner(
                minutesLeft: (grant.expiresAt - now + 59_999) / 60_000, until: PageTime.dateTime(grant.expiresAt, text))
        }
        breakGlassLapsed = byGlass && breakGlass == nil
        newEntryLink = abilities.write ? PageRoute.newEntry(patient.id).path : nil
        editLink = abilities.edit ? PageRoute.editPatient(patient.id).path : nil
        listsLink = abilities.lists ? PageRoute.patientLists(patient.id).path : nil
        printLink = PageRoute.printChart(patient.id).path
        let items = { (list: PatientListView) in
            list.items.map { Item(text: $0.text, note: $0.note, since: $0.since.map { PageTime.date($0, text) }) }
        }
        allergies = chart.lists.first { $0.kind == PatientListKind.allergies.rawValue }.map(items) ?? []
        lists = chart.lists.filter { $0.kind != PatientListKind.allergies.rawValue }.map {
            ListSection(title: text["list" + PageText.capitalised($0.kind)], items: items($0))
        }
        let who = { (id: String) in reads.logins[id] ?? id }
        let shown = Set(chart.entries.map(\.id))
        var byEntry: [String: [AttachmentItem]] = [:]
        var loose: [AttachmentItem] = []
        for attachment in reads.attachments {
            let item = Self.attachment(attachment, text: text)
            if let entry = attachment.entryID, shown.contains(entry) {
                byEntry[entry, default: []].append(item)
            } else {
                loose.append(item)
            }
        }
        attachments = loose
        hasAttachments = !loose.isEmpty
        entries = chart.entries.map { entry in
            let kind = RecordKind(rawValue: entry.kind)
            return TimelineEntry(
                link: PageRoute.entry(entry.id).path,
                kindName: kind.map { text.language == "en" ? $0.englishName : $0.japaneseName } ?? entry.kind,
                badges: Self.badges(entry, text: text), recordedAt: PageTime.dateTime(entry.createdAt, text),
                careAt: entry.careAt.map { PageTime.dateTime($0, text) }, author: who(entry.author),
                onBehalfOf: entry.onBehalfOf.map(who),
                finalized: entry.finalizedBy.map { finalizer in
                    "\(who(finalizer)) \(entry.finalizedAt.map { PageTime.dateTime($0, text) } ?? text["never"])"
                },
                struck: entry.state == EntryState.enteredInError.rawValue,
                fields: Self.fields(entry.content, kind: entry.kind, text: text), attachments: byEntry[entry.id] ?? [])
        }
        let path = PageRoute.chart(patient.id).path
        olderLink =
            chart.entries.count == RecordService.chartPageSize
            ? chart.entries.last.map { "\(path)?beforeAt=\($0.createdAt)&beforeID=\($0.id)" } : nil
        newestLink = reads.cursor == nil ? nil : path
        viewers = reads.viewers.map { events in
            ViewerTable(
                rows: events.map {
                    ViewerRow(
                        at: PageTime.dateTime($0.at, text), who: who($0.actor), action: text.readAction($0.action),
                        access: text.access($0.access),
                        breakGlass: $0.access == AccessDecision.AllowReason.breakGlass.rawValue)
                })
        }
    }

    /// The badges of an entry: its state, a back entry, and an unsigned document (SIG-1).
    static func badges(_ entry: EntryView, text: PageText) -> [Badge] {
        let state = EntryState(rawValue: entry.state)
        var badges = [
            Badge(
                label: text["state" + PageText.capitalised(entry.state)],
                warn: state.map { $0 != .finalized && $0 != .amended } ?? true)
        ]
        if isBackEntry(careAt: entry.careAt, recordedAt: entry.createdAt, kind: entry.kind) {
            badges.append(Badge(label: text["badgeBackEntry"], warn: true))
        }
        if entry.unsignedPrintAndSeal { badges.append(Badge(label: text["unsignedPrintAndSeal"], warn: true)) }
        return badges
    }

    /// Whether the entry records care at another time than its recording (INC-5): a home
    /// visit's care time is its start, so it counts only when recorded on a later day (JST);
    /// for the other kinds a care time is given only for a back entry, so any care time more
    /// than the clock-skew tolerance away counts.
    static func isBackEntry(careAt: Int64?, recordedAt: Int64, kind: String) -> Bool {
        guard let careAt else { return false }
        if kind == RecordKind.homeVisit.rawValue { return PageTime.jstDay(careAt) < PageTime.jstDay(recordedAt) }
        return abs(recordedAt - careAt) > RecordService.careTimeTolerance
    }

    static func attachment(_ attachment: AttachmentView, text: PageText) -> AttachmentItem {
        let image = attachment.mediaType.hasPrefix("image/")
        return AttachmentItem(
            name: attachment.fileName, link: PageRoute.attachment(attachment.id).path, image: image,
            width: attachment.pixelWidth, height: attachment.pixelHeight,
            kind: image ? text["attachmentImage"] : text["attachmentPDF"],
            size: attachment.byteCount >= 1_048_576
                ? "\(attachment.byteCount / 1_048_576) MB" : "\(max(1, attachment.byteCount / 1024)) KB",
            scannedLateDays: attachment.scannedLateBusinessDays)
    }

    /// The fields in the template's order (SOAP first), labelled in the reader's language.
    static func fields(_ content: EntryContent?, kind: String, text: PageText) -> [Field] {
        guard let content else { return [] }
        let order = [
            "place", "participants", "subjective", "objective", "assessment", "plan", "prescription", "note",
            "recipient", "purpose", "body", "title", "description",
        ]
        return order.compactMap { name in
            content.fields[name].map { Field(label: text["field" + PageText.capitalised(name)], text: $0) }
        }
    }

    /// Full years from `born` to `on` (a birthday on 29 February counts on 1 March in common years).
    static func age(born: CivilDate, on today: CivilDate) -> Int {
        let years = today.year - born.year
        return (today.month, today.day) < (born.month, born.day) ? years - 1 : years
    }
}

extension PageText {
    /// The name of an audited read, for "who viewed this chart"; an unknown one shows as it is.
    func readAction(_ action: String) -> String {
        lookup("read" + Self.capitalised(action)) ?? action
    }

    /// Why a read was allowed.
    func access(_ access: String) -> String {
        lookup("access" + Self.capitalised(access)) ?? access
    }
}
