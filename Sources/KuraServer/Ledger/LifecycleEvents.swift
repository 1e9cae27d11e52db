import KuraCore
import KuraStore
import Logging
import ServiceLifecycle

/// Writes the server's own lifecycle into the log (data folder created, keys created, server
/// started, server stopped), so a new log is never empty and every start and stop is
/// accountable.
///
/// It runs between the group-commit writer and the HTTP server in the service group: it
/// starts after the writer and shuts down before it, so "server stopped" is durable before
/// the writer drains and the checkpointer seals its final checkpoint.
public struct LifecycleEvents: Service {
    let writer: GroupCommitWriter
    let events: LedgerEvents
    let startEvents: [String]
    let version: String
    let logger: Logger

    /// Creates the service; `startEvents` are the first-start events to record before
    /// "server.started" (for example "data-folder.created", "keys.created").
    public init(writer: GroupCommitWriter, events: LedgerEvents, startEvents: [String], version: String, logger: Logger)
    {
        self.writer = writer
        self.events = events
        self.startEvents = startEvents
        self.version = version
        self.logger = logger
    }

    /// Records the start, waits for graceful shutdown, records the stop.
    public func run() async throws {
        let server: [String: CanonicalJSON] = ["version": .string(version)]
        var writes = try startEvents.map { try events.append(kind: $0) }
        writes.append(try events.append(kind: "server.started", fields: server))
        _ = try await writer.submit(WriteUnit(writes))
        logger.info("server started", metadata: ["kura.version": "\(version)"])
        try? await gracefulShutdown()
        do {
            _ = try await writer.submit(WriteUnit([try events.append(kind: "server.stopped", fields: server)]))
            logger.info("server stopping")
        } catch {
            logger.error("could not record the stop", metadata: ["kura.error": "\(error)"])
        }
    }
}
