import KuraCore
import KuraStore

extension PatientPages {
    /// The structured lists of one patient (allergies, problems, medications), each its own
    /// form; saving one is a new version of that list, compare-and-swap on its revision (REC-1).
    struct ListsModel: PageModel {
        static let template = "patient-lists"
        static let titleKey = "titlePatientLists"
        let heading: String
        let chartLink: String
        let lists: [ListEditor]

        /// The lists of `chart`; the list named by `posted` shows the rows just typed (after a
        /// refusal) instead of the stored ones.
        init(_ chart: ChartView, posted: PatientListForm?, text: PageText) {
            let patient = chart.patient
            heading = "\(patient.demographics.name)（\(patient.demographics.patientNumber)）"
            chartLink = PageRoute.chart(patient.id).path
            lists = PatientListKind.allCases.map { kind in
                let stored = chart.lists.first { $0.kind == kind.rawValue }
                var rows = (stored?.items ?? []).map {
                    PatientListForm.Row(text: $0.text, note: $0.note ?? "", since: $0.since ?? "")
                }
                var revision = stored.map { String($0.revision) } ?? ""
                if let posted, posted.kind == kind.rawValue {
                    rows = posted.rows.filter { !$0.text.isEmpty || !$0.note.isEmpty || !$0.since.isEmpty }
                    revision = posted.revision ?? ""
                }
                return ListEditor(
                    kind: kind.rawValue, title: text["list" + PageText.capitalised(kind.rawValue)],
                    action: PageRoute.patientLists(patient.id).path, revision: revision,
                    updated: stored.map { PageTime.dateTime($0.updatedAt, text) },
                    rows: (rows + Array(repeating: PatientListForm.Row(), count: ListEditor.blankRows)).enumerated().map
                    {
                        ListRow(kind: kind.rawValue, index: $0.offset, row: $0.element)
                    })
            }
        }
    }

    /// One list's form.
    struct ListEditor: Sendable {
        /// Blank rows under the items, for adding.
        static let blankRows = 3
        let kind: String
        let title: String
        let action: String
        /// Empty for a list not yet written.
        let revision: String
        let updated: String?
        let rows: [ListRow]
    }

    /// One row of a list's form: its inputs are named `text-N`, `note-N`, `since-N`.
    struct ListRow: Sendable {
        let kind: String
        let index: Int
        let number: Int
        let text: String
        let note: String
        let since: String

        init(kind: String, index: Int, row: PatientListForm.Row) {
            self.kind = kind
            self.index = index
            number = index + 1
            text = row.text
            note = row.note
            since = row.since
        }
    }

    /// Break-glass (ACC-7): why the chart is closed, and the reason and password that open it
    /// for a limited time. The patient is not named: the person may not see it yet.
    struct BreakGlassModel: PageModel {
        static let template = "break-glass"
        static let titleKey = "titleBreakGlass"
        let action: String
        let patientsLink: String
        /// How long a grant lasts.
        let minutes: Int
        /// The reason typed, kept after a refusal (never the password).
        let reason: String

        init(patientID: String, minutes: Int, reason: String = "") {
            action = PageRoute.breakGlass(patientID).path
            patientsLink = PageRoute.patients.path
            self.minutes = minutes
            self.reason = reason
        }
    }
}
