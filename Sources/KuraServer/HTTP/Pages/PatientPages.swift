import HTTPTypes
import Hummingbird
import KuraCore
import KuraStore

/// `/patients…`: my care-team patients and the search (a POST), registration with the
/// likely-duplicate check (REC-1), demographics and the care team, the structured lists, and
/// break-glass (ACC-7). Each page reads through the record service, which decides access and
/// audits every read before the page is sent (AUD-1); each form carries the CSRF token and a
/// refusal shows the form again with the reason and its status.
struct PatientPages: Sendable {
    let pages: WebPages

    var records: RecordService { pages.records }

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.patients.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                let frame = pages.frame(auth)
                let mine = try await records.myPatients(auth)
                let model = PatientsModel(
                    mine: mine, results: nil, form: nil, canRegister: Self.holds(auth, .registerPatient),
                    text: frame.text, today: try today())
                return pages.render(frame, model, notice: pages.notice(request, frame))
            }
        }
        router.post(RouterPath(PageRoute.searchPatients.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await PatientSearchForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                let frame = pages.frame(auth)
                let canRegister = Self.holds(auth, .registerPatient)
                do {
                    let results = try await records.search(auth, try form.patientQuery())
                    let model = PatientsModel(
                        mine: nil, results: results, form: form, canRegister: canRegister, text: frame.text,
                        today: try today())
                    return pages.render(frame, model)
                } catch {
                    let model = PatientsModel(
                        mine: nil, results: nil, form: form, canRegister: canRegister, text: frame.text,
                        today: try today())
                    return try pages.refused(error, frame, model)
                }
            }
        }
        router.get(RouterPath(PageRoute.newPatient.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.registerPatient)
                return try await showNew(auth, form: nil, duplicates: nil)
            }
        }
        router.post(RouterPath(PageRoute.newPatient.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await registerPatient(request, context: context) }
        }
        router.get(RouterPath(PageRoute.editPatient(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.registerPatient)
                let id = try ChartPages.id(context)
                return try await ChartPages.redirectingToBreakGlass {
                    let frame = pages.frame(auth)
                    return pages.render(
                        frame, try await editModel(auth, id, form: nil, frame: frame),
                        notice: pages.notice(request, frame))
                }
            }
        }
        router.post(RouterPath(PageRoute.editPatient(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                try await ChartPages.redirectingToBreakGlass { try await updatePatient(request, context: context) }
            }
        }
        router.post(RouterPath(PageRoute.careTeam(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                try await ChartPages.redirectingToBreakGlass { try await changeCareTeam(request, context: context) }
            }
        }
        registerLists(on: router)
        registerBreakGlass(on: router)
    }

    /// Registers a patient (REC-1): likely duplicates (same kana and date of birth) are shown
    /// first and the person confirms they are someone else; then the chart follows.
    func registerPatient(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await PatientForm.decode(request, context: context)
        let auth = try await pages.session(request, posting: form)
        try auth.require(.registerPatient)
        do {
            let demographics = try form.demographics()
            if form.confirmDuplicate != "yes" {
                let check = try await records.duplicateCheck(auth, demographics: demographics)
                if check.count > 0 { return try await showNew(auth, form: form, duplicates: check) }
            }
            let registered = try await records.register(
                auth, demographics: demographics, careTeam: form.careTeam ?? [])
            return PageResponse.redirect(to: PageRoute.chart(registered.patient.id).path(notice: .done))
        } catch {
            let frame = pages.frame(auth)
            return try pages.refused(error, frame, try await newModel(auth, form: form, duplicates: nil, frame: frame))
        }
    }

    func showNew(_ auth: Authenticated, form: PatientForm?, duplicates: DuplicateCheck?) async throws -> Response {
        let frame = pages.frame(auth)
        return pages.render(frame, try await newModel(auth, form: form, duplicates: duplicates, frame: frame))
    }

    func newModel(
        _ auth: Authenticated, form: PatientForm?, duplicates: DuplicateCheck?, frame: PageFrame
    ) async throws -> NewPatientModel {
        NewPatientModel(
            form: form, accounts: try await pages.identity.listAccounts(), registrant: auth.account.id,
            duplicates: duplicates, text: frame.text, today: try today())
    }

    /// Changes the demographics: a new version, compare-and-swap on the revision the form drew.
    func updatePatient(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await PatientForm.decode(request, context: context)
        let auth = try await pages.session(request, posting: form)
        try auth.require(.registerPatient)
        let id = try ChartPages.id(context)
        do {
            guard let revision = form.revision.flatMap({ Int64($0) }) else {
                throw RecordError.invalidInput("revision: the revision the form was drawn from")
            }
            _ = try await records.updatePatient(
                auth, id: id, demographics: try form.demographics(), expectedRevision: revision)
            return PageResponse.redirect(to: PageRoute.chart(id).path(notice: .done))
        } catch {
            let frame = pages.frame(auth)
            return try pages.refused(error, frame, try await editModel(auth, id, form: form, frame: frame))
        }
    }

    /// Adds an account to the care team or takes one off; leaving it oneself ends one's own
    /// access, so that goes back to the patient list.
    func changeCareTeam(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await CareTeamForm.decode(request, context: context)
        let auth = try await pages.session(request, posting: form)
        try auth.require(.registerPatient)
        let id = try ChartPages.id(context)
        do {
            let account = try form.filled(\.account)
            switch form.change {
            case "add": try await records.addToCareTeam(auth, patientID: id, accountID: account)
            case "remove": try await records.removeFromCareTeam(auth, patientID: id, accountID: account)
            default: throw RecordError.invalidInput("change: add or remove")
            }
            let next = account == auth.account.id && form.change == "remove" ? PageRoute.patients : .editPatient(id)
            return PageResponse.redirect(to: next.path(notice: .done))
        } catch {
            let frame = pages.frame(auth)
            return try pages.refused(error, frame, try await editModel(auth, id, form: nil, frame: frame))
        }
    }

    /// The edit page's model: the patient as the chart reads it (audited) and the accounts.
    func editModel(
        _ auth: Authenticated, _ id: String, form: PatientForm?, frame: PageFrame
    ) async throws -> EditPatientModel {
        let chart = try await ChartPages.breakingGlass(auth, id) {
            try await records.chart(auth, patientID: id, action: "patient.read")
        }
        return EditPatientModel(
            chart, form: form, accounts: try await pages.identity.listAccounts(), viewer: auth.account.id,
            text: frame.text)
    }

    /// Today in Japan.
    func today() throws -> CivilDate {
        try RecordService.today(records.clock())
    }

    /// Whether a role of the session allows `action` for some patient (links only: the service
    /// decides each patient on use).
    static func holds(_ auth: Authenticated, _ action: AccessAction) -> Bool {
        auth.stage == .ready && auth.holds(action)
    }
}
