import Foundation
import KuraServer
import KuraStore
import KuraTesting
import Testing

/// An acknowledged write survives a crash: the harness appends through the real server code
/// and is killed with SIGKILL mid-stream; after a restart every acknowledged leaf is in a
/// checkpoint and `kura verify log` passes.
@Suite(
    "Crash safety",
    .enabled(if: ChildProcess.builtExecutable("KURA_TEST_HARNESS") != nil && KuraBinary.isAvailable)
)
struct CrashSafetyTests {
    @Test("every acknowledged leaf survives SIGKILL", arguments: TestBackend.available)
    func killed(backend: TestBackend) async throws {
        let harness = try #require(ChildProcess.builtExecutable("KURA_TEST_HARNESS"))
        let folder = try TemporaryDirectory()
        let database = try await backend.makeDatabase()
        defer { folder.remove() }
        let dataDirectory = folder.file("data")

        var acknowledged = Set<Int64>()
        for round in 0..<2 {
            let ids = try await Self.runAndKill(
                harness: harness,
                arguments: [dataDirectory] + (database.url.map { [$0] } ?? []),
                afterAcks: 400 + round * 300
            )
            acknowledged.formUnion(ids)
        }
        #expect(acknowledged.count >= 700)

        // Restart the real server: it integrates what the killed runs left pending.
        let server = try await RunningServer.start(
            ServerConfiguration(dataDirectory: dataDirectory, databaseURL: database.url, insecureHTTP: true)
        )
        try await server.waitForCheckpoint()
        var missing: [Int64] = []
        for id in acknowledged {
            guard case .integrated = try await server.services.store.status(of: LeafID(rawValue: id)) else {
                missing.append(id)
                continue
            }
        }
        await server.stop()
        #expect(missing.isEmpty, "acknowledged leaves lost: \(missing.prefix(10))")

        let verify = try await ChildProcess.run(
            try KuraBinary.path(),
            ["verify", "log", "--data", dataDirectory] + (database.url.map { ["--database", $0] } ?? [])
        )
        #expect(verify.status == 0, "\(verify.error)")
        #expect(verify.output.contains("0 pending"))
        await database.cleanup()
    }

    /// Starts the harness, reads `ack <id>` lines until `afterAcks`, kills it with SIGKILL and
    /// returns every acknowledged id it printed (including lines read after the kill).
    static func runAndKill(harness: String, arguments: [String], afterAcks: Int) async throws -> [Int64] {
        let (ids, signalled) = try await Blocking.run {
            try runAndKillBlocking(harness: harness, arguments: arguments, afterAcks: afterAcks)
        }
        #expect(signalled, "the harness exited on its own")
        return ids
    }

    static func runAndKillBlocking(harness: String, arguments: [String], afterAcks: Int) throws -> ([Int64], Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: harness)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var ids: [Int64] = []
        var buffer = Data()
        let reader = output.fileHandleForReading
        let deadline = Date().addingTimeInterval(120)
        var killed = false
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0a) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                if line.hasPrefix("ack "), let id = Int64(line.dropFirst(4)) { ids.append(id) }
            }
            if !killed && (ids.count >= afterAcks || Date() > deadline) {
                kill(process.processIdentifier, SIGKILL)
                killed = true
            }
        }
        process.waitUntilExit()
        return (ids, process.terminationReason == .uncaughtSignal)
    }
}
