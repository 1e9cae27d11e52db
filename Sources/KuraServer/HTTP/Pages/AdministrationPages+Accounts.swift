import HTTPTypes
import Hummingbird
import KuraCore
import KuraStore

extension AdministrationPages {
    /// `/admin/accounts`: the list, the add form, and disable, enable, unlock and reset.
    func registerAccounts(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.accounts.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showAccounts(auth, notice: pages.notice(request, pages.frame(auth)))
            }
        }
        router.post(RouterPath(PageRoute.accounts.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await addAccount(request, context: context) }
        }
        for action in PageRoute.AccountAction.allCases {
            post(PageRoute.accountAction(PageRoute.anyID, action), .manageAccounts, TokenForm.self, on: router) {
                auth, id, _ in
                switch action {
                case .disable: _ = try await identity.disable(id, by: auth.actor)
                case .enable: _ = try await identity.enable(id, by: auth.actor)
                case .unlock: _ = try await identity.unlock(id, by: auth.actor)
                case .resetPassword:
                    let password = try await identity.resetPassword(of: id, by: auth.actor)
                    let login = try await identity.account(id: id).login
                    return try await showAccounts(
                        auth, issued: IssuedPassword(login: login, password: password, reset: true))
                }
                return nil
            }
        }
    }

    /// Adds an account (AUTH-1, AUTH-4) and shows its one-time initial password once.
    func addAccount(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await AddAccountForm.decode(request, context: context)
        let auth = try await pages.session(request, posting: form)
        try auth.require(.manageAccounts)
        do {
            let (account, password) = try await identity.addAccount(
                NewAccount(
                    login: try form.filled(\.login), name: try form.filled(\.name),
                    jobType: try form.filled(\.jobType),
                    licence: form.licence.flatMap { $0.isEmpty ? nil : $0 }, roles: form.roles ?? [],
                    language: form.language),
                by: auth.actor)
            return try await showAccounts(
                auth, issued: IssuedPassword(login: account.login, password: password, reset: false))
        } catch {
            guard let problem = PageProblem(error, text: pages.frame(auth).text) else { throw error }
            var response = try await showAccounts(auth, error: problem.message, form: form)
            response.status = problem.status
            return response
        }
    }

    /// The account list for `auth`, optionally with a password just issued, a message, or the
    /// add form's values after a refusal.
    func showAccounts(
        _ auth: Authenticated, issued: IssuedPassword? = nil, notice: String? = nil, error: String? = nil,
        form: AddAccountForm? = nil
    ) async throws -> Response {
        try auth.require(.manageAccounts)
        let frame = pages.frame(auth)
        let model = AccountsModel(
            try await identity.listAccounts(), viewer: auth.account.id, text: frame.text, issued: issued, form: form)
        return pages.render(frame, model, notice: notice, error: error)
    }
}
