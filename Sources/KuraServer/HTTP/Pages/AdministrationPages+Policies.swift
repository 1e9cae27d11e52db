import Hummingbird
import KuraCore
import KuraStore

extension AdministrationPages {
    /// `/admin/policies` (the identity rules in force and where each is set), the dormant-account
    /// report (ACC-4) and the roles form of one account (ACC-1, ACC-2).
    func registerPolicies(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.policies.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.manageAccounts)
                let frame = pages.frame(auth)
                return pages.render(frame, PoliciesModel(pages.http.settings, text: frame.text))
            }
        }
        router.get(RouterPath(PageRoute.dormantAccounts.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.manageAccounts)
                let frame = pages.frame(auth)
                let model = DormantModel(
                    try await identity.dormantReport(), settings: pages.http.settings, viewer: auth.account.id,
                    text: frame.text)
                return pages.render(frame, model)
            }
        }
        router.get(RouterPath(PageRoute.accountRoles(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.manageAccounts)
                guard let id = context.parameters.get("id") else { throw IdentityError.notFound("account") }
                let frame = pages.frame(auth)
                return pages.render(frame, RolesModel(try await identity.account(id: id), text: frame.text))
            }
        }
        router.post(RouterPath(PageRoute.accountRoles(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await RolesForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                try auth.require(.manageAccounts)
                guard let id = context.parameters.get("id") else { throw IdentityError.notFound("account") }
                do {
                    _ = try await identity.setRoles(form.roles ?? [], of: id, by: auth.actor)
                    return PageResponse.redirect(to: PageRoute.accounts.path(notice: .done))
                } catch {
                    let account = try await identity.account(id: id)
                    let frame = pages.frame(auth)
                    return try pages.refused(
                        error, frame, RolesModel(account, chosen: form.roles ?? [], text: frame.text))
                }
            }
        }
    }
}
