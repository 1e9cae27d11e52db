import PostgresNIO

extension PostgresConfiguration {
    /// The postgres-nio pool configuration for this database.
    ///
    /// Every session is started with `synchronous_commit=on` (a startup parameter overrides a
    /// server, database or role default), so `commit` answers only after the WAL is flushed
    /// whatever the server's configuration says (DESIGN "Writes, durability, audit").
    var clientConfiguration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch tlsMode {
            case .disable: .disable
            case .require: .require(tlsConfiguration)
            }
        var configuration = PostgresClient.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tls
        )
        configuration.options.maximumConnections = maximumConnections
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// The configuration of a single connection outside the pool, for schema checks, migrations
    /// and database creation: it fails at once with the server's SQLSTATE, where the pool would
    /// retry quietly until its circuit breaker trips (60 s).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch tlsMode {
            case .disable: .disable
            case .require: .require(try NIOSSLContext(configuration: tlsConfiguration))
            }
        var configuration = PostgresConnection.Configuration(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database,
            tls: tls
        )
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// Session settings sent in the startup packet.
    private var startupParameters: [(String, String)] {
        [("application_name", "kura"), ("synchronous_commit", "on")]
    }

    /// TLS 1.2+ with full certificate verification (hostname included).
    private var tlsConfiguration: TLSConfiguration {
        var settings = TLSConfiguration.makeClientConfiguration()
        settings.minimumTLSVersion = .tlsv12
        settings.certificateVerification = .fullVerification
        if let rootCertificatePath {
            settings.trustRoots = .file(rootCertificatePath)
        }
        return settings
    }
}
