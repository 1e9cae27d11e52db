import Foundation
import HummingbirdTesting
import KuraCore
import KuraStore
import KuraTesting
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
                try await browser.start()
                var admin = try await Self.setUp(browser, harness)
                var (physician, clerk, auditor) = try await Self.addStaff(browser, harness)
                try await Self.firstSignIn(browser, harness, &physician)
                #expect(try await browser.path() == "/dashboard")
                #expect(try await browser.mainText().contains("本日の訪問診療"))
                try await browser.shot("physician-dashboard")

                let patientID = try await Self.registerPatient(browser, clerkLogin: clerk.login)
                // The visit is recorded on a tablet (768 px wide), as during a home visit.
                try await browser.resize(width: 768, height: 1024)
                let entryPath = try await Self.visitRecord(browser, patientID: patientID)
                try await Self.amend(browser, entryPath: entryPath)
                try await browser.resize(width: 1280, height: 1400)

                try await Self.firstSignIn(browser, harness, &clerk)
                let proxyPath = try await Self.proxyEntry(browser, physicianLogin: physician.login)

                try await Self.switchUser(browser, harness, &physician)
                try await Self.approve(browser, proxyPath: proxyPath)

                try await Self.firstSignIn(browser, harness, &auditor)
                try await Self.auditTrail(browser, physician: physician.login, clerk: clerk.login)
                try await Self.accessReview(browser)

                try await Self.switchUser(browser, harness, &admin)
                try await Self.checklist(browser)

                try await Self.switchUser(browser, harness, &physician)
                try await Self.crossSiteForm(browser, harness)
                // The post did nothing, not even end the physician's session.
                try await browser.go("/dashboard")
                #expect(try await browser.path() == "/dashboard")
                try await Self.idleLock(browser, harness, patientID: patientID)
            }
        }
    }

    /// The patient's name, and markup in free text that must show as text (XSS).
    static let patientName = "山田 花子"
    static let markup = "<img src=x onerror=\"window.kuraXSS=1\"><script>window.kuraXSS=2</script>"

    /// The physician registers a patient (the address carries markup), then puts the clerk on
    /// the care team so the clerk may enter on the physician's behalf.
    static func registerPatient(_ browser: ClinicBrowser, clerkLogin: String) async throws -> String {
        try await browser.press("main a[href='/patients/new']")
        try await browser.fill("patientNumber", "K-0001")
        try await browser.fill("name", patientName)
        try await browser.fill("kana", "やまだ はなこ")
        try await browser.setValue("birthDate", "1938-04-02")
        try await browser.choose("sex", "female")
        try await browser.fill("address", "東京都千代田区1-1 " + markup)
        try await browser.fill("phone", "03-1234-5678")
        try await browser.shot("patient-form")
        try await browser.press("main form[method=post] button[type=submit]")
        let chart = try await browser.path()
        #expect(chart.hasPrefix("/patients/") && chart.contains("/chart"))
        let text = try await browser.mainText()
        #expect(text.contains(patientName) && text.contains("昭和13年4月2日（1938年）"))
        // The markup is on the page as the characters typed, and ran nowhere.
        #expect(text.contains(markup))
        #expect(try await browser.session.execute("return window.kuraXSS === undefined;") == .bool(true))
        try await browser.shot("chart-new-patient")
        let patientID = String(chart.dropFirst("/patients/".count).prefix { $0 != "/" })

        try await browser.go("/patients/\(patientID)/edit")
        try await browser.choose("add-account", labelled: clerkLogin)
        try await browser.press("button[name=change][value=add]")
        #expect(try await browser.session.element("#care-team").text().contains(clerkLogin))
        return patientID
    }

    /// A home-visit record written in the editor and finalized (確定).
    static func visitRecord(_ browser: ClinicBrowser, patientID: String) async throws -> String {
        try await browser.go("/patients/\(patientID)/chart")
        try await browser.press("main a[href='/patients/\(patientID)/entries/new']")
        try await browser.choose("kind-choice", "home-visit")
        try await browser.press("main form[method=get] button[type=submit]")
        try await browser.setValue("careAt", "2027-01-15T10:00")
        try await browser.fill("field-place", "自宅（居間）")
        try await browser.fill("field-subjective", "息切れは先週より軽い")
        try await browser.fill("field-objective", "血圧 182/90、SpO2 96%")
        try await browser.fill("field-plan", "利尿薬を継続し、1週間後に再訪問")
        try await browser.shot("visit-record-editor")
        try await browser.press("button[name=submit][value=finalize]")
        let entry = try await browser.path()
        #expect(entry.hasPrefix("/entries/"))
        let text = try await browser.mainText()
        #expect(text.contains("訪問診療記録") && text.contains("確定") && text.contains("利尿薬を継続"))
        try await browser.shot("visit-record-finalized")
        return String(entry.prefix { $0 != "?" })
    }

    /// The finalized record amended with a reason; both versions stay, the reason shown.
    static func amend(_ browser: ClinicBrowser, entryPath: String) async throws {
        try await browser.press("main a[href='\(entryPath)/amend']")
        try await browser.fill("field-objective", "血圧 128/70、SpO2 96%")
        try await browser.fill("reason", "血圧の記載を誤ったため訂正")
        try await browser.press("button[name=submit][value=save]")
        let text = try await browser.mainText()
        #expect(text.contains("血圧の記載を誤ったため訂正"))
        #expect(text.contains("血圧 182/90") && text.contains("血圧 128/70"), "both versions are shown")
        try await browser.shot("visit-record-amended")
    }

    /// The clerk enters a prescription note on the physician's behalf (代行入力); it waits.
    static func proxyEntry(_ browser: ClinicBrowser, physicianLogin: String) async throws -> String {
        try await browser.press("header a[href='/patients']")
        try await browser.press("main a[href$='/chart']")
        #expect(try await browser.mainText().contains(patientName))
        let newEntry = try await browser.session.element("main a[href$='/entries/new']").attribute("href")
        try await browser.go((newEntry ?? "") + "?kind=prescription-note")
        try await browser.fill("field-prescription", "フロセミド 20mg 1日1回 朝食後 7日分")
        try await browser.choose("onBehalfOf", labelled: physicianLogin)
        try await browser.shot("proxy-entry")
        try await browser.press("button[name=submit][value=save]")
        let entry = try await browser.path()
        #expect(try await browser.mainText().contains("承認待ち"))
        return String(entry.prefix { $0 != "?" })
    }

    /// The physician sees the proxy entry on the dashboard and approves it in the queue.
    static func approve(_ browser: ClinicBrowser, proxyPath: String) async throws {
        #expect(try await browser.session.element("#approvals").text().contains("処方記録"))
        try await browser.press("header a[href='/approvals']")
        #expect(try await browser.mainText().contains("フロセミド"))
        try await browser.shot("approvals")
        try await browser.press("main form[action$='/approve'] button")
        #expect(try await browser.mainText().contains("承認待ちの記録はありません"))
        try await browser.go(proxyPath)
        #expect(try await browser.mainText().contains("確定"))
    }

    /// The auditor filters the access log by the patient's number and sees every access.
    static func auditTrail(_ browser: ClinicBrowser, physician: String, clerk: String) async throws {
        try await browser.press("header a[href='/audit']")
        try await browser.fill("patient", "K-0001")
        try await browser.press("main form[method=post] button[type=submit]")
        let path = try await browser.path()
        #expect(path.hasPrefix("/audit?patient=") && !path.contains("K-0001"), "no patient number in the URL")
        let text = try await browser.mainText()
        for expected in [physician, clerk, "カルテの閲覧", "患者の登録", "記録の作成", "書き込み", "閲覧"] {
            #expect(text.contains(expected), "the log shows \(expected)")
        }
        try await browser.shot("audit-log")
    }

    /// The auditor reviews the access log for the last 30 days (AUD-4): night-time work is
    /// listed, and the review is signed off.
    static func accessReview(_ browser: ClinicBrowser) async throws {
        try await browser.press("header a[href='/compliance']")
        try await browser.shot("compliance-overview")
        try await browser.press("main a[href='/compliance/reviews']")
        try await browser.choose("review-task", "break-glass")
        try await browser.press("#review-chooser button[type=submit]")
        #expect(try await browser.path().hasPrefix("/compliance/reviews?task=break-glass"))
        try await browser.fill("sign-off-comment", "緊急アクセスなし")
        try await browser.shot("access-review")
        try await browser.press("#sign-off button[type=submit]")
        #expect(try await browser.mainText().contains("緊急アクセスなし"))
    }

    /// The administrator keeps the security officer in the registry, sees the checklist item
    /// change, and prints the sealed report, which the browser shows without a CSP refusal.
    static func checklist(_ browser: ClinicBrowser) async throws {
        try await browser.go("/compliance/registries/officers")
        try await browser.choose("field-role", "security-officer")
        try await browser.fill("field-name", "院長 太郎")
        try await browser.setValue("field-appointedOn", "2026-04-01")
        try await browser.shot("registry-officers")
        try await browser.press("#add-entry button[type=submit]")
        #expect(try await browser.mainText().contains("院長 太郎"))
        try await browser.go("/compliance/checklists/mhlw-r7-institution")
        #expect(try await browser.mainText().contains("医療情報システム安全管理責任者"))
        // A signed rule kept as evidence through the file input (multipart/form-data).
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let rule = work.file("運用管理規程.pdf")
        try Data("%PDF-1.7\n% rule\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: rule))
        try await browser.session.element("#evidence-file").sendKeys(rule)
        try await browser.press("#evidence-upload button[type=submit]")
        #expect(try await browser.mainText().contains("運用管理規程.pdf"))
        try await browser.shot("checklist")
        try await browser.press("main form[action$='/report'] button[type=submit]")
        #expect(try await browser.bodyText().contains("院長 太郎"))
        try await browser.shot("checklist-report")
        try await browser.go("/dashboard")
    }

    /// A form on another site that posts to Kura while the physician is signed in: the
    /// browser sends no session cookie with it (SameSite=Strict) and it carries no CSRF token,
    /// so Kura changes nothing.
    static func crossSiteForm(_ browser: ClinicBrowser, _ harness: IdentityHarness) async throws {
        let before = try await harness.services.store.patients(after: nil, limit: 100).count
        let folder = try TemporaryDirectory(prefix: "kura-cross-site")
        defer { folder.remove() }
        let file = folder.file("attack.html")
        let page = """
            <!DOCTYPE html><html><body><form id="f" method="post" action="\(browser.base)/patients/new">
            <input name="patientNumber" value="EVIL-1"><input name="name" value="攻撃 太郎">
            <input name="kana" value="コウゲキ タロウ"><input name="birthDate" value="1950-01-01">
            <input name="sex" value="male"></form>
            <script>document.getElementById('f').submit();</script></body></html>
            """
        try Data(page.utf8).write(to: URL(fileURLWithPath: file))
        try await browser.session.open(file: file)
        try await browser.session.wait("the cross-site post to be answered") {
            try await browser.session.currentURL().hasPrefix(browser.base)
        }
        let answered = try await browser.path()
        let body = try await browser.bodyText()
        #expect(answered.hasPrefix("/login") || body.contains("フォームの有効期限"), "answered \(answered)")
        try await browser.shot("cross-site-post-refused")
        #expect(try await harness.services.store.patients(after: nil, limit: 100).count == before)
    }

    /// The chart left open: after the idle limit the page removes the chart and shows the
    /// lock; going on needs the password again.
    static func idleLock(_ browser: ClinicBrowser, _ harness: IdentityHarness, patientID: String) async throws {
        try await browser.go("/patients/\(patientID)/chart")
        #expect(try await browser.mainText().contains(patientName))
        try await browser.session.wait("the idle lock", timeout: .seconds(Int64(idleMilliseconds / 1000) + 30)) {
            try await browser.session.element("#idle-lock").isDisplayed()
        }
        #expect(try await browser.session.execute("return document.querySelector('main') === null;") == .bool(true))
        let shown = try await browser.bodyText()
        #expect(!shown.contains(patientName) && !shown.contains("利尿薬") && shown.contains("画面をロックしました"))
        try await browser.shot("idle-locked")
        // The server's idle clock has run out too; the lock's button ends the session.
        harness.clock.advance(milliseconds: idleMilliseconds + 1)
        try await browser.press("#idle-lock-sign-in")
        #expect(try await browser.path().hasPrefix("/login"))
        try await browser.go("/patients/\(patientID)/chart")
        #expect(try await browser.path() == "/login")
    }

    /// "Switch user", then a sign-in with password and TOTP.
    static func switchUser(_ browser: ClinicBrowser, _ harness: IdentityHarness, _ person: inout Person) async throws {
        try await browser.press("header form[action='/switch-user'] button")
        try await signIn(browser, harness, &person, expecting: "/login/second-factor")
        let landed = try await browser.path()
        if landed != "/dashboard" { try await browser.shot("\(person.login)-signed-in-unexpectedly") }
        #expect(landed == "/dashboard", "\(person.login) landed on \(landed)")
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
        // Each TOTP step's code works once: move to the next step before this sign-in starts
        // (moving on between the password and the code would pass the short idle limit).
        harness.clock.advance(milliseconds: 30_000)
        try await browser.fill("login", person.login)
        try await browser.fill("password", person.password)
        try await browser.press("main button[type=submit]")
        #expect(try await browser.path() == next)
        if next == "/enrol" {
            try await enrol(browser, harness, &person)
        } else if next == "/login/second-factor" {
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
