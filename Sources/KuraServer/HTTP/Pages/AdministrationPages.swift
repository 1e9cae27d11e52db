import HTTPTypes
import Hummingbird
import KuraCore
import KuraStore

/// `/admin/…`: accounts, devices, alerts and reviews. Each page and action asks the access
/// decision first (administrators manage accounts and devices and handle alerts; auditors and
/// administrators sign off reviews); a refused action shows the list again with the reason.
struct AdministrationPages: Sendable {
    let pages: WebPages

    var identity: IdentityService { pages.identity }

    func register(on router: Router<KuraRequestContext>) {
        registerAccounts(on: router)
        registerPolicies(on: router)
        router.get(RouterPath(PageRoute.devices.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showDevices(auth, notice: pages.notice(request, pages.frame(auth)))
            }
        }
        post(PageRoute.approveDevice(PageRoute.anyID), .manageDevices, ApprovalForm.self, on: router) {
            auth, id, form in
            guard let ownership = DeviceOwnership(rawValue: form.ownership ?? ""), ownership != .unknown else {
                throw IdentityError.invalidInput("ownership: clinic or byod")
            }
            _ = try await identity.approveDevice(id, ownership: ownership, by: auth.actor)
            return nil
        }
        post(PageRoute.revokeDevice(PageRoute.anyID), .manageDevices, TokenForm.self, on: router) { auth, id, _ in
            _ = try await identity.revokeDevice(id, by: auth.actor)
            return nil
        }
        router.get(RouterPath(PageRoute.alerts.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showQueue(.alert, auth, notice: pages.notice(request, pages.frame(auth)))
            }
        }
        post(PageRoute.acknowledgeAlert(PageRoute.anyID), .handleAlerts, TokenForm.self, on: router) { auth, id, _ in
            _ = try await identity.acknowledgeAlert(id, by: auth.actor)
            return nil
        }
        router.get(RouterPath(PageRoute.reviews.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showQueue(.review, auth, notice: pages.notice(request, pages.frame(auth)))
            }
        }
        post(PageRoute.signOffReview(PageRoute.anyID), .signOffReviews, SignOffForm.self, on: router) {
            auth, id, form in
            guard let outcome = ReviewOutcome(rawValue: form.outcome ?? "") else {
                throw IdentityError.invalidInput("outcome: accepted or flagged")
            }
            _ = try await identity.signOffReview(id, outcome: outcome, by: auth.actor)
            return nil
        }
    }

    /// Registers a POST on one item of a list: the form's `_csrf` is checked first, then the
    /// session must be ready and allowed `action`; `body` acts on the id and may answer with a
    /// page (a one-time password), else the list follows with a notice. A refusal shows the
    /// list again with the reason and its status.
    func post<Form: PageForm>(
        _ route: PageRoute, _ action: AccessAction, _ form: Form.Type, on router: Router<KuraRequestContext>,
        _ body: @escaping @Sendable (Authenticated, String, Form) async throws -> Response?
    ) {
        router.post(RouterPath(route.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await Form.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                try auth.require(action)
                guard let id = context.parameters.get("id") else { throw IdentityError.notFound("item") }
                do {
                    if let page = try await body(auth, id, form) { return page }
                } catch {
                    guard let problem = PageProblem(error, text: pages.frame(auth).text) else { throw error }
                    return try await show(list: route.list, auth, problem: problem)
                }
                return PageResponse.redirect(to: route.list.path(notice: .done))
            }
        }
    }

    /// The list page `list` for `auth`, with a refusal's message and status.
    func show(list: PageRoute, _ auth: Authenticated, problem: PageProblem) async throws -> Response {
        let response: Response
        switch list {
        case .devices: response = try await showDevices(auth, error: problem.message)
        case .alerts: response = try await showQueue(.alert, auth, error: problem.message)
        case .reviews: response = try await showQueue(.review, auth, error: problem.message)
        default: response = try await showAccounts(auth, error: problem.message)
        }
        var refused = response
        refused.status = problem.status
        if let seconds = problem.retryAfter { refused.headers[.retryAfter] = "\(seconds)" }
        return refused
    }

    /// Login names by account id, to name owners and subjects.
    func showDevices(_ auth: Authenticated, notice: String? = nil, error: String? = nil) async throws -> Response {
        try auth.require(.manageDevices)
        let frame = pages.frame(auth)
        let model = DevicesModel(try await identity.listDevices(), logins: try await pages.logins(), text: frame.text)
        return pages.render(frame, model, notice: notice, error: error)
    }

    func showQueue(
        _ queue: QueueKind, _ auth: Authenticated, notice: String? = nil, error: String? = nil
    ) async throws -> Response {
        try auth.require(queue == .alert ? .handleAlerts : .signOffReviews)
        let frame = pages.frame(auth)
        let logins = try await pages.logins()
        let rows = try await identity.queue(queue, openOnly: true).map {
            QueueRow($0, logins: logins, viewer: auth.account.id, text: frame.text)
        }
        if queue == .alert { return pages.render(frame, AlertsModel(rows: rows), notice: notice, error: error) }
        return pages.render(frame, ReviewsModel(rows: rows), notice: notice, error: error)
    }
}

extension PageRoute {
    /// The list page an item action returns to.
    var list: PageRoute {
        switch self {
        case .approveDevice, .revokeDevice: .devices
        case .acknowledgeAlert: .alerts
        case .signOffReview: .reviews
        default: .accounts
        }
    }
}
