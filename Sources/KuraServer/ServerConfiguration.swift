/// Everything `kura serve` is configured with. The CLI fills it (command line over
/// environment over defaults); tests build it directly.
public struct ServerConfiguration: Sendable {
    /// The data folder: SQLite database, key file, TLS certificate (`--data`, `KURA_DATA`).
    public var dataDirectory: String
    /// A PostgreSQL URL; nil for the embedded SQLite (`--database`, `KURA_DATABASE_URL`).
    /// Secret: it may hold a password and is never logged.
    public var databaseURL: String?
    /// The address to bind (`--host`); loopback unless told otherwise.
    public var host: String
    /// The port to bind (`--port`); 0 picks a free one (tests).
    public var port: Int
    /// Serve plain HTTP instead of HTTPS (`--insecure-http`); refused unless `host` is loopback.
    public var insecureHTTP: Bool
    /// The log's origin for a new data folder (`--origin`); ignored once keys exist, because
    /// the origin is the log's identity and must survive restores.
    public var origin: String?
    /// Serve tiles and entry bundles publicly (`publishTiles`, default on: they reveal nothing).
    public var publishTiles: Bool
    /// The shortest time between two checkpoints.
    public var checkpointInterval: Duration
    /// A key file shared by several servers (`--key-file`, `KURA_KEY_FILE`); nil for the data
    /// folder's own.
    public var keyFile: String?
    /// The passphrase sealing the key file (`KURA_KEY_PASSPHRASE`). Secret.
    public var keyPassphrase: String?
    /// A PEM certificate chain to serve instead of the self-signed one (`--tls-certificate`).
    public var tlsCertificate: String?
    /// The PEM private key of `tlsCertificate` (`--tls-key`). Secret file path.
    public var tlsKey: String?

    /// The defaults of `swift run kura serve`: `./kura-data`, SQLite, HTTPS on 127.0.0.1:8443.
    public init(
        dataDirectory: String = "./kura-data",
        databaseURL: String? = nil,
        host: String = "127.0.0.1",
        port: Int = 8443,
        insecureHTTP: Bool = false,
        origin: String? = nil,
        publishTiles: Bool = true,
        checkpointInterval: Duration = .seconds(1),
        keyFile: String? = nil,
        keyPassphrase: String? = nil,
        tlsCertificate: String? = nil,
        tlsKey: String? = nil
    ) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.host = host
        self.port = port
        self.insecureHTTP = insecureHTTP
        self.origin = origin
        self.publishTiles = publishTiles
        self.checkpointInterval = checkpointInterval
        self.keyFile = keyFile
        self.keyPassphrase = keyPassphrase
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
    }

    /// Whether `host` is a loopback address (plain HTTP is allowed only there).
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}

/// Why the configuration was refused at start (fail fast, STYLE 11).
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// `--insecure-http` on an address other than loopback.
    case insecureHTTPNotOnLoopback
    /// Only one of `--tls-certificate` and `--tls-key` was given.
    case incompleteTLSFiles
    /// The database URL is not a PostgreSQL URL.
    case unsupportedDatabaseURL

    /// A message for the operator.
    public var description: String {
        switch self {
        case .insecureHTTPNotOnLoopback:
            "--insecure-http is allowed only on a loopback address (127.0.0.1 or ::1)"
        case .incompleteTLSFiles:
            "--tls-certificate and --tls-key must be given together"
        case .unsupportedDatabaseURL:
            "the database URL must start with postgres:// or postgresql://"
        }
    }

    /// Checks `configuration` and throws the first problem.
    public static func validate(_ configuration: ServerConfiguration) throws(ConfigurationError) {
        if configuration.insecureHTTP && !configuration.isLoopback {
            throw .insecureHTTPNotOnLoopback
        }
        if (configuration.tlsCertificate == nil) != (configuration.tlsKey == nil) {
            throw .incompleteTLSFiles
        }
        if let url = configuration.databaseURL,
            !(url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"))
        {
            throw .unsupportedDatabaseURL
        }
    }
}
