import KuraCore
import Testing

@testable import KuraServer

/// The rules the page templates are held to when the server starts: escaped output only (but
/// for the enrolment QR code), and no word missing in either language.
@Suite("Page templates")
struct PageTemplatesTests {
    @Test("every template passes the start-up check and compiles")
    func templatesCompile() throws {
        _ = try PageView()
    }

    @Test(
        "unescaped output and unknown words are refused",
        arguments: [
            ("<p>{{{name}}}</p>", PageView.TemplateError.unescaped(template: "x")),
            ("<p>{{&name}}</p>", .unescaped(template: "x")),
            ("<p>{{t.noSuchWord}}</p>", .unknownWord(template: "x", key: "noSuchWord")),
        ])
    func refused(template: String, error: PageView.TemplateError) {
        #expect(throws: error) { try PageView.check(template, named: "x") }
    }

    @Test("links percent-encode ids, and patterns name the same paths the router registers")
    func routes() {
        #expect(PageRoute.revokeSession("ses_a/b?c").path == "/account/sessions/ses_a%2Fb%3Fc/revoke")
        #expect(PageRoute.accountAction("acc_1", .resetPassword).path == "/admin/accounts/acc_1/reset-password")
        #expect(PageRoute.signOffReview(PageRoute.anyID).pattern == "/admin/reviews/{id}/sign-off")
        #expect(PageRoute.page(for: .passwordChange) == .password)
        #expect(PageRoute.login.path(notice: .signedOut) == "/login?notice=signed-out")
    }

    @Test("the English table has every word the Japanese one has")
    func languages() {
        let english = PageText(language: "en")
        let japanese = PageText(language: "ja")
        for key in PageText.labels.keys.sorted() + PageText.values.keys.sorted() {
            #expect(english.lookup(key)?.isEmpty == false, "\(key)")
            #expect(japanese.lookup(key)?.isEmpty == false, "\(key)")
        }
        #expect(japanese.role(.physician) == "医師")
        #expect(english.jobType("care-manager") == "Care manager")
        #expect(japanese.event("no.such-kind") == "no.such-kind")
    }

    @Test("times show in Japan Standard Time")
    func times() {
        #expect(PageTime.jst(0) == "1970-01-01 09:00")
        #expect(PageTime.jst(1_800_000_000_000) == "2027-01-15 17:00")
    }
}
