import KuraCore
import KuraStore

extension PatientPages {
    /// One patient in a list or a search result, linking to the chart.
    struct PatientRow: Sendable {
        let patientNumber: String
        let name: String
        let kana: String
        let birthDate: String
        let age: Int
        let sex: String
        let chartLink: String

        init(_ patient: PatientSummary, text: PageText, today: CivilDate) {
            patientNumber = patient.patientNumber
            name = patient.name
            kana = patient.kana
            birthDate = PageTime.birthDate(patient.birthDate, text)
            age = (try? CivilDate(parsing: patient.birthDate)).map { ChartPage.age(born: $0, on: today) } ?? 0
            sex = text["sex" + PageText.capitalised(patient.sex)]
            chartLink = PageRoute.chart(patient.id).path
        }
    }

    /// Rows drawn by the `patient-table` partial.
    struct PatientTable: Sendable {
        let rows: [PatientRow]
    }

    /// `/patients`: my care-team patients and the search form; after a search, its results
    /// instead of my list (one audited read per page).
    struct PatientsModel: PageModel {
        static let template = "patients"
        static let titleKey = "titlePatients"
        let searchAction: String
        let criteria: [Option]
        /// The query typed, kept in the form after a search (in the body, never a URL).
        let query: String
        /// Registration, for those who register patients.
        let newPatientLink: String?
        /// My patients (nil on the results page or when there are none).
        let mine: PatientTable?
        /// Whether my list was shown and is empty.
        let mineEmpty: Bool
        /// Whether my list was cut at ``RecordService/myPatientsLimit``.
        let mineCut: Bool
        /// The results (nil before a search or when none matched).
        let results: PatientTable?
        /// Whether a search ran and found nothing the caller may see.
        let resultsEmpty: Bool

        init(
            mine: MyPatients?, results: [PatientSummary]?, form: PatientSearchForm?, canRegister: Bool,
            text: PageText, today: CivilDate
        ) {
            searchAction = PageRoute.searchPatients.path
            let chosen = PatientSearchForm.Criterion(rawValue: form?.by ?? "") ?? .kanaPrefix
            criteria = PatientSearchForm.Criterion.allCases.map {
                Option(
                    value: $0.rawValue, label: text["searchBy" + PageText.capitalised($0.rawValue)],
                    selected: $0 == chosen)
            }
            query = form?.query ?? ""
            newPatientLink = canRegister ? PageRoute.newPatient.path : nil
            let rows = { (patients: [PatientSummary]) in patients.map { PatientRow($0, text: text, today: today) } }
            self.mine = mine.flatMap { $0.patients.isEmpty ? nil : PatientTable(rows: rows($0.patients)) }
            mineEmpty = mine?.patients.isEmpty ?? false
            mineCut = mine.map { $0.total > $0.patients.count } ?? false
            self.results = results.flatMap { $0.isEmpty ? nil : PatientTable(rows: rows($0)) }
            resultsEmpty = results?.isEmpty ?? false
        }
    }

    /// The values the demographics form shows: stored ones, or what was typed after a refusal.
    struct PatientFields: Sendable {
        let patientNumber: String
        let name: String
        let kana: String
        let birthDate: String
        let sexes: [Option]
        let address: String
        let phone: String
        let insurerNumber: String
        let insuranceSymbol: String
        let insuranceNumber: String
        let careStartedOn: String
        let careEndedOn: String

        init(_ stored: PatientDemographics?, text: PageText) {
            patientNumber = stored?.patientNumber ?? ""
            name = stored?.name ?? ""
            kana = stored?.kana ?? ""
            birthDate = stored?.birthDate ?? ""
            sexes = Self.sexes(chosen: stored?.sex, text: text)
            address = stored?.address ?? ""
            phone = stored?.phone ?? ""
            insurerNumber = stored?.insurerNumber ?? ""
            insuranceSymbol = stored?.insuranceSymbol ?? ""
            insuranceNumber = stored?.insuranceNumber ?? ""
            careStartedOn = stored?.careStartedOn ?? ""
            careEndedOn = stored?.careEndedOn ?? ""
        }

        init(_ form: PatientForm, text: PageText) {
            patientNumber = form.patientNumber ?? ""
            name = form.name ?? ""
            kana = form.kana ?? ""
            birthDate = form.birthDate ?? ""
            sexes = Self.sexes(chosen: form.sex, text: text)
            address = form.address ?? ""
            phone = form.phone ?? ""
            insurerNumber = form.insurerNumber ?? ""
            insuranceSymbol = form.insuranceSymbol ?? ""
            insuranceNumber = form.insuranceNumber ?? ""
            careStartedOn = form.careStartedOn ?? ""
            careEndedOn = form.careEndedOn ?? ""
        }

        /// The sexes a record may carry, `chosen` selected (none chosen on a new form).
        static func sexes(chosen: String?, text: PageText) -> [Option] {
            ["female", "male", "other", "unknown"].map {
                Option(value: $0, label: text["sex" + PageText.capitalised($0)], selected: $0 == chosen)
            }
        }
    }

    /// The registration form (REC-1), with the likely-duplicate warning when there is one.
    struct NewPatientModel: PageModel {
        static let template = "patient-new"
        static let titleKey = "titleNewPatient"
        let action: String
        let fields: PatientFields
        /// Accounts that may join the care team; the registrant always joins.
        let careTeamOptions: [Option]
        /// Patients with the same kana and date of birth, to check before confirming.
        let duplicates: DuplicateWarning?

        init(
            form: PatientForm?, accounts: [AccountView], registrant: String, duplicates: DuplicateCheck?,
            text: PageText, today: CivilDate
        ) {
            action = PageRoute.newPatient.path
            fields = form.map { PatientFields($0, text: text) } ?? PatientFields(nil, text: text)
            let chosen = Set(form?.careTeam ?? [])
            careTeamOptions = Self.clinicalAccounts(accounts, except: [registrant]).map {
                Option(value: $0.id, label: Self.label($0, text), selected: chosen.contains($0.id))
            }
            self.duplicates = duplicates.flatMap { check in
                check.count == 0
                    ? nil
                    : DuplicateWarning(
                        count: check.count, visible: check.visible.map { PatientRow($0, text: text, today: today) },
                        hidden: check.count > check.visible.count ? check.count - check.visible.count : nil)
            }
        }

        /// Active accounts holding a clinical role (ACC-2: administrators and auditors treat no
        /// patient), but those in `except`, by login.
        static func clinicalAccounts(_ accounts: [AccountView], except: Set<String>) -> [AccountView] {
            accounts.filter { account in
                account.status == "active" && !except.contains(account.id)
                    && account.roles.compactMap(Role.init(rawValue:)).contains(where: \.isClinical)
            }.sorted { $0.login < $1.login }
        }

        /// `login（name・job type）`.
        static func label(_ account: AccountView, _ text: PageText) -> String {
            "\(account.login)（\(account.name)・\(text.jobType(account.jobType))）"
        }
    }

    /// The REC-1 warning: how many share the kana and date of birth, and those the person may open.
    struct DuplicateWarning: Sendable {
        let count: Int
        let visible: [PatientRow]
        /// Those outside the person's care teams, counted only (nil when none).
        let hidden: Int?
    }

    /// The demographics form of one patient and its care team.
    struct EditPatientModel: PageModel {
        static let template = "patient-edit"
        static let titleKey = "titleEditPatient"
        let action: String
        let chartLink: String
        let heading: String
        let revision: String
        let fields: PatientFields
        let careTeamAction: String
        let members: [MemberRow]
        let addOptions: [Option]
        let hasAddOptions: Bool

        init(
            _ chart: ChartView, form: PatientForm?, accounts: [AccountView], viewer: String, text: PageText
        ) {
            let patient = chart.patient
            action = PageRoute.editPatient(patient.id).path
            chartLink = PageRoute.chart(patient.id).path
            heading = "\(patient.demographics.name)（\(patient.demographics.patientNumber)）"
            revision = String(patient.revision)
            fields = form.map { PatientFields($0, text: text) } ?? PatientFields(patient.demographics, text: text)
            careTeamAction = PageRoute.careTeam(patient.id).path
            let byID = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            members = chart.careTeam.map { id in
                MemberRow(
                    account: id, label: byID[id].map { NewPatientModel.label($0, text) } ?? id, isViewer: id == viewer)
            }
            addOptions = NewPatientModel.clinicalAccounts(accounts, except: Set(chart.careTeam)).map {
                Option(value: $0.id, label: NewPatientModel.label($0, text), selected: false)
            }
            hasAddOptions = !addOptions.isEmpty
        }
    }

    /// One care-team member with the button that takes them off.
    struct MemberRow: Sendable {
        let account: String
        let label: String
        /// The person looking: leaving the team ends their own access.
        let isViewer: Bool
    }
}
