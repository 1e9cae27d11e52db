import KuraCore

extension AdministrationPages {
    /// The account list with its actions and the add form (ACC-1, ACC-2, ACC-4, AUTH-5).
    struct AccountsModel: PageModel {
        static let template = "accounts"
        static let titleKey = "titleAccounts"
        /// A one-time password just issued, shown this once.
        let issued: IssuedPassword?
        let rows: [AccountRow]
        let addAction: String
        /// What the add form keeps after a refusal.
        let form: AccountFormValues
        let jobTypes: [Option]
        let roleOptions: [Option]
        let languages: [Option]

        /// The model for `accounts` as administrator `viewer` sees them.
        init(
            _ accounts: [AccountView], viewer: String, text: PageText, issued: IssuedPassword? = nil,
            form: AddAccountForm? = nil
        ) {
            self.issued = issued
            rows = accounts.map { AccountRow($0, viewer: viewer, text: text) }
            addAction = PageRoute.accounts.path
            self.form = AccountFormValues(
                login: form?.login ?? "", name: form?.name ?? "", licence: form?.licence ?? "")
            let job = form?.jobType ?? "physician"
            jobTypes = IdentityInput.jobTypes.sorted().map {
                Option(value: $0, label: text.jobType($0), selected: $0 == job)
            }
            let chosen = Set(form?.roles ?? [])
            roleOptions = Role.allCases.map {
                Option(value: $0.rawValue, label: text.role($0), selected: chosen.contains($0.rawValue))
            }
            languages = Option.languages(text, chosen: form?.language ?? "ja")
        }
    }

    /// A one-time password an administrator must hand over (AUTH-4, AUTH-6).
    struct IssuedPassword: Sendable {
        let login: String
        let password: String
        /// A reset (else a new account).
        let reset: Bool
    }

    /// The add form's text fields after a refusal (never a password: the form has none).
    struct AccountFormValues: Sendable {
        let login: String
        let name: String
        let licence: String
    }

    /// One account in the list.
    struct AccountRow: Sendable {
        let login: String
        let name: String
        let jobType: String
        let roles: String
        /// An administrator who also holds a clinical role (ACC-2), reported at inspections.
        let exception: Bool
        let status: String
        let lockedUntil: String?
        let mustChange: Bool
        let secondFactor: String
        let lastSignIn: String
        let actions: [RowAction]
        /// The roles form (not for one's own account: nobody changes their own roles, ACC-1).
        let rolesLink: String?

        init(_ account: AccountView, viewer: String, text: PageText) {
            login = account.login
            name = account.name
            jobType = text.jobType(account.jobType)
            roles = account.roles.compactMap(Role.init(rawValue:)).map(text.role).joined(separator: "、")
            exception = account.administratorWithClinicalRole
            let reason = account.disabledReason.map { text["disabled" + PageText.capitalised($0)] } ?? ""
            status = text["status" + PageText.capitalised(account.status)] + reason
            lockedUntil = account.lockedUntil.map(PageTime.jst)
            mustChange = account.passwordMustChange
            secondFactor = text[account.secondFactorEnrolled ? "enrolled" : "notEnrolled"]
            lastSignIn = PageTime.jst(account.lastLoginAt, text)
            var actions: [RowAction] = []
            func add(_ action: PageRoute.AccountAction) {
                actions.append(
                    RowAction(
                        action: PageRoute.accountAction(account.id, action).path,
                        label: text["action" + PageText.capitalised(action.rawValue)]))
            }
            // Nobody disables or resets themselves; the service refuses it too.
            let own = account.id == viewer
            if account.status == "active" { if !own { add(.disable) } } else { add(.enable) }
            if account.lockedUntil != nil { add(.unlock) }
            if !own { add(.resetPassword) }
            self.actions = actions
            rolesLink = own ? nil : PageRoute.accountRoles(account.id).path
        }
    }

    /// A button that posts to `action`.
    struct RowAction: Sendable {
        let action: String
        let label: String
    }
}
