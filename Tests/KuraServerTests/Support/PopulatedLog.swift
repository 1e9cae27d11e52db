import Foundation
import KuraCore
import KuraServer
import KuraStore
import KuraTesting

/// A data folder (and database) holding a log of a few dozen leaves and several checkpoints,
/// written by the real server code and then stopped: the starting point of the CLI and tamper
/// tests.
struct PopulatedLog {
    let folder: TemporaryDirectory
    let backend: TestBackend
    let databaseURL: String?
    let cleanup: @Sendable () async -> Void
    let verifierKey: String

    var dataDirectory: String { folder.file("data") }

    /// Arguments selecting this log's database for `kura` commands.
    var databaseArguments: [String] {
        ["--data", dataDirectory] + (databaseURL.map { ["--database", $0] } ?? [])
    }

    var raw: RawDatabase { RawDatabase(backend: backend, dataDirectory: dataDirectory, url: databaseURL) }

    static func make(_ backend: TestBackend, leaves: Int = 40) async throws -> PopulatedLog {
        let folder = try TemporaryDirectory()
        let database = try await backend.makeDatabase()
        let server = try await RunningServer.start(
            ServerConfiguration(dataDirectory: folder.file("data"), databaseURL: database.url, insecureHTTP: true)
        )
        do {
            // Several checkpoints: integrate after every tenth leaf.
            for index in 0..<leaves {
                let write = try server.services.events.append(
                    kind: "test.populate",
                    fields: ["n": .integer(Int64(index))]
                )
                _ = try await server.services.writer.submit(WriteUnit([write]))
                if index % 10 == 9 { try await server.waitForCheckpoint() }
            }
            try await server.waitForCheckpoint()
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        return PopulatedLog(
            folder: folder,
            backend: backend,
            databaseURL: database.url,
            cleanup: database.cleanup,
            verifierKey: server.startup.verifierKey
        )
    }

    /// Runs `body` with a fresh populated log and removes it afterwards, also on failure.
    static func with(_ backend: TestBackend, _ body: (PopulatedLog) async throws -> Void) async throws {
        let log = try await make(backend)
        do {
            try await body(log)
        } catch {
            await log.remove()
            throw error
        }
        await log.remove()
    }

    func remove() async {
        await cleanup()
        folder.remove()
    }

    /// Runs the built `kura` binary.
    func kura(_ arguments: [String]) async throws -> ChildProcess.Outcome {
        let binary = try KuraBinary.path()
        return try await ChildProcess.run(binary, arguments)
    }
}

/// The `kura` executable that `scripts/test` built (`KURA_BINARY`).
enum KuraBinary {
    static func path() throws -> String {
        guard let path = ChildProcess.builtExecutable("KURA_BINARY") else {
            throw ConformanceFailure("KURA_BINARY is not set: run the suite with scripts/test")
        }
        return path
    }

    /// Whether the binary is available (tests that need it are skipped only when it is not
    /// required; scripts/test always provides it).
    static var isAvailable: Bool {
        ChildProcess.builtExecutable("KURA_BINARY") != nil
            || ProcessInfo.processInfo.environment["KURA_REQUIRE_POSTGRES"] != nil
    }
}
