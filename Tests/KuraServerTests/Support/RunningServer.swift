import Foundation
import Hummingbird
import KuraServer
import KuraTesting
import Logging
import NIOCore
import ServiceLifecycle

/// A Kura server running in this test process through the real composition root, on a free
/// port, until ``stop()``.
struct RunningServer: Sendable {
    let port: Int
    let startup: StartupReport
    let services: KuraServices
    let task: Task<Void, any Error>
    let group: ServiceGroup

    /// Starts a server for `configuration` (its port is replaced by 0: tests run in parallel).
    static func start(_ configuration: ServerConfiguration) async throws -> RunningServer {
        var configuration = configuration
        configuration.port = 0
        var logger = Logger(label: "kura-test")
        logger.logLevel = .warning
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let (application, startup, services) = try await buildApplication(
            configuration: configuration,
            logger: logger,
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }
        )
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [], logger: logger)
        )
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            throw ConformanceFailure("the server did not start")
        }
        return RunningServer(port: port, startup: startup, services: services, task: task, group: group)
    }

    /// Stops the server gracefully, as SIGTERM does (the stop is recorded and sealed), and
    /// waits for it.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Waits until a checkpoint covers every leaf appended so far.
    func waitForCheckpoint() async throws {
        try await services.checkpointer.integrateNow()
    }

    /// The base URL.
    var url: String {
        (startup.certificateFingerprint == nil ? "http" : "https") + "://127.0.0.1:\(port)"
    }
}

/// HTTP requests with curl (a real client over a real socket; `-k` for the self-signed
/// certificate, whose fingerprint tests check separately).
enum Curl {
    struct Answer {
        var status: Int
        var body: [UInt8]
        /// The last response's header fields, by lower-case name.
        var headers: [String: String] = [:]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func get(_ url: String) async throws -> Answer {
        let directory = try TemporaryDirectory(prefix: "kura-curl")
        defer { directory.remove() }
        let bodyFile = directory.file("body")
        let headerFile = directory.file("headers")
        let outcome = try await ChildProcess.run(
            "curl",
            ["-s", "-k", "--max-time", "20", "-o", bodyFile, "-D", headerFile, "-w", "%{http_code}", url]
        )
        let body = (try? Data(contentsOf: URL(fileURLWithPath: bodyFile))).map { [UInt8]($0) } ?? []
        var headers: [String: String] = [:]
        let headerText = (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? ""
        for line in headerText.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return Answer(status: Int(outcome.output) ?? -1, body: body, headers: headers)
    }
}
