import KuraStore
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The Kura store on PostgreSQL, for clinic groups and hosted deployments (DESIGN "Architecture").
///
/// The store is built on postgres-nio's connection pool (`PostgresClient`), which only works
/// while its `run()` is active. The store is therefore a `Service`: add it to the
/// `ServiceGroup` before the services that use it, so that it shuts down after them; or, in tests
/// and one-shot CLI commands, use ``withStore(url:logger:_:)``, which runs it for the duration of
/// a closure. Data calls made before `run()` starts wait for it; calls made after ``close()``
/// fail with ``StoreError/unavailable(_:)``. ``schemaVersion()``, ``checkSchema()`` and
/// ``migrate()`` use a connection of their own outside the pool: they work without `run()` (for
/// `kura migrate`) and fail at once with the server's SQLSTATE when the URL is wrong, where the
/// pool would retry quietly for a minute.
///
/// The first call that touches data checks the schema version once (``checkSchema()``), so a
/// binary never reads or writes a database migrated by a newer Kura (DESIGN "Bad input, faults").
public final class PostgresStore: KuraStoreBackend, Service {
    /// The connection pool.
    let client: PostgresClient
    /// The configuration, for secret-free descriptions.
    public let configuration: PostgresConfiguration
    /// Kura's own log messages (constant messages, opaque ids only).
    let logger: Logger
    /// The logger handed to postgres-nio: never below `.info`, because its trace level logs
    /// whole backend messages, row contents included.
    let driverLogger: Logger
    /// Set once the schema version was found equal to ``currentVersion``.
    let schemaVerified = Atomic<Bool>(false)
    /// Set by ``close()``.
    let closed = Atomic<Bool>(false)
    /// Finished by ``close()`` to end ``run()``.
    private let closeSignal: AsyncStream<Never>
    private let closeContinuation: AsyncStream<Never>.Continuation

    /// A short, secret-free description of the backend for logs.
    public var kind: String { "postgres" }

    /// Creates a store for `configuration`; nothing connects until ``run()`` runs.
    public init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.driverLogger = Self.driverLogger(from: logger)
        self.client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: driverLogger)
        (self.closeSignal, self.closeContinuation) = AsyncStream<Never>.makeStream()
    }

    /// `logger` raised to at least `.info` for postgres-nio, whose trace level logs rows.
    static func driverLogger(from logger: Logger) -> Logger {
        var driverLogger = logger
        if driverLogger.logLevel < .info { driverLogger.logLevel = .info }
        return driverLogger
    }

    /// Creates a store from a `postgres://` URL (see ``PostgresConfiguration``).
    public convenience init(url: String, logger: Logger) throws(PostgresConfigurationError) {
        self.init(configuration: try PostgresConfiguration(url: url), logger: logger)
    }

    /// Runs the connection pool until ``close()``, cancellation or graceful shutdown.
    ///
    /// Call it exactly once (the pool refuses a second run).
    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.client.run() }
            group.addTask { for await _ in self.closeSignal {} }
            await group.next()
            group.cancelAll()
        }
    }

    /// Closes the pool: ``run()`` returns and further calls fail.
    public func close() async {
        closed.store(true, ordering: .releasing)
        closeContinuation.finish()
    }

    /// Runs a store for `url` around `body` and closes it afterwards: for tests and CLI commands
    /// that have no `ServiceGroup`.
    ///
    /// The store is neither migrated nor checked here: call ``migrate()`` or ``checkSchema()`` as
    /// the command requires (the first data call checks the version anyway).
    @discardableResult
    public static func withStore<Result>(
        url: String,
        logger: Logger,
        _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        try await withStore(configuration: try PostgresConfiguration(url: url), logger: logger, body)
    }

    /// Runs a store for `configuration` around `body` and closes it afterwards.
    @discardableResult
    public static func withStore<Result>(
        configuration: PostgresConfiguration,
        logger: Logger,
        _ body: (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let store = PostgresStore(configuration: configuration, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
            group.addTask { try await store.run() }
            do {
                let result = try await body(store)
                await store.close()
                try await group.waitForAll()
                return result
            } catch {
                await store.close()
                group.cancelAll()
                throw error
            }
        }
    }
}
