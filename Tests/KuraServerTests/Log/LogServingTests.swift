import Foundation
import KuraCore
import KuraServer
import KuraStore
import KuraTesting
import Testing

@Suite("The log over HTTP (C2SP tlog-tiles)")
struct LogServingTests {
    /// Starts a plain-HTTP server on loopback with a fresh data folder and database.
    static func withServer(
        _ backend: TestBackend,
        publishTiles: Bool = true,
        _ body: (RunningServer) async throws -> Void
    ) async throws {
        let folder = try TemporaryDirectory()
        let database = try await backend.makeDatabase()
        defer { folder.remove() }
        let server = try await RunningServer.start(
            ServerConfiguration(
                dataDirectory: folder.file("data"),
                databaseURL: database.url,
                insecureHTTP: true,
                publishTiles: publishTiles
            )
        )
        do {
            try await body(server)
        } catch {
            await server.stop()
            await database.cleanup()
            throw error
        }
        await server.stop()
        await database.cleanup()
    }

    /// Polls the checkpoint until the first one is sealed.
    static func checkpoint(_ server: RunningServer) async throws -> Curl.Answer {
        for _ in 0..<100 {
            let answer = try await Curl.get(server.url + "/log/checkpoint")
            if answer.status == 200 { return answer }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ConformanceFailure("no checkpoint within 10 s")
    }

    @Test("a new log is never empty: its first checkpoint verifies with the log key", arguments: TestBackend.available)
    func firstCheckpoint(backend: TestBackend) async throws {
        try await Self.withServer(backend) { server in
            let answer = try await Self.checkpoint(server)
            let checkpoint = try OfflineVerification.checkpoint(answer.body, key: server.startup.verifierKey)
            // data-folder.created, keys.created, server.started.
            #expect(checkpoint.size >= 3)
            #expect(checkpoint.origin == server.startup.origin)
        }
    }

    @Test("tiles and entry bundles reproduce the signed root", arguments: TestBackend.available)
    func tilesMatchRoot(backend: TestBackend) async throws {
        try await Self.withServer(backend) { server in
            for _ in 0..<300 {
                _ = try await server.services.writer.submit(
                    WriteUnit([try server.services.events.append(kind: "test.filler")])
                )
            }
            try await server.waitForCheckpoint()
            let note = try await Self.checkpoint(server)
            let checkpoint = try OfflineVerification.checkpoint(note.body, key: server.startup.verifierKey)
            #expect(checkpoint.size >= 303)
            let size = checkpoint.size
            let width = Int(size % 256)
            let full = try await Curl.get(server.url + "/log/tile/entries/000")
            #expect(full.status == 200)
            var leaves = try EntryBundle.decode(full.body)
            let partialPath = "/log/tile/entries/001.p/\(width)"
            let partial = try await Curl.get(server.url + partialPath)
            #expect(partial.status == 200)
            leaves += try EntryBundle.decode(partial.body)
            #expect(UInt64(leaves.count) == size)
            var range = CompactRange()
            for leaf in leaves {
                _ = try LedgerLeaf.parse(leaf)
                range.append(RFC6962.leafHash(leaf))
            }
            #expect(range.root() == checkpoint.root)

            let hashes = try await Curl.get(server.url + "/log/tile/0/000")
            #expect(hashes.status == 200)
            #expect(hashes.body.count == 256 * 32)
            #expect(Array(hashes.body.prefix(32)) == RFC6962.leafHash(leaves[0]).bytes)
            let level1 = try await Curl.get(server.url + "/log/tile/1/000.p/1")
            #expect(level1.status == 200)
            #expect(level1.body.count == 32)
        }
    }

    @Test(
        "bad tile paths get 400, tiles beyond the signed size and unknown routes get 404, each with a clear body",
        arguments: TestBackend.available
    )
    func badInput(backend: TestBackend) async throws {
        try await Self.withServer(backend) { server in
            _ = try await Self.checkpoint(server)
            let cases: [(path: String, status: Int, says: String)] = [
                ("/log/tile/0/x01", 400, "tile index"),
                ("/log/tile/0/0001", 400, "tile index"),
                ("/log/tile/00/000", 400, "tile level"),
                ("/log/tile/0/000.p/0", 400, "width"),
                ("/log/tile/0/000.p/256", 400, "width"),
                ("/log/tile/0/000/extra", 400, "unexpected"),
                ("/log/tile/entries/x999/999", 404, "beyond the signed tree size"),
                ("/log/tile/0/001", 404, "beyond the signed tree size"),
                ("/log/tile/0/000", 404, "beyond the signed tree size"),
                ("/log/tile/entries/000.p/255", 404, "beyond the signed tree size"),
                ("/nothing-here", 404, "not found"),
                ("/log/tiles", 404, "not found"),
            ]
            for item in cases {
                let answer = try await Curl.get(server.url + item.path)
                #expect(answer.status == item.status, "\(item.path)")
                #expect(answer.text.contains(item.says), "\(item.path): \(answer.text)")
            }
        }
    }

    @Test("tiles can be withheld from the public with publishTiles off; the checkpoint stays public")
    func unpublishedTiles() async throws {
        try await Self.withServer(.sqlite, publishTiles: false) { server in
            _ = try await Self.checkpoint(server)
            #expect(try await Curl.get(server.url + "/log/tile/0/000.p/1").status == 403)
            #expect(try await Curl.get(server.url + "/log/checkpoint").status == 200)
        }
    }

    @Test("healthz answers with the signed size and no alerts")
    func health() async throws {
        try await Self.withServer(.sqlite) { server in
            _ = try await Self.checkpoint(server)
            let answer = try await Curl.get(server.url + "/healthz")
            #expect(answer.status == 200)
            #expect(answer.text.contains("\"status\":\"ok\""))
            #expect(answer.text.contains("\"alerts\":[]"))
        }
    }

    @Test("the setup code for the first administrator is shown at the first start only")
    func setupCodeOnce() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let configuration = ServerConfiguration(dataDirectory: folder.file("data"), insecureHTTP: true)
        let first = try await RunningServer.start(configuration)
        await first.stop()
        let code = try #require(first.startup.setupCode)
        #expect(code.count == 19)
        let second = try await RunningServer.start(configuration)
        await second.stop()
        #expect(second.startup.setupCode == nil)
        #expect(second.startup.verifierKey == first.startup.verifierKey)
    }
}
