import Foundation
import KuraCore
import KuraServer
import KuraTesting
import Testing

/// An emergency page made in Swift opens in headless Chromium from a `file://` URL with no
/// server (REC-3): Web Crypto derives the same PBKDF2 key Swift derived, a wrong passphrase
/// shows a message and nothing else, the right one (typed in lower case with spaces) shows the
/// record, markup in a record stays text, the page loads nothing from anywhere, and it prints
/// without its controls.
@Suite(
    "Emergency page in Chromium",
    .enabled(
        if: WebDriver.isEnabled,
        "chromedriver is not installed (Debian chromium-driver; scripts/test installs it)")
)
struct EmergencyPageBrowserTests {
    static let markup = "<img src=x onerror=alert(1)>"

    static let summary = EmergencySummary(
        patient: .init(
            number: "E-0007", name: "緊急 花子", kana: "キンキュウ ハナコ", birthDate: "1938-04-01", age: 88,
            sex: "女性 Female", address: "東京都千代田区1-1"),
        allergies: [.init(text: "ペニシリン系抗菌薬", note: "発疹")], problems: [.init(text: "慢性心不全")],
        medications: nil,
        entries: [
            .init(
                kind: "home-visit", kindLabel: "訪問診療記録 Home-visit record", state: "finalized",
                stateLabel: "確定 Finalized", author: "dr.suzuki", time: "2027-01-15 09:30",
                fields: [
                    .init(label: "場所 Place", text: "自宅"),
                    .init(label: "P（計画） P (plan)", text: "在宅酸素を継続\n" + markup),
                ])
        ])

    @Test("wrong passphrase: a message and no PHI; right passphrase: the record, markup as text, no network")
    func unlock() async throws {
        let random = SystemRandomBytes()
        let (passphrase, key) = try EmergencyKey.generate(using: random)
        let page = try EmergencyPage.sealing(
            EmergencyPayload(content: .patient(Self.summary), generatedAt: 1_800_000_000_000, checkpointSize: 3),
            key: key, clinicName: "さくら在宅クリニック", checkpoint: "example.jp/kura\n3\nAAAA\n", using: random)
        let folder = try TemporaryDirectory(prefix: "kura-emergency-page")
        defer { folder.remove() }
        let file = folder.file("page.html")
        try Data(page.html.utf8).write(to: URL(fileURLWithPath: file))

        try await WebDriver.withSession { session in
            try await EmergencyBrowser.open(file, in: session)
            #expect(try await session.title().hasPrefix("緊急時閲覧用スナップショット"))
            let banner = try await session.element(".banner").text()
            #expect(banner.contains("さくら在宅クリニック") && banner.contains("2027-01-15 17:00 JST"))

            let wrong = EmergencyPassphrase.generate(using: random)
            try await EmergencyBrowser.submit(wrong.grouped, in: session)
            let message = try await EmergencyBrowser.failureMessage(in: session)
            #expect(message.contains("パスフレーズが違う") && message.contains("passphrase is wrong"))
            let afterWrong = try await session.element("body").text()
            #expect(!afterWrong.contains("花子") && !afterWrong.contains("ペニシリン"))
            #expect(try await !session.element("#record").isDisplayed())
            try await session.saveScreenshot("page-wrong-passphrase", in: EmergencyBrowser.artifacts)

            // Lower case with spaces instead of hyphens: the page normalises as Swift does.
            let typed = passphrase.grouped.lowercased().replacingOccurrences(of: "-", with: " ")
            try await EmergencyBrowser.submit(typed, in: session)
            let record = try await EmergencyBrowser.recordText(in: session)
            for expected in ["緊急 花子", "キンキュウ ハナコ", "E-0007", "ペニシリン系抗菌薬", "慢性心不全", "未記録", "在宅酸素を継続", Self.markup] {
                #expect(record.contains(expected), "the record lacks \(expected)")
            }
            #expect(try await !session.element("#unlock").isDisplayed())
            #expect(try await session.execute("return document.images.length") == .integer(0))
            #expect(try await session.element("#passphrase").property("value") == .string(""))
            try await session.saveScreenshot("page-opened", in: EmergencyBrowser.artifacts)
            try await EmergencyBrowser.expectNoNetwork(session, file: file)

            // Printable at once (REC-3): in print media the record stays and the controls go.
            try await session.devTools("Emulation.setEmulatedMedia", ["media": .string("print")])
            #expect(try await session.element("#record").isDisplayed())
            #expect(try await !session.element("button.print").isDisplayed())
            try await session.devTools("Emulation.setEmulatedMedia", ["media": .string("")])
            let pdf = try await session.printPDF()
            #expect(pdf.starts(with: Data("%PDF-".utf8)) && pdf.count > 10_000)
            try pdf.write(to: URL(fileURLWithPath: "\(EmergencyBrowser.artifacts)/page-printed.pdf"))
        }
    }
}
