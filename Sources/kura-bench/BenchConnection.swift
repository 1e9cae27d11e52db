import KuraStorePostgres
import Logging
import PostgresNIO

/// One PostgreSQL connection outside the store, for the baselines: the store's URL settings
/// and `synchronous_commit=on` in the startup packet, as `PostgresStore` sends it.
enum BenchConnection {
    /// Connects to the database at `url`.
    static func connect(url: String, logger: Logger) async throws -> PostgresConnection {
        let settings = try PostgresConfiguration(url: url)
        let tls: PostgresConnection.Configuration.TLS
        switch settings.tlsMode {
        case .disable:
            tls = .disable
        case .require:
            var client = TLSConfiguration.makeClientConfiguration()
            client.minimumTLSVersion = .tlsv12
            if let roots = settings.rootCertificatePath { client.trustRoots = .file(roots) }
            tls = .require(try NIOSSLContext(configuration: client))
        }
        var configuration = PostgresConnection.Configuration(
            host: settings.host,
            port: settings.port,
            username: settings.username,
            password: settings.password,
            database: settings.database,
            tls: tls
        )
        configuration.options.additionalStartupParameters = [("synchronous_commit", "on")]
        return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
    }
}
