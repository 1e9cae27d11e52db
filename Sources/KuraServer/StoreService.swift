import KuraStore
import ServiceLifecycle

/// Keeps the store open for the service group's lifetime and closes it last.
///
/// It is the first service in the group, so on shutdown it is stopped after the writer and
/// the checkpointer have finished with the store. For PostgreSQL it also runs the connection
/// pool (`PostgresClient.run()` must run inside the group).
public struct StoreService: Service {
    let store: any KuraStoreBackend
    let pool: (any Service)?

    /// Creates the service for `store` and, for PostgreSQL, its connection pool.
    public init(store: any KuraStoreBackend, pool: (any Service)?) {
        self.store = store
        self.pool = pool
    }

    /// Runs until graceful shutdown, then closes the store.
    public func run() async throws {
        if let pool {
            // The pool service ends on graceful shutdown itself; it is signalled last.
            try await pool.run()
        } else {
            try? await gracefulShutdown()
            await store.close()
        }
    }
}
