import Foundation
import KuraCore
import KuraTesting
import Testing

@Suite("kura serve", .enabled(if: KuraBinary.isAvailable))
struct ServeCommandTests {
    @Test("first start prints the URL, fingerprint, setup code and key; SIGTERM stops it gracefully and seals the stop")
    func firstStartAndGracefulStop() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let data = folder.file("data")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try KuraBinary.path())
        process.arguments = ["serve", "--data", data, "--port", "0", "--log-level", "warning"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = output.fileHandleForReading
        let text = try await Blocking.run {
            var text = ""
            while !text.contains("Kura is serving on port") {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        #expect(text.contains("URL:                  https://127.0.0.1:"))
        #expect(text.contains("Certificate SHA-256:"))
        #expect(text.contains("One-time setup code for the first administrator:"))
        let port = try #require(
            text.split(separator: "\n").first { $0.hasPrefix("Kura is serving on port") }
                .flatMap { Int($0.split(separator: " ").last!.dropLast()) }
        )
        var status = 0
        for _ in 0..<50 where status != 200 {
            try await Task.sleep(for: .milliseconds(100))
            status = try await Curl.get("https://127.0.0.1:\(port)/log/checkpoint").status
        }
        #expect(status == 200)

        kill(process.processIdentifier, SIGTERM)
        try await Blocking.run { process.waitUntilExit() }
        #expect(process.terminationStatus == 0)
        #expect(process.terminationReason == .exit)

        // The stop was recorded and sealed: nothing pending, and the last leaf is the stop.
        let verify = try await ChildProcess.run(try KuraBinary.path(), ["verify", "log", "--data", data])
        #expect(verify.status == 0, "\(verify.error)")
        #expect(verify.output.contains("0 pending"))
        let raw = RawDatabase(backend: .sqlite, dataDirectory: data, url: nil)
        let details = try await raw.blob("SELECT details FROM ledger_detail ORDER BY idx DESC LIMIT 1")
        #expect(String(decoding: details, as: UTF8.self).contains("\"kind\":\"server.stopped\""))

        // The read-only commands find the same log key the first start printed.
        let again = try await ChildProcess.run(try KuraBinary.path(), ["log", "key", "--data", data])
        #expect(again.status == 0)
        #expect(text.contains(again.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        let files = try FileManager.default.contentsOfDirectory(atPath: data)
        #expect(Set(files).isSuperset(of: ["kura.sqlite", "kura.key", "tls", "instance.json", "setup-code.sha256"]))
        let attributes = try FileManager.default.attributesOfItem(atPath: data + "/kura.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
