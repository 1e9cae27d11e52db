import KuraCore
import Logging

/// Everything `kura serve` is configured with. `init(reader:)` reads it from the command line,
/// the environment, a JSON file and the defaults below (STYLE 11, `ServerConfiguration+Reader.swift`
/// lists the keys); tests build it directly.
public struct ServerConfiguration: Sendable {
    /// The data folder: SQLite database, key file, TLS certificate (`data`, `--data`, `KURA_DATA`).
    public var dataDirectory: String
    /// A PostgreSQL URL; nil for the embedded SQLite (`database.url`, `--database`, `KURA_DATABASE_URL`).
    /// Secret: it may hold a password and is never logged.
    public var databaseURL: String?
    /// The address to bind (`http.host`, `--host`); loopback unless told otherwise.
    public var host: String
    /// The port to bind (`http.port`, `--port`); 0 picks a free one (tests).
    public var port: Int
    /// Serve plain HTTP instead of HTTPS (`http.insecure`, `--insecure-http`); refused unless
    /// `host` is loopback.
    public var insecureHTTP: Bool
    /// The log's origin for a new data folder (`ledger.origin`, `--origin`); ignored once keys
    /// exist, because the origin is the log's identity and must survive restores.
    public var origin: String?
    /// Serve tiles and entry bundles publicly (`ledger.publishTiles`, default on: they reveal nothing).
    public var publishTiles: Bool
    /// The shortest time between two checkpoints (`ledger.checkpointIntervalMs`).
    public var checkpointInterval: Duration
    /// A key file shared by several servers (`key.file`, `--key-file`, `KURA_KEY_FILE`); nil for
    /// the data folder's own.
    public var keyFile: String?
    /// The passphrase sealing the key file (`key.passphrase`, `KURA_KEY_PASSPHRASE`). Secret.
    public var keyPassphrase: String?
    /// A PEM certificate chain to serve instead of the self-signed one (`tls.certificate`).
    public var tlsCertificate: String?
    /// The PEM private key of `tlsCertificate` (`tls.key`). The path is not secret; the file is.
    public var tlsKey: String?
    /// The server's log level (`logging.level`, `--log-level`).
    public var logLevel: Logger.Level
    /// The identity policies (`identity.*`, `clinic.name`, `http.trustedProxies`).
    public var identity = IdentitySettings()
    /// The largest attachment accepted, in bytes (`records.attachmentMaxMegabytes`, default 20 MB).
    public var attachmentMaxBytes = 20 * 1_048_576
    /// Whether a patient's physicians see who viewed the chart, on the chart
    /// (`records.chartViewersVisibleToPhysicians`, default false: only auditors, in the access log).
    public var chartViewersVisibleToPhysicians = false
    /// The scheduled backup (`backup.*`); off without `backup.directory`.
    public var backup = BackupSettings()
    /// The daily emergency snapshot (`emergency.directory`, `emergency.keepDays`; REC-3).
    public var emergency = EmergencySettings()
    /// The scrypt cost of new password hashes: production's, unless a test lowers it (DESIGN
    /// "Testing notes": tests use stored low-cost parameters). Not a configuration key.
    public var passwordHashing: ScryptParameters = .password

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
        tlsKey: String? = nil,
        logLevel: Logger.Level = .info
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
        self.logLevel = logLevel
    }

    /// Whether `host` is a loopback address (plain HTTP is allowed only there).
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}

/// Printing or dumping a configuration shows every setting except the secrets (STYLE 4), so it
/// can go into a log or a support ticket as it is.
extension ServerConfiguration: CustomStringConvertible, CustomReflectable {
    /// What a secret shows instead of its value.
    static let redacted = "<redacted>"

    /// The settings with `databaseURL` and `keyPassphrase` redacted.
    public var description: String {
        func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "nil" }
        func secret(_ value: String?) -> String { value == nil ? "nil" : Self.redacted }
        let fields = [
            "dataDirectory: \(quoted(dataDirectory))", "databaseURL: \(secret(databaseURL))",
            "host: \(quoted(host))", "port: \(port)", "insecureHTTP: \(insecureHTTP)", "origin: \(quoted(origin))",
            "publishTiles: \(publishTiles)", "checkpointInterval: \(checkpointInterval)",
            "keyFile: \(quoted(keyFile))", "keyPassphrase: \(secret(keyPassphrase))",
            "tlsCertificate: \(quoted(tlsCertificate))", "tlsKey: \(quoted(tlsKey))", "logLevel: \(logLevel)",
        ]
        return "ServerConfiguration(\(fields.joined(separator: ", ")))"
    }

    /// The same settings for `dump` and debuggers, secrets redacted: the default mirror would
    /// show every stored property as it is.
    public var customMirror: Mirror {
        let children: KeyValuePairs<String, Any> = [
            "dataDirectory": dataDirectory,
            "databaseURL": databaseURL.map { _ in Self.redacted } as Any,
            "host": host,
            "port": port,
            "insecureHTTP": insecureHTTP,
            "origin": origin as Any,
            "publishTiles": publishTiles,
            "checkpointInterval": checkpointInterval,
            "keyFile": keyFile as Any,
            "keyPassphrase": keyPassphrase.map { _ in Self.redacted } as Any,
            "tlsCertificate": tlsCertificate as Any,
            "tlsKey": tlsKey as Any,
            "logLevel": logLevel,
        ]
        return Mirror(self, children: children, displayStyle: .struct)
    }
}

/// Why the configuration was refused at start (fail fast, STYLE 11). Messages name the key, the
/// option and the environment variable, never the value (it may be a secret).
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// `--insecure-http` on an address other than loopback.
    case insecureHTTPNotOnLoopback
    /// Only one of `--tls-certificate` and `--tls-key` was given.
    case incompleteTLSFiles
    /// The database URL is not a PostgreSQL URL.
    case unsupportedDatabaseURL
    /// A key holds a value of the wrong type or out of range; `requirement` says what is allowed.
    case invalidValue(ServerConfiguration.Key, requirement: String)
    /// `--config` names a file that does not exist.
    case missingConfigurationFile(path: String)
    /// The configuration file is not a JSON object of settings.
    case invalidConfigurationFile(path: String)
    /// The configuration file holds a key Kura does not know (a typo would otherwise be ignored).
    case unknownKey(String, path: String)

    /// A message for the operator.
    public var description: String {
        switch self {
        case .insecureHTTPNotOnLoopback:
            "--insecure-http (http.insecure) is allowed only on a loopback address (127.0.0.1 or ::1)"
        case .incompleteTLSFiles:
            "--tls-certificate and --tls-key (tls.certificate, tls.key) must be given together"
        case .unsupportedDatabaseURL:
            "the database URL (database.url) must start with postgres:// or postgresql://"
        case .invalidValue(let key, let requirement):
            "invalid configuration value for \(key.names): \(requirement)"
        case .missingConfigurationFile(let path):
            "the configuration file \(path) (--config) does not exist"
        case .invalidConfigurationFile(let path):
            "the configuration file \(path) is not a JSON object of settings"
        case .unknownKey(let key, let path):
            "the configuration file \(path) has an unknown key \(key); see README \"Configuration\""
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

/// The scheduled backup (`backup.*`, BAK-1, BAK-2).
public struct BackupSettings: Sendable, Equatable {
    /// Where generations are written and pruned by ``retention``; nil turns the schedule off.
    public var directory: String?
    /// A second target for offline or write-once media: each generation is copied there, and
    /// Kura never deletes anything in it.
    public var offlineDirectory: String?
    /// When the daily backup runs, in minutes after midnight, Japan time.
    public var minuteOfDay = 2 * 60
    /// Generations kept in ``directory``.
    public var retention = BackupRetention()

    /// The defaults: no scheduled backup, 02:00, 7 daily, 4 weekly, 12 monthly.
    public init() {}
}
