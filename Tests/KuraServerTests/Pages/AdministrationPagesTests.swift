import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraStore
import Testing

@testable import KuraServer

/// The administrators' pages added for the clinic UI: the policies in force, the roles form
/// (ACC-1, ACC-2) and the dormant-account report (ACC-4).
@Suite("Administration pages")
struct AdministrationPagesTests {
    @Test("the policies page shows the rules in force and where each is set; clinicians are refused")
    func policies() async throws {
        try await IdentityHarness.with(
            .sqlite,
            configure: {
                $0.identity.sessions.idleMilliseconds = 5 * 60_000
                $0.identity.lockout.maximumFailures = 7
            }
        ) { harness in
            var admin = try await PagesTests.readyAdministrator(harness)
            let page = try await admin.get("/admin/policies")
            #expect(page.status == .ok)
            let table = try #require(
                PageBrowser.text(after: "id=\"policies\"", until: "</table>", in: PageBrowser.html(page)))
            #expect(table.contains("無操作時の画面ロック</td><td>5分</td><td>SESS-2</td><td><code>identity.idleMinutes</code>"))
            #expect(table.contains("7回 / 15分"))
            #expect(table.contains("二要素認証</td><td>必須</td><td>MFA-1"))

            let physician = try await harness.readyPhysician(
                admin: try await harness.identity.authenticate(
                    token: try #require(admin.cookies["__Host-kura-session"]), kind: .browser))
            var doctor = PageBrowser(harness.client)
            doctor.cookies = ["__Host-kura-session": physician.sessionToken, "__Host-kura-device": physician.device]
            #expect(try await doctor.get("/admin/policies").status == .forbidden)
            #expect(try await doctor.get("/admin/dormant-accounts").status == .forbidden)
        }
    }

    @Test(
        "an administrator changes another account's roles through the form, never their own",
        arguments: TestBackend.available)
    func roles(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var admin = try await PagesTests.readyAdministrator(harness)
            let adminAuth = try await harness.identity.authenticate(
                token: try #require(admin.cookies["__Host-kura-session"]), kind: .browser)
            let physician = try await harness.readyPhysician(admin: adminAuth)
            let id = physician.auth.account.id

            let list = PageBrowser.html(try await admin.get("/admin/accounts"))
            #expect(list.contains("href=\"/admin/accounts/\(id)/roles\""))
            #expect(!list.contains("href=\"/admin/accounts/\(adminAuth.account.id)/roles\""))

            let form = try await admin.get("/admin/accounts/\(id)/roles")
            #expect(
                PageBrowser.html(form).contains("id=\"role-physician\" name=\"roles[]\" value=\"physician\" checked"))
            let token = try PageBrowser.hidden("_csrf", in: form)
            #expect(
                try await admin.post("/admin/accounts/\(id)/roles", [("roles[]", "nurse")]).status == .forbidden)
            #expect(try await harness.identity.account(id: id).roles == ["physician"])
            let saved = try await admin.post(
                "/admin/accounts/\(id)/roles", [("_csrf", token), ("roles[]", "physician"), ("roles[]", "nurse")])
            #expect(PagesTests.location(saved) == "/admin/accounts?notice=done")
            #expect(Set(try await harness.identity.account(id: id).roles) == ["physician", "nurse"])

            // Nobody changes their own roles (ACC-1): the service refuses, the page says why.
            let own = try await admin.post(
                "/admin/accounts/\(adminAuth.account.id)/roles", [("_csrf", token), ("roles[]", "auditor")])
            #expect(own.status == .forbidden)
            #expect(PageBrowser.html(own).contains("class=\"error\""))
            #expect(try await harness.identity.account(id: adminAuth.account.id).roles == ["admin"])
        }
    }

    @Test("the dormant-account report lists accounts idle for a third of the period, with a disable button")
    func dormant() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let administrator = try await harness.readyAdministrator()
            var admin = try await PagesTests.signIn(harness, administrator)
            let physician = try await harness.readyPhysician(admin: administrator.auth)
            var page = PageBrowser.html(try await admin.get("/admin/dormant-accounts"))
            #expect(!page.contains("dr.suzuki"))

            harness.clock.advance(minutes: 31 * 24 * 60)
            // The administrator's own session has expired meanwhile: sign in afresh.
            admin = try await PagesTests.signIn(harness, administrator)
            let report = try await admin.get("/admin/dormant-accounts")
            page = PageBrowser.html(report)
            let table = try #require(PageBrowser.text(after: "id=\"dormant\"", until: "</table>", in: page))
            #expect(table.contains("dr.suzuki") && table.contains("<td>31</td>"))
            let action = "/admin/accounts/\(physician.auth.account.id)/disable"
            #expect(table.contains(action))
            let disabled = try await admin.post(action, [("_csrf", try PageBrowser.hidden("_csrf", in: report))])
            #expect(disabled.status == .seeOther)
            #expect(try await harness.identity.account(id: physician.auth.account.id).status == "disabled")
        }
    }
}

/// My account's sensitive actions: the language, new recovery codes and a new second factor,
/// the last two only with the password again (MFA-1, MFA-3).
@Suite("My account pages")
struct OwnAccountPagesTests {
    @Test("the language choice changes the pages' language for this account")
    func language() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var browser = try await PagesTests.readyAdministrator(harness)
            let account = try await browser.get("/account")
            #expect(PageBrowser.html(account).contains("<html lang=\"ja\">"))
            let token = try PageBrowser.hidden("_csrf", in: account)
            #expect(try await browser.post("/account/language", [("language", "en")]).status == .forbidden)
            #expect(
                try await browser.post("/account/language", [("_csrf", token), ("language", "fr")]).status
                    == .badRequest)
            let saved = try await browser.post("/account/language", [("_csrf", token), ("language", "en")])
            #expect(PagesTests.location(saved) == "/account?notice=done")
            let english = PageBrowser.html(try await browser.get("/dashboard"))
            #expect(english.contains("<html lang=\"en\">") && english.contains("<h1>Home</h1>"))
        }
    }

    @Test("new recovery codes need the password; the old ones stop working")
    func recoveryCodes() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let admin = try await harness.readyAdministrator()
            var browser = try await PagesTests.signIn(harness, admin)
            let account = try await browser.get("/account")
            let token = try PageBrowser.hidden("_csrf", in: account)
            let wrong = try await browser.post(
                "/account/recovery-codes", [("_csrf", token), ("password", "not-the-password-1!")])
            #expect(wrong.status == .unauthorized)
            #expect(PageBrowser.html(wrong).contains("class=\"error\""))
            let fresh = try await browser.post(
                "/account/recovery-codes", [("_csrf", token), ("password", IdentityHarness.adminPassword)])
            #expect(fresh.status == .ok)
            let html = PageBrowser.html(fresh)
            let codes = html.components(separatedBy: "<li><code>").dropFirst().compactMap {
                $0.components(separatedBy: "</code>").first
            }
            #expect(codes.count == 10)
            #expect(Set(codes).isDisjoint(with: admin.recovery))
            #expect(html.contains("href=\"/account\""))
        }
    }

    @Test("a new second factor: password, then the new secret's code; the old secret stops working")
    func replaceSecondFactor() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let admin = try await harness.readyAdministrator()
            var browser = try await PagesTests.signIn(harness, admin)
            let token = try PageBrowser.hidden("_csrf", in: try await browser.get("/account"))
            let offer = try await browser.post(
                "/account/second-factor", [("_csrf", token), ("password", IdentityHarness.adminPassword)])
            #expect(offer.status == .ok)
            let secret = try PageBrowser.element("secret", in: offer).replacingOccurrences(of: " ", with: "")
            #expect(secret != admin.secret)
            harness.clock.advance(milliseconds: 30_000)
            let confirmed = try await browser.post(
                "/enrol",
                [
                    ("_csrf", try PageBrowser.hidden("_csrf", in: offer)),
                    ("enrolmentToken", try PageBrowser.hidden("enrolmentToken", in: offer)),
                    ("code", try harness.code(secret)),
                ])
            #expect(confirmed.status == .ok && PageBrowser.html(confirmed).contains("id=\"recovery-codes\""))

            harness.clock.advance(milliseconds: 30_000)
            let signedIn = try await harness.identity.signIn(
                harness.attempt("admin", IdentityHarness.adminPassword, device: admin.device))
            await #expect(throws: IdentityError.self) {
                _ = try await harness.identity.verifySecondFactor(
                    signedIn.authenticated, code: try harness.code(admin.secret))
            }
            harness.clock.advance(milliseconds: 30_000)
            let ready = try await harness.identity.verifySecondFactor(
                signedIn.authenticated, code: try harness.code(secret))
            #expect(ready.stage == .ready)
        }
    }
}
