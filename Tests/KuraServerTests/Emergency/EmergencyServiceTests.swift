import Foundation
import KuraCore
import KuraStore
import KuraTesting
import Testing

@testable import KuraServer

/// The daily snapshot under `kura serve` (REC-3): with `emergency.directory` set the server
/// refuses to start without the key, and with the key it writes today's snapshot at start.
@Suite("Emergency snapshot service")
struct EmergencyServiceTests {
    @Test("kura serve refuses emergency.directory without emergency.key, then writes today's snapshot at start")
    func daily() async throws {
        let work = try TemporaryDirectory(prefix: "kura-emergency-service")
        defer { work.remove() }
        let destination = work.file("snapshots")
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: false)
        var configuration = ServerConfiguration(dataDirectory: work.file("data"), port: 0, insecureHTTP: true)
        configuration.passwordHashing = .passwordTesting
        configuration.emergency = EmergencySettings(directory: destination, keepDays: 3)

        await #expect(throws: EmergencySnapshotError.self) { _ = try await RunningServer.start(configuration) }

        let keys = try LogIdentity.load(dataDirectory: configuration.dataDirectory, keyFile: nil, passphrase: nil).keys
        _ = try EmergencyKeyFile.create(in: configuration.dataDirectory, keys: keys, random: SystemRandomBytes())
        let server = try await RunningServer.start(configuration)
        do {
            let today = try RecordService.today(Int64(Date().timeIntervalSince1970 * 1000)).description
            let index = "\(destination)/\(today)/index.html"
            let deadline = ContinuousClock.now + .seconds(30)
            while !FileManager.default.fileExists(atPath: index) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(FileManager.default.fileExists(atPath: index))
            // The day is published first and its leaf appended after, so the leaf may reach a
            // checkpoint a little later: look until the deadline.
            var recorded = false
            while !recorded && ContinuousClock.now < deadline {
                try await server.waitForCheckpoint()
                let size = try #require(try await server.services.store.latestCheckpoint()).size
                let rows = try await server.services.store.rows(in: 0..<size)
                recorded = rows.contains { row in
                    let details = String(decoding: row.details ?? [], as: UTF8.self)
                    return details.contains(#""kind":"emergency-snapshot.completed""#) && details.contains(today)
                }
                if !recorded { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(recorded, "no emergency-snapshot.completed leaf for today reached a checkpoint")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
