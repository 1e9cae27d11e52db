import Hummingbird
import KuraCore

/// The administrators' and auditors' part of the JSON API: accounts, devices, the dormant
/// account report, and the alert and review queues (ACC-1, ACC-4, INV-2, AUD-1).
struct AdministrationAPI: Sendable {
    let http: IdentityHTTP

    var identity: IdentityService { http.identity }

    func register(on group: RouterGroup<KuraRequestContext>) {
        registerAccounts(on: group)
        group.get("reports/dormant-accounts") { request, _ in
            _ = try await http.allowed(request, .manageAccounts, change: false)
            return JSONReply.make(try await identity.dormantReport())
        }
        group.get("devices") { request, _ in
            _ = try await http.allowed(request, .manageDevices, change: false)
            return JSONReply.make(try await identity.listDevices())
        }
        group.post("devices/{id}/approve") { request, context in
            let auth = try await http.allowed(request, .manageDevices, change: true)
            let body = try await request.decode(as: DeviceApproval.self, context: context)
            guard let ownership = DeviceOwnership(rawValue: body.ownership), ownership != .unknown else {
                throw IdentityError.invalidInput("ownership: clinic or byod")
            }
            return JSONReply.make(
                try await identity.approveDevice(
                    try context.parameters.require("id"), ownership: ownership, by: auth.actor))
        }
        group.post("devices/{id}/revoke") { request, context in
            let auth = try await http.allowed(request, .manageDevices, change: true)
            return JSONReply.make(try await identity.revokeDevice(try context.parameters.require("id"), by: auth.actor))
        }
        group.get("alerts") { request, _ in
            _ = try await http.allowed(request, .handleAlerts, change: false)
            let all = request.uri.queryParameters.get("open") == "false"
            return JSONReply.make(try await identity.queue(.alert, openOnly: !all))
        }
        group.post("alerts/{id}/acknowledge") { request, context in
            let auth = try await http.allowed(request, .handleAlerts, change: true)
            return JSONReply.make(
                try await identity.acknowledgeAlert(try context.parameters.require("id"), by: auth.actor))
        }
        group.get("reviews") { request, _ in
            _ = try await http.allowed(request, .signOffReviews, change: false)
            let all = request.uri.queryParameters.get("open") == "false"
            return JSONReply.make(try await identity.queue(.review, openOnly: !all))
        }
        group.post("reviews/{id}/sign-off") { request, context in
            let auth = try await http.allowed(request, .signOffReviews, change: true)
            let body = try await request.decode(as: SignOff.self, context: context)
            guard let outcome = ReviewOutcome(rawValue: body.outcome) else {
                throw IdentityError.invalidInput("outcome: accepted or flagged")
            }
            return JSONReply.make(
                try await identity.signOffReview(try context.parameters.require("id"), outcome: outcome, by: auth.actor)
            )
        }
    }

    func registerAccounts(on group: RouterGroup<KuraRequestContext>) {
        group.get("accounts") { request, _ in
            _ = try await http.allowed(request, .manageAccounts, change: false)
            return JSONReply.make(try await identity.listAccounts())
        }
        group.post("accounts") { request, context in
            let auth = try await http.allowed(request, .manageAccounts, change: true)
            let body = try await request.decode(as: NewAccount.self, context: context)
            let (account, password) = try await identity.addAccount(body, by: auth.actor)
            return JSONReply.make(NewAccountReply(account: account, initialPassword: password), status: .created)
        }
        group.get("accounts/{id}") { request, context in
            _ = try await http.allowed(request, .manageAccounts, change: false)
            return JSONReply.make(try await identity.account(id: try context.parameters.require("id")))
        }
        group.put("accounts/{id}/roles") { request, context in
            let auth = try await http.allowed(request, .manageAccounts, change: true)
            // A role change is sensitive: the administrator re-enters the password first.
            try identity.requireRecentReauthentication(auth)
            let body = try await request.decode(as: RolesRequest.self, context: context)
            return JSONReply.make(
                try await identity.setRoles(body.roles, of: try context.parameters.require("id"), by: auth.actor))
        }
        group.put("accounts/{id}/end-date") { request, context in
            let auth = try await http.allowed(request, .manageAccounts, change: true)
            let body = try await request.decode(as: EndDateRequest.self, context: context)
            return JSONReply.make(
                try await identity.setEndDate(body.endsAt, of: try context.parameters.require("id"), by: auth.actor))
        }
        group.post("accounts/{id}/disable") { request, context in
            let auth = try await http.allowed(request, .manageAccounts, change: true)
            return JSONReply.make(try await identity.disable(try context.parameters.require("id"), by: auth.actor))
        }
        group.post("accounts/{id}/enable") { request, context in
            let auth = try await http.allowed(request, .manageAccounts, change: true)
            return JSONReply.make(try await identity.enable(try context.parameters.require("id"), by: auth.actor))
        }
        group.post("accounts/{id}/unlock") { request, context in
            let auth = try await http.allowed(request, .manageAccounts, change: true)
            return JSONReply.make(try await identity.unlock(try context.parameters.require("id"), by: auth.actor))
        }
        group.post("accounts/{id}/reset-password") { request, context in
            let auth = try await http.allowed(request, .manageAccounts, change: true)
            let password = try await identity.resetPassword(of: try context.parameters.require("id"), by: auth.actor)
            return JSONReply.make(OneTimePasswordReply(oneTimePassword: password))
        }
        group.delete("accounts/{id}/sessions") { request, context in
            let auth = try await http.allowed(request, .manageAccounts, change: true)
            try await identity.revokeAllSessions(of: try context.parameters.require("id"), by: auth.actor)
            return JSONReply.noContent()
        }
    }
}
