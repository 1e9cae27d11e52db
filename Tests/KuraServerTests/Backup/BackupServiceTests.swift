import Foundation
import KuraCore
import KuraTesting
import Logging
import Synchronization
import Testing

@testable import KuraServer

/// The scheduled backup (BAK-1, BAK-2): generations kept by policy in the primary folder, every
/// one copied read-only to the offline target where nothing is deleted, failures raised and
/// recorded.
@Suite("Scheduled backups")
struct BackupServiceTests {
    final class Calendar: Sendable {
        let date = Mutex(Date(timeIntervalSince1970: 1_795_000_000))
        func advance(days: Double) { date.withLock { $0 = $0.addingTimeInterval(days * 86_400) } }
        var now: Date { date.withLock { $0 } }
    }

    @Test("keeps generations by policy, copies each offline read-only, and raises a failure until a backup succeeds")
    func schedule() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            try await BackupFlowTests.populate(harness)
            let work = try TemporaryDirectory()
            defer { work.remove() }
            var settings = BackupSettings()
            settings.directory = work.file("primary")
            settings.offlineDirectory = work.file("offline")
            settings.retention = BackupRetention(daily: 2, weekly: 0, monthly: 0)
            let calendar = Calendar()
            let alerts = AlertBoard()
            let service = BackupService(
                settings: settings, dataDirectory: harness.raw.dataDirectory, keyFile: nil,
                store: harness.services.store,
                writer: harness.services.writer, events: harness.services.events, alerts: alerts,
                verifier: harness.services.records.verifier, now: { calendar.now }, logger: Logger(label: "t"))

            // No recovery key yet: the run fails, says why, and is raised and recorded.
            guard case .failure(let error) = await service.runOnce() else {
                Issue.record("a backup ran without a recovery key")
                return
            }
            #expect("\(error)".contains("recovery-init"))
            #expect(alerts.current == [.backupFailed])
            #expect(try await harness.ledgerDetails().contains { $0.contains("\"kind\":\"backup.failed\"") })

            let key = try RecoveryKeyFile.create(inDataFolder: harness.raw.dataDirectory)
            var written: [String] = []
            for _ in 0..<4 {
                guard case .success(let result) = await service.runOnce() else {
                    Issue.record("a scheduled backup failed")
                    return
                }
                written.append(result.generationID)
                calendar.advance(days: 1)
            }
            #expect(alerts.current.isEmpty, "a success did not clear the alert")
            let primary = try BackupCatalog.list(work.file("primary")).map(\.name)
            #expect(primary == Array(written.suffix(2)), "the primary folder keeps the two newest days")
            let offline = try BackupCatalog.list(work.file("offline"))
            #expect(offline.map(\.name) == written, "the offline target lost a generation")
            for entry in offline {
                _ = try BackupVerifier.verify(entry.folder, recoveryKey: key)
                let mode = try FileManager.default.attributesOfItem(atPath: entry.folder)[.posixPermissions] as? Int
                #expect(mode == 0o500, "an offline generation is writable")
            }
            let completed = try await harness.ledgerDetails().filter { $0.contains("\"kind\":\"backup.completed\"") }
            #expect(completed.count == 4)
            // Each backup is followed by a verification of the whole log, recorded as evidence.
            let verified = try await harness.ledgerDetails().filter { $0.contains("\"kind\":\"verify.log\"") }
            #expect(verified.count == 4 && verified.allSatisfy { $0.contains("\"result\":\"pass\"") })
            #expect(completed.allSatisfy { $0.contains("\"offline_copy\":true") })

            // A changed details row fails the next verification, which raises the alert (AUD-2).
            try await harness.raw.execute(
                "UPDATE ledger_detail SET details = CAST('{}' AS BLOB) WHERE idx = (SELECT min(idx) FROM ledger_detail)"
            )
            _ = await service.runOnce()
            #expect(alerts.current == [.logVerificationFailed])
        }
    }

    @Test("waits until the configured time in Japan, tomorrow once it has passed")
    func delays() {
        // 2026-11-25 01:00 UTC is 10:00 in Japan.
        let date = Date(timeIntervalSince1970: 1_795_568_400)
        #expect(BackupService.delay(from: date, untilMinuteOfDay: 2 * 60) == 16 * 3600)
        #expect(BackupService.delay(from: date, untilMinuteOfDay: 11 * 60) == 3600)
        #expect(BackupService.delay(from: date, untilMinuteOfDay: 10 * 60) == 86_400)
    }
}
