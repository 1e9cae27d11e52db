import Foundation
import KuraCore

/// Every page and form action of the web UI (STYLE 13): the router registers ``pattern`` and
/// the models build links and form actions from ``path``, so a link cannot point at a route
/// that does not exist.
enum PageRoute: Hashable, Sendable {
    /// `/`: sends the browser to the page of its session's stage.
    case home
    /// The first administrator, with the one-time setup code (ACC-1).
    case setup
    /// Sign-in with login name and password.
    case login
    /// The TOTP or recovery code after the password (MFA-1, MFA-3).
    case secondFactor
    /// TOTP enrolment: QR code, secret, first code, then the recovery codes.
    case enrol
    /// The holder's password change (AUTH-4: also the stage after an initial or reset password).
    case password
    /// My account: sessions, devices, recovery codes.
    case account
    /// Ends the session.
    case signOut
    /// Ends the session on a shared PC so the next person signs in (SESS-3).
    case switchUser
    /// Ends one of the holder's sessions.
    case revokeSession(String)
    /// The administrators' account list and add form.
    case accounts
    /// An administrator's action on one account.
    case accountAction(String, AccountAction)
    /// The administrators' device list (INV-2, DEV-2).
    case devices
    /// Approves a pending device; the form names the ownership.
    case approveDevice(String)
    /// Revokes a device at once.
    case revokeDevice(String)
    /// The alert queue (AUD-1).
    case alerts
    /// Acknowledges an alert.
    case acknowledgeAlert(String)
    /// The review queue (ACC-7).
    case reviews
    /// Signs off a review item; the form names the outcome.
    case signOffReview(String)
    /// A patient's whole chart, readable and printable.
    case chart(String)
    /// The signed-in person's start page: today's visits, approvals, drafts, reviews.
    case dashboard
    /// My care-team patients and the search form.
    case patients
    /// The search (a POST: the query never sits in a URL or a log).
    case searchPatients
    /// The registration form.
    case newPatient
    /// The demographics form of one patient.
    case editPatient(String)
    /// Adds or removes a care-team member (the form names the account and the change).
    case careTeam(String)
    /// The structured lists (allergies, problems, medications) of one patient.
    case patientLists(String)
    /// Asks for a reason and opens a patient outside my care teams (ACC-7).
    case breakGlass(String)
    /// The print view of a chart (A4, name and number on every page).
    case printChart(String)
    /// The content of one attachment, shown inline in the chart.
    case attachment(String)
    /// A new entry for a patient (also a proxy entry naming the physician).
    case newEntry(String)
    /// One entry with every version and the reason for each change.
    case entry(String)
    /// The editor of a draft (save or finalize).
    case editEntry(String)
    /// Finalizes a draft.
    case finalizeEntry(String)
    /// The amendment form of a finalized entry (a reason is required).
    case amendEntry(String)
    /// Marks an entry entered in error (a reason is required).
    case enteredInError(String)
    /// A physician's queue of proxy entries.
    case approvals
    /// Approves a proxy entry.
    case approveEntry(String)
    /// Rejects a proxy entry.
    case rejectEntry(String)
    /// The access log with filters (auditors).
    case audit
    /// The filtered access log as CSV (itself audited).
    case auditCSV
    /// The identity policies in force (second factor, idle lock, lockout, dormancy).
    case policies
    /// The dormant-account report (ACC-4).
    case dormantAccounts
    /// The roles of one account.
    case accountRoles(String)
    /// A static file of the UI (the one script), by name.
    case asset(String)
    /// The holder's display language.
    case accountLanguage
    /// New recovery codes, with the password again (MFA-3).
    case accountRecoveryCodes
    /// A new second factor (a new phone), with the password again (MFA-1).
    case accountSecondFactor
    /// The checklists with their counts and the registries (issue 8).
    case compliance
    /// One checklist answered now, with the answer forms of its items.
    case checklist(String)
    /// Prints one checklist and seals the report's hash in the log.
    case checklistReport(String)
    /// One registry: its entries and the add and change forms.
    case registry(String)
    /// Takes an entry off a registry (the form names the entry and its version).
    case withdrawRegistryEntry(String)
    /// Downloads an evidence file.
    case evidenceFile(String)
    /// Keeps an uploaded evidence file (the one `multipart/form-data` form).
    case evidenceUpload
    /// The access-log reviews (a task over a period) and their sign-offs (AUD-4).
    case accessReviews
    /// The patients flagged as staff, relatives or VIPs, and the flag form.
    case patientFlags

    /// What an administrator does to one account from the list.
    enum AccountAction: String, Hashable, Sendable, CaseIterable {
        case disable
        case enable
        case unlock
        case resetPassword = "reset-password"
    }

    /// The value to pass for the id when only the ``pattern`` is wanted.
    static let anyID = ""

    /// The path for links and form actions, with the id percent-encoded.
    var path: String {
        render { $0.addingPercentEncoding(withAllowedCharacters: Self.idCharacters) ?? "" }
    }

    /// The path with a notice for the page to show after a redirect (fixed words only).
    func path(notice: PageNotice) -> String {
        "\(path)?notice=\(notice.rawValue)"
    }

    /// The router's pattern, with `{id}` in place of the id.
    var pattern: String {
        render { _ in "{id}" }
    }

    /// The page a session at `stage` belongs on: anything but `ready` reaches only that page.
    static func page(for stage: SignInStage) -> PageRoute {
        switch stage {
        case .secondFactor: .secondFactor
        case .passwordChange: .password
        case .enrolment: .enrol
        case .ready: .dashboard
        }
    }

    static let idCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))

    private func render(_ id: (String) -> String) -> String {
        switch self {
        case .home: "/"
        case .setup: "/setup"
        case .login: "/login"
        case .secondFactor: "/login/second-factor"
        case .enrol: "/enrol"
        case .password: "/password"
        case .account: "/account"
        case .signOut: "/sign-out"
        case .switchUser: "/switch-user"
        case .revokeSession(let session): "/account/sessions/\(id(session))/revoke"
        case .accounts: "/admin/accounts"
        case .accountAction(let account, let action): "/admin/accounts/\(id(account))/\(action.rawValue)"
        case .devices: "/admin/devices"
        case .approveDevice(let device): "/admin/devices/\(id(device))/approve"
        case .revokeDevice(let device): "/admin/devices/\(id(device))/revoke"
        case .alerts: "/admin/alerts"
        case .acknowledgeAlert(let alert): "/admin/alerts/\(id(alert))/acknowledge"
        case .reviews: "/admin/reviews"
        case .signOffReview(let review): "/admin/reviews/\(id(review))/sign-off"
        case .chart(let patient): "/patients/\(id(patient))/chart"
        case .dashboard: "/dashboard"
        case .patients: "/patients"
        case .searchPatients: "/patients/search"
        case .newPatient: "/patients/new"
        case .editPatient(let patient): "/patients/\(id(patient))/edit"
        case .careTeam(let patient): "/patients/\(id(patient))/care-team"
        case .patientLists(let patient): "/patients/\(id(patient))/lists"
        case .breakGlass(let patient): "/patients/\(id(patient))/break-glass"
        case .printChart(let patient): "/patients/\(id(patient))/print"
        case .attachment(let attachment): "/attachments/\(id(attachment))"
        case .newEntry(let patient): "/patients/\(id(patient))/entries/new"
        case .entry(let entry): "/entries/\(id(entry))"
        case .editEntry(let entry): "/entries/\(id(entry))/edit"
        case .finalizeEntry(let entry): "/entries/\(id(entry))/finalize"
        case .amendEntry(let entry): "/entries/\(id(entry))/amend"
        case .enteredInError(let entry): "/entries/\(id(entry))/entered-in-error"
        case .approvals: "/approvals"
        case .approveEntry(let entry): "/entries/\(id(entry))/approve"
        case .rejectEntry(let entry): "/entries/\(id(entry))/reject"
        case .audit: "/audit"
        case .auditCSV: "/audit.csv"
        case .policies: "/admin/policies"
        case .dormantAccounts: "/admin/dormant-accounts"
        case .accountRoles(let account): "/admin/accounts/\(id(account))/roles"
        case .asset(let name): "/assets/\(id(name))"
        case .accountLanguage: "/account/language"
        case .accountRecoveryCodes: "/account/recovery-codes"
        case .accountSecondFactor: "/account/second-factor"
        case .compliance: "/compliance"
        case .checklist(let checklist): "/compliance/checklists/\(id(checklist))"
        case .checklistReport(let checklist): "/compliance/checklists/\(id(checklist))/report"
        case .registry(let registry): "/compliance/registries/\(id(registry))"
        case .withdrawRegistryEntry(let registry): "/compliance/registries/\(id(registry))/withdraw"
        case .evidenceFile(let file): "/compliance/evidence/\(id(file))"
        case .evidenceUpload: "/compliance/evidence"
        case .accessReviews: "/compliance/reviews"
        case .patientFlags: "/compliance/flags"
        }
    }
}

/// A message a page shows after a redirect, named in the query by a fixed word: the query
/// never carries text to echo.
enum PageNotice: String, Sendable, CaseIterable {
    case setupDone = "setup-done"
    case signedOut = "signed-out"
    case passwordChanged = "password-changed"
    case sessionRevoked = "session-revoked"
    case done

    /// The notice a request's query names, if any.
    init?(query value: String?) {
        guard let value, let notice = PageNotice(rawValue: value) else { return nil }
        self = notice
    }

    /// The key of its text in ``PageText``.
    var textKey: String {
        switch self {
        case .setupDone: "noticeSetupDone"
        case .signedOut: "noticeSignedOut"
        case .passwordChanged: "noticePasswordChanged"
        case .sessionRevoked: "noticeSessionRevoked"
        case .done: "noticeDone"
        }
    }
}
