import KuraCore
import KuraStore

/// The readable rendering of a whole chart (REC-3, 見読性): the patient header with allergies
/// first, the lists, and every entry with every version marked, its state, author, times and
/// the reason of each change. Pure model (STYLE 13): built from a ``PrintableChart``.
struct ChartPage: PageModel {
    static let template = "chart"
    static let titleKey = "titleChart"

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
        let fields: [Field]
    }

    struct Field: Sendable {
        let label: String
        let text: String
    }

    let name: String
    let kana: String
    let patientNumber: String
    let birthDate: String
    let age: Int
    let sex: String
    let address: String?
    let phone: String?
    let allergies: [Item]
    let lists: [ListSection]
    let breakGlass: Bool
    let merged: Bool
    let entries: [EntrySection]

    init(_ chart: PrintableChart, text: PageText, today: CivilDate) {
        let demographics = chart.patient.demographics
        name = demographics.name
        kana = demographics.kana
        patientNumber = demographics.patientNumber
        birthDate = demographics.birthDate
        age = (try? CivilDate(parsing: demographics.birthDate)).map { Self.age(born: $0, on: today) } ?? 0
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
                state: text["state" + PageText.capitalised(entry.state)], recordedAt: PageTime.jst(entry.createdAt),
                careAt: entry.careAt.map(PageTime.jst), author: who(entry.author),
                onBehalfOf: entry.onBehalfOf.map(who),
                finalized: entry.finalizedBy.map { "\(who($0)) \(PageTime.jst(entry.finalizedAt, text))" },
                unsigned: entry.unsignedPrintAndSeal, struck: entry.state == EntryState.enteredInError.rawValue,
                versions: versions.map { version in
                    VersionSection(
                        version: version.version, state: text["state" + PageText.capitalised(version.state)],
                        recordedAt: PageTime.jst(version.recordedAt), author: who(version.author),
                        reason: version.reason,
                        fields: Self.fields(version.content, kind: entry.kind, text: text))
                })
        }
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
