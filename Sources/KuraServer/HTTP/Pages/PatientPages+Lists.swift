import Hummingbird
import KuraCore
import KuraStore

extension PatientPages {
    /// `/patients/{id}/lists` (versioned allergies, problems, medications) and
    /// `/patients/{id}/break-glass` (ACC-7).
    func registerLists(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.patientLists(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                // The lists are written by those who write entries (putList decides per patient).
                guard Self.holds(auth, .writeEntry) else {
                    throw IdentityError.forbidden(AccessDecision.DenyReason.role.rawValue)
                }
                let id = try ChartPages.id(context)
                return try await ChartPages.redirectingToBreakGlass {
                    let frame = pages.frame(auth)
                    return pages.render(
                        frame, try await listsModel(auth, id, posted: nil, frame: frame),
                        notice: pages.notice(request, frame))
                }
            }
        }
        router.post(RouterPath(PageRoute.patientLists(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                try await ChartPages.redirectingToBreakGlass { try await putList(request, context: context) }
            }
        }
    }

    func registerBreakGlass(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.breakGlass(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.breakGlass)
                let model = BreakGlassModel(
                    patientID: try ChartPages.id(context), minutes: pages.identity.settings.breakGlassMinutes)
                return pages.render(pages.frame(auth), model)
            }
        }
        router.post(RouterPath(PageRoute.breakGlass(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await BreakGlassForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                try auth.require(.breakGlass)
                let id = try ChartPages.id(context)
                do {
                    _ = try await records.openBreakGlass(
                        auth, patientID: id, reason: try form.filled(\.reason), password: try form.filled(\.password))
                    return PageResponse.redirect(to: PageRoute.chart(id).path)
                } catch {
                    let model = BreakGlassModel(
                        patientID: id, minutes: pages.identity.settings.breakGlassMinutes, reason: form.reason ?? "")
                    return try pages.refused(error, pages.frame(auth), model)
                }
            }
        }
    }

    /// Saves one list as a new version (compare-and-swap on the revision the form drew); a
    /// refusal shows the rows as typed.
    func putList(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await PatientListForm.decode(request, context: context)
        let auth = try await pages.session(request, posting: form)
        let id = try ChartPages.id(context)
        do {
            guard let kind = PatientListKind(rawValue: form.kind ?? "") else {
                throw RecordError.invalidInput("kind: allergies, problems or medications")
            }
            let revision: Int64?
            switch form.revision {
            case nil, "": revision = nil
            case let text?:
                guard let number = Int64(text) else { throw RecordError.invalidInput("revision: a number") }
                revision = number
            }
            _ = try await records.putList(
                auth, patientID: id, kind: kind, items: form.items, expectedRevision: revision)
            return PageResponse.redirect(to: PageRoute.patientLists(id).path(notice: .done))
        } catch {
            let frame = pages.frame(auth)
            return try pages.refused(error, frame, try await listsModel(auth, id, posted: form, frame: frame))
        }
    }

    /// The lists page's model, from the chart as the service reads it (audited).
    func listsModel(
        _ auth: Authenticated, _ id: String, posted: PatientListForm?, frame: PageFrame
    ) async throws -> ListsModel {
        let chart = try await ChartPages.breakingGlass(auth, id) {
            try await records.chart(auth, patientID: id, action: "lists.read")
        }
        return ListsModel(chart, posted: posted, text: frame.text)
    }
}
