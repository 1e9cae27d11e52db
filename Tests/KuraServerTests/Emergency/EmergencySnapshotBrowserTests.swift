import Foundation
import KuraCore
import KuraTesting
import Testing

@testable import KuraServer

/// The done-criterion of REC-3 ("the emergency snapshot opens in headless Chromium with no
/// server running"), end to end through the `kura` binary: `kura keys emergency-init` prints
/// the passphrase, `kura snapshot emergency --to DIR` writes the day, the server stops, and
/// Chromium opens the files from `file://`: the index finds the patient, its link opens the
/// patient's page, a wrong passphrase shows a message and no PHI, the right one shows the
/// name, the allergy and the latest entry, markup in a record shows as text, and nothing is
/// requested from any network.
@Suite(
    "Emergency snapshot in Chromium without a server",
    .enabled(
        if: WebDriver.isEnabled && KuraBinary.isAvailable,
        "needs chromedriver and the kura binary (scripts/test provides both)")
)
struct EmergencySnapshotBrowserTests {
    @Test("kura snapshot emergency, server stopped, index and patient page opened from file://")
    func offline() async throws {
        let work = try TemporaryDirectory(prefix: "kura-emergency-offline")
        defer { work.remove() }
        let destination = work.file("snapshots")
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: false)
        let binary = try KuraBinary.path()

        let (passphrase, patient, day) = try await Self.writeSnapshot(binary: binary, destination: destination)
        // The harness has stopped: no Kura server runs while the browser reads the files.
        let index = "\(day)/index.html"
        let page = "\(day)/\(patient).html"

        try await WebDriver.withSession { session in
            try await EmergencyBrowser.open(index, in: session)
            let banner = try await session.element(".banner").text()
            #expect(banner.contains("緊急時閲覧用スナップショット") && banner.contains("Index of 1 patients"))
            try await EmergencyBrowser.submit(passphrase, in: session)
            let list = try await EmergencyBrowser.recordText(in: session)
            #expect(list.contains(EmergencyFixture.name) && list.contains(EmergencyFixture.number))
            #expect(!list.contains("終了 太郎"))
            try await session.saveScreenshot("snapshot-index", in: EmergencyBrowser.artifacts)
            try await EmergencyBrowser.expectNoNetwork(session, file: index)

            try await session.element("#record a").click()
            try await session.wait("the patient's page") { try await session.currentURL().hasSuffix("\(patient).html") }
            let wrong = EmergencyPassphrase.generate(using: SystemRandomBytes()).grouped
            try await EmergencyBrowser.submit(wrong, in: session)
            let message = try await EmergencyBrowser.failureMessage(in: session)
            #expect(message.contains("パスフレーズが違う"))
            let locked = try await session.element("body").text()
            #expect(!locked.contains("花子") && !locked.contains(EmergencyFixture.allergy))
            try await session.saveScreenshot("snapshot-wrong-passphrase", in: EmergencyBrowser.artifacts)

            try await EmergencyBrowser.submit(passphrase, in: session)
            let record = try await EmergencyBrowser.recordText(in: session)
            for expected in [
                EmergencyFixture.name, EmergencyFixture.allergy, EmergencyFixture.latestText, EmergencyFixture.markup,
            ] {
                #expect(record.contains(expected), "the page lacks \(expected)")
            }
            #expect(try await session.execute("return document.images.length") == .integer(0))
            try await session.saveScreenshot("snapshot-patient", in: EmergencyBrowser.artifacts)
            try await EmergencyBrowser.expectNoNetwork(session, file: page)
        }
    }

    /// Populates a harness, runs `kura keys emergency-init` and `kura snapshot emergency`, and
    /// returns the passphrase, the active patient's id and the day's folder once the harness
    /// (and with it the server) has stopped.
    static func writeSnapshot(
        binary: String, destination: String
    ) async throws -> (passphrase: String, patient: String, day: String) {
        let result = ResultBox()
        try await IdentityHarness.with(.sqlite) { harness in
            let patients = try await EmergencyFixture.populate(harness)
            let data = harness.raw.dataDirectory
            let initialised = try await ChildProcess.run(binary, ["keys", "emergency-init", "--data", data])
            #expect(initialised.status == 0, "\(initialised.error)")
            let line = try #require(
                initialised.output.split(separator: "\n").first { EmergencyPassphrase(typed: String($0)) != nil })
            let again = try await ChildProcess.run(binary, ["keys", "emergency-init", "--data", data])
            #expect(again.status != 0 && again.error.contains("exists"))

            let written = try await ChildProcess.run(
                binary, ["snapshot", "emergency", "--data", data, "--to", destination])
            #expect(written.status == 0, "\(written.error)")
            #expect(written.output.contains("1 patients"))
            let day = try #require(
                try FileManager.default.contentsOfDirectory(atPath: destination).first { !$0.hasPrefix(".") })
            #expect(try await harness.ledgerDetails().contains { $0.contains("emergency-snapshot.completed") })
            result.value = (String(line), patients.active, "\(destination)/\(day)")
        }
        return try #require(result.value)
    }
}

/// Carries a value out of the harness's `@Sendable` body.
final class ResultBox: @unchecked Sendable {
    // SAFETY: written once inside the harness body and read after it returned; the harness
    // awaits the body, so the write happens-before the read.
    var value: (passphrase: String, patient: String, day: String)?
}
