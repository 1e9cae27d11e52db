import KuraServer
import Logging
import NIOCore
import ServiceLifecycle

/// Kura started in-process by the real composition root (`buildApplication`) and run in a
/// service group, as `kura serve` runs it, for the duration of a benchmark's body.
enum InProcessKura {
    /// What a running server hands the body.
    struct Running: Sendable {
        /// The wired services, driven directly by the benchmark.
        let services: KuraServices
        /// What the start found or created (the setup code at first start).
        let startup: StartupReport
        /// The port the HTTP server bound.
        let port: Int
    }

    /// Builds and starts the server, runs `body`, then shuts the server down gracefully and
    /// waits for its services to stop (the writer drains, the checkpointer stops).
    static func run<T: Sendable>(
        configuration: ServerConfiguration,
        logger: Logger,
        _ body: (Running) async throws -> T
    ) async throws -> T {
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let (application, startup, services) = try await buildApplication(
            configuration: configuration, logger: logger,
            onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) })
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { portSink.finish() }
                try await group.run()
            }
            do {
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next(), port > 0 else {
                    throw BenchError.invalid("the server did not start")
                }
                let value = try await body(Running(services: services, startup: startup, port: port))
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }
}
