import Foundation
import KuraServer
import KuraStore
import KuraTesting
import Logging
import Synchronization
import Testing

/// Two servers append to one PostgreSQL database at once (issue 7, "Several servers"); one is
/// killed with SIGKILL mid-stream. The survivor integrates what the dead one acknowledged within
/// seconds (integration takes a transaction-scoped lock, so there is no lease to wait out),
/// every acknowledged leaf of both is in a checkpoint, and `kura verify log` passes.
@Suite(
    "Two servers, one killed",
    .enabled(
        if: ChildProcess.builtExecutable("KURA_TEST_HARNESS") != nil && KuraBinary.isAvailable
            && TestBackend.available.contains(.postgres))
)
struct TwoServerCrashTests {
    /// The `ack <id>` lines of a running harness, collected on a thread of its own.
    final class Acks: Sendable {
        let ids = Mutex<[Int64]>([])
        var count: Int { ids.withLock { $0.count } }
        var all: [Int64] { ids.withLock { $0 } }
    }

    /// Starts the harness on `arguments` and collects its acks until it exits.
    static func start(_ harness: String, _ arguments: [String]) throws -> (Process, Acks) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: harness)
        process.arguments = arguments
        // Paced writers: two harnesses at full speed would take both cores from the rest of
        // the suite, which runs beside this test.
        process.environment = ProcessInfo.processInfo.environment.merging(["KURA_HARNESS_PAUSE_MS": "20"]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let acks = Acks()
        let reader = output.fileHandleForReading
        Thread.detachNewThread {
            var buffer = Data()
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { return }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0a) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    if line.hasPrefix("ack "), let id = Int64(line.dropFirst(4)) {
                        acks.ids.withLock { $0.append(id) }
                    }
                }
            }
        }
        return (process, acks)
    }

    /// Waits until `condition` holds, up to `seconds`.
    static func wait(_ seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try await condition()
    }

    @Test("the survivor integrates what the killed server acknowledged, and the log verifies")
    func survivorTakesOver() async throws {
        let harness = try #require(ChildProcess.builtExecutable("KURA_TEST_HARNESS"))
        let folder = try TemporaryDirectory()
        let database = try await TestBackend.postgres.makeDatabase()
        defer { folder.remove() }
        let url = try #require(database.url)
        let dataDirectory = folder.file("data")

        // The first start makes the data folder; both servers then share it and the database.
        let (first, firstAcks) = try Self.start(harness, [dataDirectory, url])
        #expect(try await Self.wait(60) { firstAcks.count >= 30 }, "the first server acknowledged nothing")
        let (second, secondAcks) = try Self.start(harness, [dataDirectory, url])
        #expect(try await Self.wait(60) { secondAcks.count >= 60 && firstAcks.count >= 100 })
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal)
        let dead = firstAcks.all
        let before = secondAcks.count

        // The survivor keeps writing and numbers the dead server's pending leaves too.
        let taken = try await StoreFactory.withStore(
            dataDirectory: dataDirectory, databaseURL: url, migrate: false, logger: .init(label: "kura-test")
        ) { store in
            try await Self.wait(10) {
                for id in dead {
                    guard case .integrated = try await store.status(of: LeafID(rawValue: id)) else { return false }
                }
                return true
            }
        }
        #expect(taken, "the survivor did not integrate the killed server's acknowledged leaves within 10 s")
        #expect(try await Self.wait(10) { secondAcks.count > before + 20 }, "the survivor stopped writing")
        kill(second.processIdentifier, SIGKILL)
        second.waitUntilExit()

        // A restart numbers what the survivor left pending; then every acknowledged leaf is in.
        let server = try await RunningServer.start(
            ServerConfiguration(dataDirectory: dataDirectory, databaseURL: url, insecureHTTP: true))
        try await server.waitForCheckpoint()
        var missing: [Int64] = []
        for id in dead + secondAcks.all {
            guard case .integrated = try await server.services.store.status(of: LeafID(rawValue: id)) else {
                missing.append(id)
                continue
            }
        }
        await server.stop()
        #expect(missing.isEmpty, "acknowledged leaves lost: \(missing.prefix(10))")
        let verify = try await ChildProcess.run(
            try KuraBinary.path(), ["verify", "log", "--data", dataDirectory, "--database", url])
        #expect(verify.status == 0, "\(verify.error)")
        #expect(verify.output.contains("0 pending"))
        await database.cleanup()
    }
}
