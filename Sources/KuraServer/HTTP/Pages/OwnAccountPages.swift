import Hummingbird
import KuraCore
import KuraStore

/// The holder's own pages: `/enrol` (MFA-1), `/password` (AUTH-4, AUTH-6), `/account` with its
/// session revocation, and sign-out and "switch user" (SESS-3). Every form carries the
/// session's CSRF token.
struct OwnAccountPages: Sendable {
    let pages: WebPages

    var identity: IdentityService { pages.identity }

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.enrol.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request, at: [.enrolment])
                let offer = try identity.beginEnrolment(auth)
                return pages.render(
                    pages.frame(auth), EnrolModel(offer, viaRecoveryCode: auth.session.viaRecoveryCode),
                    notice: pages.notice(request, pages.frame(auth)))
            }
        }
        router.post(RouterPath(PageRoute.enrol.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await enrol(request, context: context) }
        }
        router.get(RouterPath(PageRoute.password.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request, at: [.passwordChange, .ready])
                return pages.render(pages.frame(auth), PasswordModel(auth))
            }
        }
        router.post(RouterPath(PageRoute.password.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await changePassword(request, context: context) }
        }
        router.get(RouterPath(PageRoute.account.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showAccount(auth, notice: pages.notice(request, pages.frame(auth)))
            }
        }
        router.post(RouterPath(PageRoute.revokeSession(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await TokenForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                guard let id = context.parameters.get("id") else { throw IdentityError.notFound("session") }
                try await identity.revokeOwnSession(auth, sessionID: id)
                return PageResponse.redirect(to: PageRoute.account.path(notice: .sessionRevoked))
            }
        }
        registerSensitive(on: router)
        for route in [PageRoute.signOut, .switchUser] {
            router.post(RouterPath(route.pattern)) { request, context in
                await pages.guarded(request, context: context) {
                    let form = try await TokenForm.decode(request, context: context)
                    // Any stage: a person stuck half-way through sign-in can always leave.
                    let auth = try await pages.session(request, posting: form, at: Set(SignInStage.allCases))
                    try await identity.signOut(auth, switchingUser: route == .switchUser)
                    return PageResponse.redirect(
                        to: PageRoute.login.path(notice: .signedOut),
                        cookies: [SessionCookies.clear(SessionCookies.session)])
                }
            }
        }
    }

    /// Confirms enrolment and shows the recovery codes once; a refused code shows the same
    /// secret again, so the entry already scanned stays valid.
    func enrol(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await EnrolForm.decode(request, context: context)
        // A ready session replaces its factor here after re-authentication (a new phone).
        let auth = try await pages.session(request, posting: form, at: [.enrolment, .ready])
        do {
            let result = try await identity.confirmEnrolment(
                auth, enrolmentToken: try form.filled(\.enrolmentToken), code: try form.filled(\.code))
            let model = RecoveryCodesModel(
                codes: result.recoveryCodes, continueLink: PageRoute.page(for: result.authenticated.stage).path)
            return pages.render(pages.frame(result.authenticated), model)
        } catch {
            let resumed = try? identity.resumeEnrolment(auth, enrolmentToken: form.enrolmentToken ?? "")
            let offer = try resumed ?? identity.beginEnrolment(auth)
            return try pages.refused(
                error, pages.frame(auth), EnrolModel(offer, viaRecoveryCode: auth.session.viaRecoveryCode))
        }
    }

    /// Changes the holder's password, then sends the browser to the stage that follows.
    func changePassword(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await PasswordForm.decode(request, context: context)
        let auth = try await pages.session(request, posting: form, at: [.passwordChange, .ready])
        do {
            let current = try form.filled(\.currentPassword)
            let new = try form.filled(\.newPassword)
            guard new == form.confirmation else { throw PageRefusal.passwordsDiffer }
            let result = try await identity.changePassword(auth, current: current, new: new)
            return PageResponse.redirect(to: PageRoute.page(for: result.stage).path(notice: .passwordChanged))
        } catch {
            return try pages.refused(error, pages.frame(auth), PasswordModel(auth))
        }
    }

    /// My account: the query reads the holder's name, sessions, devices and recovery codes.
    func showAccount(_ auth: Authenticated, notice: String?, error: String? = nil) async throws -> Response {
        try auth.require(.manageOwnAccount)
        let frame = pages.frame(auth)
        let model = AccountModel(
            auth, name: try await identity.account(id: auth.account.id).name,
            sessions: try await identity.sessions(of: auth), devices: try await identity.devices(of: auth.account.id),
            remaining: try await identity.remainingRecoveryCodes(auth), text: frame.text)
        return pages.render(frame, model, notice: notice, error: error)
    }

    /// `/account/language`, and the two actions that need the password again: new recovery
    /// codes (MFA-3) and a new second factor (MFA-1). A wrong password counts as a failed
    /// sign-in (AUTH-5) and shows my account with the reason.
    func registerSensitive(on router: Router<KuraRequestContext>) {
        router.post(RouterPath(PageRoute.accountLanguage.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await LanguageForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                _ = try await identity.setLanguage(auth, to: try form.filled(\.language))
                return PageResponse.redirect(to: PageRoute.account.path(notice: .done))
            }
        }
        router.post(RouterPath(PageRoute.accountRecoveryCodes.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await ConfirmForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                do {
                    let confirmed = try await identity.reauthenticate(auth, password: try form.filled(\.password))
                    let codes = try await identity.regenerateRecoveryCodes(confirmed)
                    return pages.render(
                        pages.frame(confirmed), RecoveryCodesModel(codes: codes, continueLink: PageRoute.account.path))
                } catch {
                    return try await refusedOnAccount(error, auth)
                }
            }
        }
        router.post(RouterPath(PageRoute.accountSecondFactor.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await ConfirmForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                do {
                    let confirmed = try await identity.reauthenticate(auth, password: try form.filled(\.password))
                    let offer = try identity.beginEnrolment(confirmed)
                    return pages.render(pages.frame(confirmed), EnrolModel(offer, viaRecoveryCode: false))
                } catch {
                    return try await refusedOnAccount(error, auth)
                }
            }
        }
    }

    /// My account again with the reason `error` gives, and its status.
    func refusedOnAccount(_ error: any Error, _ auth: Authenticated) async throws -> Response {
        let frame = pages.frame(auth)
        guard let problem = PageProblem(error, text: frame.text) else { throw error }
        var response = try await showAccount(auth, notice: nil, error: problem.message)
        response.status = problem.status
        return response
    }
}
