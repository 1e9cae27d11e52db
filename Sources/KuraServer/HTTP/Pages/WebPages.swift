import HTTPTypes
import Hummingbird
import KuraCore
import KuraStore
import Logging

/// The server-rendered pages (DESIGN "Interfaces", STYLE 13): what their controllers share.
/// Each request resolves its session (the query side), builds a pure model, and renders it
/// with ``PageView``; every refusal becomes a page or a redirect, never a JSON body.
struct WebPages: Sendable {
    let http: IdentityHTTP
    let records: RecordService
    let compliance: ComplianceCheck
    let view: PageView
    let formCSRF: FormCSRF

    var identity: IdentityService { http.identity }

    /// Adds every page route to `router`.
    func register(on router: Router<KuraRequestContext>) {
        PageScript.register(on: router)
        SignInPages(pages: self).register(on: router)
        OwnAccountPages(pages: self).register(on: router)
        AdministrationPages(pages: self).register(on: router)
        ChartPages(pages: self).register(on: router)
        DashboardPages(pages: self).register(on: router)
        PatientPages(pages: self).register(on: router)
        EntryPages(pages: self).register(on: router)
        AuditPages(pages: self).register(on: router)
        CompliancePages(pages: self).register(on: router)
    }

    /// Runs a page handler and answers its refusals: not signed in goes to `/login`, a session
    /// at another sign-in stage goes to that stage's page (so it reaches nothing else), and the
    /// rest become a page with the status and message.
    func guarded(
        _ request: Request, context: KuraRequestContext, _ body: () async throws -> Response
    ) async -> Response {
        do {
            return try await body()
        } catch {
            switch error {
            case IdentityError.notSignedIn:
                return PageResponse.redirect(to: PageRoute.login.path)
            case IdentityError.stageRequired(let stage):
                return PageResponse.redirect(to: PageRoute.page(for: stage).path)
            case IdentityError.unavailable, RecordError.identity(.unavailable), ComplianceError.unavailable:
                context.logger.error("operation failed", metadata: ["kura.error": "\(error)"])
            case is IdentityError, is PageRefusal, is RecordError, is ComplianceError:
                break
            default:
                context.logger.error("page failed", metadata: ["kura.error.type": "\(type(of: error))"])
            }
            let text = PageText(language: IdentityHTTP.language(request))
            let frame = PageFrame(text: text, navigation: nil, csrf: "")
            let problem =
                PageProblem(error, text: text)
                ?? PageProblem(status: .internalServerError, message: text["titleError"], retryAfter: nil)
            return render(frame, FailurePage(homeLink: PageRoute.home.path), problem: problem)
        }
    }

    /// The session of a page view, which must be at one of `stages`.
    func session(_ request: Request, at stages: Set<SignInStage> = [.ready]) async throws -> Authenticated {
        let auth = try await http.authenticate(request).0
        guard stages.contains(auth.stage) else { throw IdentityError.stageRequired(auth.stage) }
        return auth
    }

    /// The session of a form post: its `_csrf` field is checked first (ASVS 4.2.2), then the stage.
    func session(
        _ request: Request, posting form: some PageForm, at stages: Set<SignInStage> = [.ready]
    ) async throws -> Authenticated {
        // An absent field is an empty token: a page form never falls back to the API's header.
        let auth = try await http.authenticateForChange(request, formToken: form.csrf ?? "")
        guard stages.contains(auth.stage) else { throw IdentityError.stageRequired(auth.stage) }
        return auth
    }

    /// Every account's login name by id, to name authors and subjects (a clinic has tens of
    /// accounts, so one read of them all is cheaper than one per row).
    func logins() async throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try await identity.listAccounts().map { ($0.id, $0.login) })
    }

    /// The frame of a signed-in page, with the session's CSRF token.
    func frame(_ auth: Authenticated) -> PageFrame {
        PageFrame.signedIn(
            auth, csrf: http.csrf.token(for: auth.session.id),
            idleMilliseconds: http.settings.sessions.idleMilliseconds)
    }

    /// The notice a redirect asked the page to show, in the frame's language.
    func notice(_ request: Request, _ frame: PageFrame) -> String? {
        PageNotice(query: request.uri.queryParameters.get("notice")).map { frame.text[$0.textKey] }
    }

    /// `main` in its layout, with `status`, a notice or an error message, and `cookies`.
    func render<Main: PageModel>(
        _ frame: PageFrame, _ main: Main, status: HTTPResponse.Status = .ok, notice: String? = nil,
        error: String? = nil, cookies: [Cookie] = []
    ) -> Response {
        PageResponse.html(view.render(frame.page(main, notice: notice, error: error)), status: status, cookies: cookies)
    }

    /// `main` with `problem`'s message, status and `Retry-After`.
    func render<Main: PageModel>(
        _ frame: PageFrame, _ main: Main, problem: PageProblem, cookies: [Cookie] = []
    ) -> Response {
        var response = render(frame, main, status: problem.status, error: problem.message, cookies: cookies)
        if let seconds = problem.retryAfter { response.headers[.retryAfter] = "\(seconds)" }
        return response
    }

    /// Re-renders `main` with the problem `error` shows as; a redirect-type refusal is rethrown
    /// for ``guarded(_:context:_:)``.
    func refused<Main: PageModel>(
        _ error: any Error, _ frame: PageFrame, _ main: Main, cookies: [Cookie] = []
    ) throws -> Response {
        guard let problem = PageProblem(error, text: frame.text) else { throw error }
        return render(frame, main, problem: problem, cookies: cookies)
    }
}

/// The page that only explains a refusal; the layout shows the message.
struct FailurePage: PageModel {
    static let template = "failure"
    static let titleKey = "titleError"
    /// Where to start again.
    let homeLink: String
}
