import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraServer
import Testing

/// The server-rendered pages over real HTTP: the whole first-administrator flow, CSRF on every
/// form, the protective headers, stage gating and escaping (DESIGN "Interfaces", ASVS 4.2.2,
/// MFA-1, SESS-3).
@Suite("Server-rendered pages")
struct PagesTests {
    static let csp = HTTPField.Name("Content-Security-Policy")!

    /// The path a 303 sends the browser to.
    static func location(_ response: TestResponse) -> String? {
        response.status == .seeOther ? response.headers[.location] : nil
    }

    /// A browser signed in as a ready administrator, through the service.
    static func readyAdministrator(_ harness: IdentityHarness) async throws -> PageBrowser {
        try await signIn(harness, try await harness.readyAdministrator())
    }

    /// A browser holding a new, ready session of the administrator (both factors, same device).
    static func signIn(
        _ harness: IdentityHarness, _ admin: (auth: Authenticated, secret: String, recovery: [String], device: String)
    ) async throws -> PageBrowser {
        let signedIn = try await harness.identity.signIn(
            harness.attempt("admin", IdentityHarness.adminPassword, device: admin.device))
        _ = try await harness.identity.verifySecondFactor(signedIn.authenticated, code: try harness.code(admin.secret))
        var browser = PageBrowser(harness.client)
        browser.cookies = ["__Host-kura-session": signedIn.sessionToken, "__Host-kura-device": admin.device]
        return browser
    }

    @Test("setup, sign-in, enrolment with a code from the page's secret, and my account, all through pages")
    func browserFlow() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var browser = PageBrowser(harness.client)
            #expect(Self.location(try await browser.get("/")) == "/setup")

            let setupPage = try await browser.get("/setup")
            #expect(setupPage.status == .ok)
            #expect(browser.cookies["__Host-kura-csrf"] != nil)
            let setupCode = try #require(harness.startup.setupCode)
            let created = try await browser.post(
                "/setup",
                [
                    ("_csrf", try PageBrowser.hidden("_csrf", in: setupPage)), ("setupCode", setupCode),
                    ("login", "admin"), ("name", "院長 太郎"), ("password", IdentityHarness.adminPassword),
                    ("confirmation", IdentityHarness.adminPassword), ("language", "ja"),
                ])
            #expect(Self.location(created) == "/login?notice=setup-done")
            #expect(Self.location(try await browser.get("/setup")) == "/login")

            let loginPage = try await browser.get("/login?notice=setup-done")
            #expect(PageBrowser.html(loginPage).contains("管理者を作成しました"))
            let signedIn = try await browser.post(
                "/login",
                [
                    ("_csrf", try PageBrowser.hidden("_csrf", in: loginPage)), ("login", "admin"),
                    ("password", IdentityHarness.adminPassword),
                ])
            #expect(Self.location(signedIn) == "/enrol")
            #expect(browser.cookies["__Host-kura-session"] != nil)
            #expect(Self.location(try await browser.get("/account")) == "/enrol")

            let enrolPage = try await browser.get("/enrol")
            #expect(enrolPage.status == .ok)
            #expect(PageBrowser.html(enrolPage).contains("<svg"))
            let secret = try PageBrowser.element("secret", in: enrolPage).replacingOccurrences(of: " ", with: "")
            let code = try harness.code(secret)
            let csrf = try PageBrowser.hidden("_csrf", in: enrolPage)
            let token = try PageBrowser.hidden("enrolmentToken", in: enrolPage)

            // A wrong first code shows the same secret again, so the scanned entry stays valid.
            let wrong = try await browser.post(
                "/enrol",
                [("_csrf", csrf), ("enrolmentToken", token), ("code", code == "000000" ? "999999" : "000000")])
            #expect(wrong.status == .unauthorized)
            #expect(try PageBrowser.element("secret", in: wrong).replacingOccurrences(of: " ", with: "") == secret)

            let confirmed = try await browser.post(
                "/enrol", [("_csrf", csrf), ("enrolmentToken", token), ("code", code)])
            #expect(confirmed.status == .ok)
            #expect(PageBrowser.html(confirmed).components(separatedBy: "<li><code>").count == 11)

            let account = try await browser.get("/account")
            #expect(account.status == .ok)
            let html = PageBrowser.html(account)
            #expect(html.contains("院長 太郎"))
            #expect(html.contains("利用者の切り替え"))
            #expect(try PageBrowser.element("recovery-remaining", in: account) == "10")

            let switched = try await browser.post(
                "/switch-user", [("_csrf", try PageBrowser.hidden("_csrf", in: account))])
            #expect(Self.location(switched) == "/login?notice=signed-out")
            #expect(browser.cookies["__Host-kura-session"] == nil)
            #expect(Self.location(try await browser.get("/account")) == "/login")
        }
    }

    @Test("an administrator adds an account and sees its one-time password once; names are escaped")
    func administration() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var browser = try await Self.readyAdministrator(harness)
            let list = try await browser.get("/admin/accounts")
            #expect(list.status == .ok)
            let added = try await browser.post(
                "/admin/accounts",
                [
                    ("_csrf", try PageBrowser.hidden("_csrf", in: list)), ("login", "dr.evil"),
                    ("name", "<script>alert(1)</script>"), ("jobType", "physician"), ("licence", "123456"),
                    ("roles[]", "physician"), ("language", "ja"),
                ])
            #expect(added.status == .ok)
            #expect(try PageBrowser.element("one-time-password", in: added).count == 19)
            let html = PageBrowser.html(try await browser.get("/admin/accounts"))
            #expect(!html.contains("<script>"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!html.contains("one-time-password"))
        }
    }

    @Test("an administrator approves a device, resets and disables an account, and works through both queues")
    func administrationActions() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var browser = try await Self.readyAdministrator(harness)
            let list = try await browser.get("/admin/accounts")
            let csrf = try PageBrowser.hidden("_csrf", in: list)
            _ = try await browser.post(
                "/admin/accounts",
                [
                    ("_csrf", csrf), ("login", "ns.tanaka"), ("name", "田中 看護"), ("jobType", "nurse"),
                    ("licence", "N-1"), ("roles[]", "nurse"), ("language", "ja"),
                ])

            let devices = try await browser.get("/admin/devices")
            let approve = try PageBrowser.action(endingWith: "/approve", in: devices)
            let unknown = try await browser.post(approve, [("_csrf", csrf), ("ownership", "unknown")])
            #expect(unknown.status == .badRequest)
            #expect(PageBrowser.html(unknown).contains("端末管理"))
            let approved = try await browser.post(approve, [("_csrf", csrf), ("ownership", "byod")])
            #expect(Self.location(approved) == "/admin/devices?notice=done")
            let after = PageBrowser.html(try await browser.get("/admin/devices"))
            #expect(after.contains("個人端末") && after.contains("承認済み"))

            let accounts = try await browser.get("/admin/accounts")
            let reset = try await browser.post(
                try PageBrowser.action(endingWith: "/reset-password", in: accounts), [("_csrf", csrf)])
            #expect(reset.status == .ok)
            #expect(PageBrowser.html(reset).contains("パスワードをリセットしました"))
            #expect(try PageBrowser.element("one-time-password", in: reset).count == 19)
            let disabled = try await browser.post(
                try PageBrowser.action(endingWith: "/disable", in: accounts), [("_csrf", csrf)])
            #expect(Self.location(disabled) == "/admin/accounts?notice=done")
            #expect(PageBrowser.html(try await browser.get("/admin/accounts")).contains("無効（管理者が無効化）"))

            // The reset waits in the review queue and raised an alert; a person closes each.
            let reviews = try await browser.get("/admin/reviews")
            #expect(PageBrowser.html(reviews).contains("パスワードのリセット"))
            let signedOff = try await browser.post(
                try PageBrowser.action(endingWith: "/sign-off", in: reviews),
                [("_csrf", csrf), ("outcome", "accepted")])
            #expect(Self.location(signedOff) == "/admin/reviews?notice=done")
            #expect(PageBrowser.html(try await browser.get("/admin/reviews")).contains("該当するものはありません"))
            let alerts = try await browser.get("/admin/alerts")
            let acknowledge = try PageBrowser.action(endingWith: "/acknowledge", in: alerts)
            #expect(
                Self.location(try await browser.post(acknowledge, [("_csrf", csrf)])) == "/admin/alerts?notice=done")
            let again = try await browser.post(acknowledge, [("_csrf", csrf)])
            #expect(again.status == .conflict)
        }
    }

    @Test("a form post without or with a wrong _csrf is refused with 403, before and after sign-in")
    func csrf() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var anonymous = PageBrowser(harness.client)
            let login = try await anonymous.get("/login")
            let fields = [("login", "admin"), ("password", IdentityHarness.adminPassword)]
            #expect(try await anonymous.post("/login", fields).status == .forbidden)
            #expect(
                try await anonymous.post("/login", [("_csrf", String(repeating: "A", count: 43))] + fields).status
                    == .forbidden)
            var cookieless = PageBrowser(harness.client)
            let token = try PageBrowser.hidden("_csrf", in: login)
            #expect(try await cookieless.post("/login", [("_csrf", token)] + fields).status == .forbidden)

            var browser = try await Self.readyAdministrator(harness)
            let account = try await browser.get("/account")
            let good = try PageBrowser.hidden("_csrf", in: account)
            let bad = String(good.reversed())
            for path in ["/sign-out", "/admin/accounts"] {
                #expect(try await browser.post(path, []).status == .forbidden, "\(path) without a token")
                #expect(try await browser.post(path, [("_csrf", bad)]).status == .forbidden, "\(path) with a wrong one")
            }
            #expect(try await browser.get("/account").status == .ok)
            #expect(Self.location(try await browser.post("/sign-out", [("_csrf", good)])) == "/login?notice=signed-out")
        }
    }

    @Test("every page answer forbids inline and foreign scripts, framing, caching, sniffing and referrers")
    func headers() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var browser = PageBrowser(harness.client)
            for response in [
                try await browser.get("/setup"), try await browser.get("/login"), try await browser.get("/account"),
                try await browser.post("/login", []),
            ] {
                let policy = try #require(response.headers[Self.csp])
                #expect(policy.contains("default-src 'none'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("script-src 'self';") && !policy.contains("unsafe"))
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
            let page = PageBrowser.html(try await browser.get("/login"))
            #expect(page.contains("<html lang=\"ja\">"))
            #expect(page.contains("<meta name=\"viewport\""))
            #expect(page.contains("autocomplete=\"current-password\""))
            #expect(!page.contains("<script"))
        }
    }

    @Test(
        "without a session every page sends the browser to /login",
        arguments: ["/account", "/enrol", "/password", "/login/second-factor", "/admin/accounts", "/admin/reviews"])
    func unauthenticated(path: String) async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var browser = PageBrowser(harness.client)
            let response = try await browser.get(path)
            #expect(Self.location(response) == "/login")
        }
    }

    @Test("a session at another sign-in stage reaches only its stage's page")
    func stages() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let admin = try await harness.readyAdministrator()
            // Password accepted, second factor due.
            let half = try await harness.identity.signIn(
                harness.attempt("admin", IdentityHarness.adminPassword, device: admin.device))
            var browser = PageBrowser(harness.client)
            browser.cookies = ["__Host-kura-session": half.sessionToken]
            for path in ["/", "/account", "/enrol", "/password", "/admin/accounts", "/login"] {
                #expect(Self.location(try await browser.get(path)) == "/login/second-factor", "\(path)")
            }
            #expect(try await browser.get("/login/second-factor").status == .ok)

            // A new account: an initial password to change first.
            let (_, initial) = try await harness.identity.addAccount(
                NewAccount(
                    login: "ns.tanaka", name: "田中 看護", jobType: "nurse", licence: "N-1", roles: ["nurse"],
                    language: "en"),
                by: admin.auth.actor)
            let first = try await harness.identity.signIn(harness.attempt("ns.tanaka", initial))
            browser.cookies = ["__Host-kura-session": first.sessionToken]
            for path in ["/", "/account", "/enrol", "/login/second-factor"] {
                #expect(Self.location(try await browser.get(path)) == "/password", "\(path)")
            }
            // Her account's language is English, so her pages are.
            let password = try await browser.get("/password")
            #expect(password.status == .ok)
            #expect(PageBrowser.html(password).contains("<html lang=\"en\">"))
            #expect(PageBrowser.html(password).contains("Change your password before you continue."))
            // A ready physician reaches their account, and is refused (not redirected) elsewhere.
            let physician = try await harness.readyPhysician(admin: admin.auth)
            browser.cookies = ["__Host-kura-session": physician.sessionToken]
            #expect(try await browser.get("/account").status == .ok)
            let refused = try await browser.get("/admin/accounts")
            #expect(refused.status == .forbidden)
            #expect(PageBrowser.html(refused).contains("権限がありません"))
        }
    }
}
