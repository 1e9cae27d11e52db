import KuraCore
import KuraStore

/// The model of one page's content: which template draws it and which title it has.
protocol PageModel: Sendable {
    /// The template's name in ``PageTemplates/all``.
    static var template: String { get }
    /// The ``PageText`` key of the title.
    static var titleKey: String { get }
}

/// What the layout draws around a page's content. Pure data: the layout's template reads its
/// stored properties by name, so they are named apart from the content models' to keep
/// Mustache's context lookup from finding the wrong one.
struct Page<Main: PageModel>: Sendable {
    /// `ja` or `en`, for `<html lang>`.
    let language: String
    /// The title, in that language.
    let title: String
    /// The words, as `{{t.key}}`.
    let t: PageText
    /// The menu of a signed-in session.
    let navigation: Navigation?
    /// The token every form of the page carries in `_csrf`.
    let csrf: String
    /// A confirmation to show.
    let notice: String?
    /// A refusal to show.
    let error: String?
    /// When the page hides itself behind the lock screen (SESS-2); nil before sign-in.
    let idleLock: IdleLock?
    /// The page's own content.
    let main: Main
}

/// The part of a page that depends on the request, not on the page: language, menu, token.
struct PageFrame: Sendable {
    /// The words in the reader's language.
    let text: PageText
    /// The menu, for a signed-in session.
    let navigation: Navigation?
    /// The CSRF token of the page's forms.
    let csrf: String
    /// The session's idle limit, for the lock screen (signed-in pages only).
    var idleMilliseconds: Int64? = nil

    /// The page with `main`, titled by its model.
    func page<Main: PageModel>(_ main: Main, notice: String? = nil, error: String? = nil) -> Page<Main> {
        Page(
            language: text.language, title: text[Main.titleKey], t: text, navigation: navigation, csrf: csrf,
            notice: notice, error: error, idleLock: idleMilliseconds.map(IdleLock.init), main: main)
    }

    /// The frame of a page for a signed-in session: the account's language, the menu its
    /// stage and roles allow, and the idle limit its lock screen follows.
    static func signedIn(_ auth: Authenticated, csrf: String, idleMilliseconds: Int64) -> PageFrame {
        PageFrame(
            text: PageText(language: auth.account.language), navigation: Navigation(auth), csrf: csrf,
            idleMilliseconds: idleMilliseconds)
    }
}

/// The lock screen of a signed-in page: after `milliseconds` without a request (the server's
/// idle limit, SESS-2) the page script removes the content from the page and shows the lock,
/// whose one button ends the session, so going on needs the password again.
struct IdleLock: Sendable {
    let milliseconds: Int64
}

/// The menu of a signed-in session: only the pages its stage and roles reach, so nobody is
/// shown a link that would be refused.
struct Navigation: Sendable {
    /// Who is signed in.
    let signedInAs: String
    /// The dashboard (ready sessions).
    let dashboardLink: String?
    /// My patients and the search, for those who search patients.
    let patientsLink: String?
    /// The approval queue, for physicians.
    let approvalsLink: String?
    /// The access log, for auditors.
    let auditLink: String?
    /// The policies in force and the dormant-account report, for administrators.
    let policiesLink: String?
    /// My account (ready sessions).
    let accountLink: String?
    /// The account list, for those who manage accounts.
    let accountsLink: String?
    /// The device list.
    let devicesLink: String?
    /// The alert queue.
    let alertsLink: String?
    /// The review queue.
    let reviewsLink: String?
    /// The checklist and registries, for administrators and auditors (issue 8).
    let complianceLink: String?
    /// Switch user (ready sessions).
    let switchUserAction: String?
    /// Sign out (every stage: a person stuck half-way can leave).
    let signOutAction: String

    /// The menu for `auth`.
    init(_ auth: Authenticated) {
        let ready = auth.stage == .ready
        func link(_ route: PageRoute, _ action: AccessAction) -> String? {
            (try? auth.require(action)) != nil ? route.path : nil
        }
        // Patient actions are decided per patient; the menu asks only whether a role holds one.
        func roleLink(_ route: PageRoute, _ action: AccessAction) -> String? {
            ready && auth.holds(action) ? route.path : nil
        }
        signedInAs = auth.account.login
        dashboardLink = ready ? PageRoute.dashboard.path : nil
        patientsLink = link(.patients, .searchPatients)
        approvalsLink = roleLink(.approvals, .approveProxyEntry)
        auditLink = link(.audit, .readAuditLog)
        policiesLink = link(.policies, .manageAccounts)
        accountLink = ready ? PageRoute.account.path : nil
        accountsLink = link(.accounts, .manageAccounts)
        devicesLink = link(.devices, .manageDevices)
        alertsLink = link(.alerts, .handleAlerts)
        reviewsLink = link(.reviews, .signOffReviews)
        complianceLink = link(.compliance, .readCompliance)
        switchUserAction = ready ? PageRoute.switchUser.path : nil
        signOutAction = PageRoute.signOut.path
    }
}

/// A choice in a `<select>` or a checkbox group.
struct Option: Sendable {
    /// The submitted value.
    let value: String
    /// What the reader sees.
    let label: String
    /// Whether it is chosen.
    let selected: Bool

    /// The language choices, `chosen` selected.
    static func languages(_ text: PageText, chosen: String) -> [Option] {
        [
            Option(value: "ja", label: text["languageJa"], selected: chosen != "en"),
            Option(value: "en", label: text["languageEn"], selected: chosen == "en"),
        ]
    }
}
