import KuraCore
import KuraStore

/// The print view of a whole chart (REC-3, 見読性): the patient header with allergies first,
/// the lists, and every entry with every version marked, its state, author, times and the
/// reason of each change; the patient's name and number head every printed A4 page. Pure
/// model (STYLE 13): built from a ``PrintableChart``.
struct PrintChartPage: PageModel {
    static let template = "print-chart"
    static let titleKey = "titlePrintChart"

    struct ListSection: Sendable {
        let title: String
        let items: [Item]
    }

    struct Item: Sendable {
        let text: String
        let note: String?
    }

    struct EntrySection: Sendable {
        let kindName: String
        let state: String
        let recordedAt: String
        let careAt: String?
        let author: String
        let onBehalfOf: String?
        let finalized: String?
        let unsigned: Bool
        let struck: Bool
        let versions: [VersionSection]
    }

    struct VersionSection: Sendable {
        let version: Int64
        let state: String
        let recordedAt: String
        let author: String
        let reason: String?
        let fields: [ChartPage.Field]
    }

    let name: String
    let kana: String
    let patientNumber: String
    let birthDate: String
    let chartLink: String
    let printedAt: String
    let age: Int
    let sex: String
    let address: String?
    let phone: String?
    let allergies: [Item]
    let lists: [ListSection]
    let breakGlass: Bool
    let merged: Bool
    let entries: [EntrySection]

    init(_ chart: PrintableChart, text: PageText, now: Int64) {
        let demographics = chart.patient.demographics
        name = demographics.name
        kana = demographics.kana
        patientNumber = demographics.patientNumber
        birthDate = PageTime.birthDate(demographics.birthDate, text)
        chartLink = PageRoute.chart(chart.patient.id).path
        printedAt = PageTime.dateTime(now, text)
        let today = CivilDate(daysSinceEpoch: Int(PageTime.jstDay(now)))
        age = (try? CivilDate(parsing: demographics.birthDate)).map { ChartPage.age(born: $0, on: today) } ?? 0
        sex = text["sex" + PageText.capitalised(demographics.sex)]
        address = demographics.address
        phone = demographics.phone
        let listItems = { (list: PatientListView) in list.items.map { Item(text: $0.text, note: $0.note) } }
        allergies = chart.lists.first { $0.kind == PatientListKind.allergies.rawValue }.map(listItems) ?? []
        lists = chart.lists.filter { $0.kind != PatientListKind.allergies.rawValue }.map {
            ListSection(title: text["list" + PageText.capitalised($0.kind)], items: listItems($0))
        }
        breakGlass = chart.access == AccessDecision.AllowReason.breakGlass.rawValue
        merged = chart.patient.mergedInto != nil
        let who = { (id: String) in chart.logins[id] ?? id }
        entries = chart.entries.map { entry, versions in
            let kind = RecordKind(rawValue: entry.kind)
            return EntrySection(
                kindName: kind.map { text.language == "en" ? $0.englishName : $0.japaneseName } ?? entry.kind,
                state: text["state" + PageText.capitalised(entry.state)],
                recordedAt: PageTime.dateTime(entry.createdAt, text),
                careAt: entry.careAt.map { PageTime.dateTime($0, text) }, author: who(entry.author),
                onBehalfOf: entry.onBehalfOf.map(who),
                finalized: entry.finalizedBy.map { finalizer in
                    "\(who(finalizer)) \(entry.finalizedAt.map { PageTime.dateTime($0, text) } ?? text["never"])"
                },
                unsigned: entry.unsignedPrintAndSeal, struck: entry.state == EntryState.enteredInError.rawValue,
                versions: versions.map { version in
                    VersionSection(
                        version: version.version, state: text["state" + PageText.capitalised(version.state)],
                        recordedAt: PageTime.dateTime(version.recordedAt, text), author: who(version.author),
                        reason: version.reason,
                        fields: ChartPage.fields(version.content, kind: entry.kind, text: text))
                })
        }
    }
}
