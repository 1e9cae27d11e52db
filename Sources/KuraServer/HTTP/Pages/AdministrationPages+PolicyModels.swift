import Foundation
import KuraCore

extension AdministrationPages {
    /// The identity rules in force (read-only): each with its value, the guideline requirement
    /// it meets, and the configuration key that changes it (`kura.json` or the environment; a
    /// change takes effect at the next start and is recorded by the configuration file's owner).
    struct PoliciesModel: PageModel {
        static let template = "policies"
        static let titleKey = "titlePolicies"

        struct Row: Sendable {
            let label: String
            let value: String
            let requirement: String
            /// The configuration key, or nil for a rule that is fixed.
            let key: String?
        }

        let rows: [Row]
        let dormantLink: String

        init(_ settings: IdentitySettings, text: PageText) {
            let on = text["policyOn"]
            let off = text["policyOff"]
            func minutes(_ milliseconds: Int64) -> String { "\(milliseconds / 60_000)\(text["unitMinutes"])" }
            rows = [
                Row(
                    label: text["policySecondFactor"], value: settings.secondFactorRequired ? on : off,
                    requirement: "MFA-1", key: "identity.secondFactorRequired"),
                Row(
                    label: text["policyDeviceApproval"], value: settings.deviceApprovalRequired ? on : off,
                    requirement: "INV-2", key: "identity.deviceApprovalRequired"),
                Row(
                    label: text["policyIdleLock"], value: minutes(settings.sessions.idleMilliseconds),
                    requirement: "SESS-2", key: "identity.idleMinutes"),
                Row(
                    label: text["policySessionLifetime"],
                    value: "\(settings.sessions.absoluteMilliseconds / 3_600_000)\(text["unitHours"])",
                    requirement: "SESS-1", key: "identity.sessionHours"),
                Row(
                    label: text["policyLockout"],
                    value: "\(settings.lockout.maximumFailures)\(text["unitFailures"]) / "
                        + minutes(settings.lockout.lockMilliseconds),
                    requirement: "AUTH-5", key: "identity.lockoutFailures, identity.lockoutMinutes"),
                Row(
                    label: text["policyPasswordExpiry"],
                    value: text["policyPasswordExpiryValue"]
                        + "\(settings.accounts.passwordExpiryDays)\(text["unitDays"])",
                    requirement: "AUTH-4", key: "identity.passwordExpiryDays"),
                Row(
                    label: text["policyDormancy"], value: "\(settings.accounts.dormantDays)\(text["unitDays"])",
                    requirement: "ACC-4", key: "identity.dormantDays"),
                Row(
                    label: text["policyBreakGlass"], value: "\(settings.breakGlassMinutes)\(text["unitMinutes"])",
                    requirement: "ACC-7", key: "identity.breakGlassMinutes"),
                Row(
                    label: text["policyLoginRate"],
                    value: "\(settings.loginAttemptsPerMinute)\(text["unitPerMinute"])", requirement: "AUTH-5",
                    key: nil),
            ]
            dormantLink = PageRoute.dormantAccounts.path
        }
    }

    /// The dormant-account report (ACC-4): disabled accounts and active ones idle for a third
    /// of the dormancy period or more, most idle first, with a disable button.
    struct DormantModel: PageModel {
        static let template = "dormant-accounts"
        static let titleKey = "titleDormantAccounts"

        struct Row: Sendable {
            let login: String
            let name: String
            let status: String
            let idleDays: Int
            let lastSignIn: String
            /// Disable now (active accounts, never one's own).
            let disableAction: String?
        }

        let rows: [Row]
        let explanation: String

        init(_ accounts: [AccountView], settings: IdentitySettings, viewer: String, text: PageText) {
            rows = accounts.map { account in
                let reason = account.disabledReason.map { text["disabled" + PageText.capitalised($0)] } ?? ""
                let active = account.status == AccountStatus.active.rawValue
                return Row(
                    login: account.login, name: account.name,
                    status: text["status" + PageText.capitalised(account.status)] + reason, idleDays: account.idleDays,
                    lastSignIn: PageTime.jst(account.lastLoginAt, text),
                    disableAction: active && account.id != viewer
                        ? PageRoute.accountAction(account.id, .disable).path : nil)
            }
            explanation = text["dormantExplanation"]
                .replacingOccurrences(of: "{days}", with: "\(settings.accounts.dormantDays)")
                .replacingOccurrences(of: "{third}", with: "\(settings.accounts.dormantDays / 3)")
        }
    }

    /// The roles of one account as checkboxes (ACC-1); granting an administrator a clinical
    /// role is allowed but reported as the ACC-2 exception, which the page says.
    struct RolesModel: PageModel {
        static let template = "account-roles"
        static let titleKey = "titleAccountRoles"

        let login: String
        let name: String
        let action: String
        let roleOptions: [Option]

        init(_ account: AccountView, chosen: [String]? = nil, text: PageText) {
            login = account.login
            name = account.name
            action = PageRoute.accountRoles(account.id).path
            let ticked = Set(chosen ?? account.roles)
            roleOptions = Role.allCases.map {
                Option(value: $0.rawValue, label: text.role($0), selected: ticked.contains($0.rawValue))
            }
        }
    }
}
