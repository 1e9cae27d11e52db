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
            try await server.waitForCheckpoint()
            let size = try #require(try await server.services.store.latestCheckpoint()).size
            let rows = try await server.services.store.rows(in: 0..<size)
            let details = rows.map { String(decoding: $0.details ?? [], as: UTF8.self) }
            #expect(details.contains { $0.contains(#""kind":"emergency-snapshot.completed""#) && $0.contains(today) })
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
