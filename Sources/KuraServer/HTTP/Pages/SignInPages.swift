import Hummingbird
import KuraCore

/// `/`, `/setup`, `/login` and `/login/second-factor`: the pages before a session is ready.
/// The setup and login forms have no session yet, so they carry a double-submit token
/// (``FormCSRF``); the second-factor form carries the session's token.
struct SignInPages: Sendable {
    let pages: WebPages

    var identity: IdentityService { pages.identity }

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.home.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await home(request) }
        }
        router.get(RouterPath(PageRoute.setup.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await showSetup(request) }
        }
        router.post(RouterPath(PageRoute.setup.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await setup(request, context: context) }
        }
        router.get(RouterPath(PageRoute.login.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await showLogin(request) }
        }
        router.post(RouterPath(PageRoute.login.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await login(request, context: context) }
        }
        router.get(RouterPath(PageRoute.secondFactor.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request, at: [.secondFactor])
                return pages.render(pages.frame(auth), SecondFactorModel(action: PageRoute.secondFactor.path))
            }
        }
        router.post(RouterPath(PageRoute.secondFactor.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await secondFactor(request, context: context) }
        }
    }

    /// Sends the browser to the page of its session's stage, or to setup or sign-in.
    func home(_ request: Request) async throws -> Response {
        if let auth = try await signedIn(request) {
            return PageResponse.redirect(to: PageRoute.page(for: auth.stage).path)
        }
        let pending = try await identity.setupPending()
        return PageResponse.redirect(to: (pending ? PageRoute.setup : PageRoute.login).path)
    }

    /// The request's session, or nil when there is none (the pre-sign-in pages take both).
    func signedIn(_ request: Request) async throws -> Authenticated? {
        do throws(IdentityError) {
            return try await pages.http.authenticate(request).0
        } catch .notSignedIn {
            return nil
        }
    }

    /// The frame of a page without a session: the browser's language and a form token.
    func anonymousFrame(_ request: Request) -> (frame: PageFrame, cookies: [Cookie]) {
        let (token, cookie) = pages.formCSRF.issue(for: request)
        let text = PageText(language: IdentityHTTP.language(request))
        return (PageFrame(text: text, navigation: nil, csrf: token), cookie.map { [$0] } ?? [])
    }

    func showSetup(_ request: Request) async throws -> Response {
        guard try await identity.setupPending() else { return PageResponse.redirect(to: PageRoute.login.path) }
        let (frame, cookies) = anonymousFrame(request)
        let model = SetupModel(
            action: PageRoute.setup.path, login: "", name: "",
            languages: Option.languages(frame.text, chosen: frame.text.language))
        return pages.render(frame, model, cookies: cookies)
    }

    /// Creates the first administrator (ACC-1), then sends the browser to sign in.
    func setup(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await SetupForm.decode(request, context: context)
        let (frame, cookies) = anonymousFrame(request)
        let model = SetupModel(
            action: PageRoute.setup.path, login: form.login ?? "", name: form.name ?? "",
            languages: Option.languages(frame.text, chosen: form.language ?? frame.text.language))
        do {
            guard FormCSRF.isValid(request, field: form.csrf) else { throw PageRefusal.csrf }
            let password = try form.filled(\.password)
            guard password == form.confirmation else { throw PageRefusal.passwordsDiffer }
            _ = try await identity.createFirstAdministrator(
                setupCode: try form.filled(\.setupCode), login: try form.filled(\.login),
                name: try form.filled(\.name), password: password, language: form.language)
            return PageResponse.redirect(to: PageRoute.login.path(notice: .setupDone))
        } catch {
            return try pages.refused(error, frame, model, cookies: cookies)
        }
    }

    func showLogin(_ request: Request) async throws -> Response {
        if let auth = try await signedIn(request) {
            return PageResponse.redirect(to: PageRoute.page(for: auth.stage).path)
        }
        let (frame, cookies) = anonymousFrame(request)
        return pages.render(
            frame, try await loginModel(login: ""), notice: pages.notice(request, frame), cookies: cookies)
    }

    func loginModel(login: String) async throws -> LoginModel {
        LoginModel(
            action: PageRoute.login.path, login: login,
            setupLink: try await identity.setupPending() ? PageRoute.setup.path : nil)
    }

    /// Checks the password and opens the session (AUTH-5, SESS-1), then sends the browser to
    /// its stage's page. Every refusal reads the same, whatever its cause.
    func login(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await LoginForm.decode(request, context: context)
        let (frame, cookies) = anonymousFrame(request)
        do {
            guard FormCSRF.isValid(request, field: form.csrf) else { throw PageRefusal.csrf }
            let signedIn = try await identity.signIn(
                SignInAttempt(
                    login: try form.filled(\.login), password: try form.filled(\.password),
                    clientAddress: pages.http.clientAddress(request, context: context),
                    userAgent: request.headers[.userAgent] ?? "",
                    deviceToken: request.cookies[SessionCookies.device]?.value))
            return PageResponse.redirect(
                to: PageRoute.page(for: signedIn.authenticated.stage).path,
                cookies: [
                    SessionCookies.make(SessionCookies.session, value: signedIn.sessionToken),
                    SessionCookies.make(
                        SessionCookies.device, value: signedIn.deviceToken, maxAge: SessionCookies.deviceMaxAge),
                ])
        } catch {
            return try pages.refused(error, frame, try await loginModel(login: form.login ?? ""), cookies: cookies)
        }
    }

    /// Accepts the TOTP code, or a recovery code (MFA-1, MFA-3).
    func secondFactor(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await SecondFactorForm.decode(request, context: context)
        let auth = try await pages.session(request, posting: form, at: [.secondFactor])
        do {
            let result: Authenticated
            if let code = form.code, !code.isEmpty {
                result = try await identity.verifySecondFactor(auth, code: code)
            } else {
                result = try await identity.useRecoveryCode(auth, code: try form.filled(\.recoveryCode))
            }
            return PageResponse.redirect(to: PageRoute.page(for: result.stage).path)
        } catch {
            return try pages.refused(error, pages.frame(auth), SecondFactorModel(action: PageRoute.secondFactor.path))
        }
    }
}
