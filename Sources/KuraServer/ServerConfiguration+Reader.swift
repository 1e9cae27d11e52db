import Configuration
import Foundation
import KuraCore
import KuraStorePostgres
import Logging

extension ServerConfiguration {
    /// A setting of `kura serve`: its dotted key (the name in `kura.json`), its environment
    /// variable and its command-line option. This table and `init(reader:)` are the one place
    /// the keys are documented; README "Configuration" repeats them for operators.
    public enum Key: String, CaseIterable, Sendable {
        /// `data` (string, default `./kura-data`): the data folder.
        case dataDirectory = "data"
        /// `database.url` (string, secret, default none = SQLite): a PostgreSQL URL.
        case databaseURL = "database.url"
        /// `http.host` (string, default `127.0.0.1`): the address to bind.
        case host = "http.host"
        /// `http.port` (integer 0…65535, default 8443): the port to bind; 0 lets the system choose.
        case port = "http.port"
        /// `http.insecure` (boolean, default false): plain HTTP, on a loopback address only.
        case insecureHTTP = "http.insecure"
        /// `ledger.origin` (string, default `<host name>/<clinic id>`): a new log's origin, kept for good.
        case origin = "ledger.origin"
        /// `ledger.publishTiles` (boolean, default true): serve tiles and entries publicly.
        case publishTiles = "ledger.publishTiles"
        /// `ledger.checkpointIntervalMs` (integer 0…86,400,000, default 1000): the shortest time
        /// between two checkpoints, in milliseconds.
        case checkpointInterval = "ledger.checkpointIntervalMs"
        /// `key.file` (string, default the data folder's `kura.key`): a key file shared by servers.
        case keyFile = "key.file"
        /// `key.passphrase` (string, secret, default none): the passphrase sealing the key file.
        case keyPassphrase = "key.passphrase"
        /// `tls.certificate` (string, default the self-signed one): a PEM certificate chain.
        case tlsCertificate = "tls.certificate"
        /// `tls.key` (string, default the self-signed one): the PEM private key of `tls.certificate`.
        case tlsKey = "tls.key"
        /// `logging.level` (trace, debug, info, notice, warning, error or critical; default info).
        case logLevel = "logging.level"
        /// `http.trustedProxies` (string, default none): comma-separated proxy addresses whose
        /// `X-Forwarded-For` is believed (a TLS-terminating load balancer).
        case trustedProxies = "http.trustedProxies"
        /// `clinic.name` (string, default none): shown in authenticator apps, refused in passwords.
        case clinicName = "clinic.name"
        /// `identity.secondFactorRequired` (boolean, default true): a second factor for everyone (MFA-1).
        case secondFactorRequired = "identity.secondFactorRequired"
        /// `identity.deviceApprovalRequired` (boolean, default true): new devices see no PHI until
        /// an administrator approves them (INV-2).
        case deviceApprovalRequired = "identity.deviceApprovalRequired"
        /// `identity.lockoutFailures` (integer 3…20, default 5): failures that lock an account (AUTH-5).
        case lockoutFailures = "identity.lockoutFailures"
        /// `identity.lockoutMinutes` (integer 1…1440, default 15): how long a lock lasts.
        case lockoutMinutes = "identity.lockoutMinutes"
        /// `identity.idleMinutes` (integer 1…60, default 10): idle lock of a session (SESS-2).
        case idleMinutes = "identity.idleMinutes"
        /// `identity.sessionHours` (integer 1…24, default 12): absolute lifetime of a session.
        case sessionHours = "identity.sessionHours"
        /// `identity.dormantDays` (integer 7…3650, default 90): days without sign-in that disable
        /// an account (ACC-4).
        case dormantDays = "identity.dormantDays"
        /// `identity.passwordExpiryDays` (integer 30…3650, default 90): expiry of short passwords
        /// on accounts without a second factor (AUTH-4).
        case passwordExpiryDays = "identity.passwordExpiryDays"
        /// `identity.breakGlassMinutes` (integer 5…1440, default 60): how long break-glass lasts (ACC-7).
        case breakGlassMinutes = "identity.breakGlassMinutes"
        /// `identity.wordList` (string, default the system's): a word list for the password check.
        case wordList = "identity.wordList"
        /// `records.attachmentMaxMegabytes` (integer 1…100, default 20): the largest attachment (MAL-4).
        case attachmentMaxMegabytes = "records.attachmentMaxMegabytes"
        /// `records.chartViewersVisibleToPhysicians` (boolean, default false): the chart shows a
        /// patient's physicians who read that patient's record (AUD-1); a clinic policy.
        case chartViewersVisibleToPhysicians = "records.chartViewersVisibleToPhysicians"
        /// `backup.directory` (string, default none): where the scheduled backup writes its
        /// generations (BAK-1); no scheduled backup without it.
        case backupDirectory = "backup.directory"
        /// `backup.offlineDirectory` (string, default none): a second target for offline or
        /// write-once media, where Kura never deletes (BAK-2).
        case backupOfflineDirectory = "backup.offlineDirectory"
        /// `backup.time` ("HH:MM" in Japan time, default "02:00"): when the daily backup runs.
        case backupTime = "backup.time"
        /// `backup.keepDaily`, `backup.keepWeekly`, `backup.keepMonthly` (integers 0…366,
        /// defaults 7, 4, 12): generations kept in `backup.directory` (BAK-2).
        case backupKeepDaily = "backup.keepDaily"
        /// See ``backupKeepDaily``.
        case backupKeepWeekly = "backup.keepWeekly"
        /// See ``backupKeepDaily``.
        case backupKeepMonthly = "backup.keepMonthly"
        /// `emergency.directory` (string, default none = off): the off-server folder of the
        /// daily encrypted emergency snapshot (REC-3); needs `kura keys emergency-init` first.
        case emergencyDirectory = "emergency.directory"
        /// `emergency.keepDays` (integer 1…365, default 7): the days of snapshots kept there.
        case emergencyKeepDays = "emergency.keepDays"

        /// The key as swift-configuration reads it.
        public var configKey: ConfigKey { ConfigKey(rawValue) }

        /// Whether the value is a secret: marked so that access reporters and provider
        /// descriptions redact it (swift-configuration "Handling secrets correctly").
        public var isSecret: Bool { self == .databaseURL || self == .keyPassphrase }

        /// The environment variable: `KURA_` and the key in upper snake case, which is how
        /// `EnvironmentVariablesProvider` spells `kura.<key>`; the four older names (`KURA_DATA`,
        /// `KURA_DATABASE_URL`, `KURA_KEY_FILE`, `KURA_KEY_PASSPHRASE`) come out unchanged.
        public var environmentVariable: String {
            switch self {
            case .dataDirectory: "KURA_DATA"
            case .databaseURL: "KURA_DATABASE_URL"
            case .host: "KURA_HTTP_HOST"
            case .port: "KURA_HTTP_PORT"
            case .insecureHTTP: "KURA_HTTP_INSECURE"
            case .origin: "KURA_LEDGER_ORIGIN"
            case .publishTiles: "KURA_LEDGER_PUBLISH_TILES"
            case .checkpointInterval: "KURA_LEDGER_CHECKPOINT_INTERVAL_MS"
            case .keyFile: "KURA_KEY_FILE"
            case .keyPassphrase: "KURA_KEY_PASSPHRASE"
            case .tlsCertificate: "KURA_TLS_CERTIFICATE"
            case .tlsKey: "KURA_TLS_KEY"
            case .logLevel: "KURA_LOGGING_LEVEL"
            case .trustedProxies: "KURA_HTTP_TRUSTED_PROXIES"
            case .clinicName: "KURA_CLINIC_NAME"
            case .secondFactorRequired: "KURA_IDENTITY_SECOND_FACTOR_REQUIRED"
            case .deviceApprovalRequired: "KURA_IDENTITY_DEVICE_APPROVAL_REQUIRED"
            case .lockoutFailures: "KURA_IDENTITY_LOCKOUT_FAILURES"
            case .lockoutMinutes: "KURA_IDENTITY_LOCKOUT_MINUTES"
            case .idleMinutes: "KURA_IDENTITY_IDLE_MINUTES"
            case .sessionHours: "KURA_IDENTITY_SESSION_HOURS"
            case .dormantDays: "KURA_IDENTITY_DORMANT_DAYS"
            case .passwordExpiryDays: "KURA_IDENTITY_PASSWORD_EXPIRY_DAYS"
            case .breakGlassMinutes: "KURA_IDENTITY_BREAK_GLASS_MINUTES"
            case .wordList: "KURA_IDENTITY_WORD_LIST"
            case .attachmentMaxMegabytes: "KURA_RECORDS_ATTACHMENT_MAX_MEGABYTES"
            case .chartViewersVisibleToPhysicians: "KURA_RECORDS_CHART_VIEWERS_VISIBLE_TO_PHYSICIANS"
            case .backupDirectory: "KURA_BACKUP_DIRECTORY"
            case .backupOfflineDirectory: "KURA_BACKUP_OFFLINE_DIRECTORY"
            case .backupTime: "KURA_BACKUP_TIME"
            case .backupKeepDaily: "KURA_BACKUP_KEEP_DAILY"
            case .backupKeepWeekly: "KURA_BACKUP_KEEP_WEEKLY"
            case .backupKeepMonthly: "KURA_BACKUP_KEEP_MONTHLY"
            case .emergencyDirectory: "KURA_EMERGENCY_DIRECTORY"
            case .emergencyKeepDays: "KURA_EMERGENCY_KEEP_DAYS"
            }
        }

        /// The `kura serve` option; none for the passphrase, which the command line would show
        /// to every user of the machine (`ps`).
        public var option: String? {
            switch self {
            case .dataDirectory: "--data"
            case .databaseURL: "--database"
            case .host: "--host"
            case .port: "--port"
            case .insecureHTTP: "--insecure-http"
            case .origin: "--origin"
            case .publishTiles: "--[no-]publish-tiles"
            case .checkpointInterval: "--checkpoint-interval-ms"
            case .keyFile: "--key-file"
            case .keyPassphrase: nil
            case .tlsCertificate: "--tls-certificate"
            case .tlsKey: "--tls-key"
            case .logLevel: "--log-level"
            // The clinic's policies live in kura.json or the environment, not on a command line.
            case .trustedProxies, .clinicName, .secondFactorRequired, .deviceApprovalRequired, .lockoutFailures,
                .lockoutMinutes, .idleMinutes, .sessionHours, .dormantDays, .passwordExpiryDays, .breakGlassMinutes,
                .wordList, .attachmentMaxMegabytes, .chartViewersVisibleToPhysicians, .backupDirectory,
                .backupOfflineDirectory, .backupTime,
                .backupKeepDaily, .backupKeepWeekly, .backupKeepMonthly, .emergencyDirectory, .emergencyKeepDays:
                nil
            }
        }

        /// The key with its option and environment variable, for messages.
        var names: String {
            "\(rawValue) (\([option, environmentVariable].compactMap { $0 }.joined(separator: ", ")))"
        }
    }

    /// The longest checkpoint interval accepted: a day, far beyond any useful setting.
    static let checkpointIntervalRange = 0...86_400_000

    /// Reads and validates the configuration from `reader`, whose providers decide the
    /// precedence (`load` gives command line > environment > file); a missing key takes the
    /// default of `init()`. An empty string value counts as missing. Throws on the first bad value,
    /// naming its key, never its value.
    ///
    /// ## Configuration keys
    /// - `data` (string, default `./kura-data`): the data folder.
    /// - `database.url` (string, secret, optional): a PostgreSQL URL; none means SQLite.
    /// - `http.host` (string, default `127.0.0.1`), `http.port` (integer 0…65535, default 8443).
    /// - `http.insecure` (boolean, default false): plain HTTP, on a loopback host only.
    /// - `ledger.origin` (string, optional), `ledger.publishTiles` (boolean, default true),
    ///   `ledger.checkpointIntervalMs` (integer 0…86,400,000, default 1000).
    /// - `key.file` (string, optional), `key.passphrase` (string, secret, optional).
    /// - `tls.certificate`, `tls.key` (strings, optional, both or neither).
    /// - `logging.level` (string, default `info`).
    public init(reader: ConfigReader) async throws(ConfigurationError) {
        let defaults = ServerConfiguration()
        // data: where the SQLite database, keys and certificate live.
        dataDirectory = try await reader.text(.dataDirectory) ?? defaults.dataDirectory
        // database.url (secret: it may carry a password): PostgreSQL instead of SQLite.
        databaseURL = try await reader.text(.databaseURL)
        // http.host, http.port, http.insecure: where and how to listen.
        host = try await reader.text(.host) ?? defaults.host
        port = try await reader.integer(.port, in: 0...65535) ?? defaults.port
        insecureHTTP = try await reader.flag(.insecureHTTP) ?? defaults.insecureHTTP
        // ledger.origin, ledger.publishTiles, ledger.checkpointIntervalMs: the log.
        origin = try await reader.text(.origin)
        publishTiles = try await reader.flag(.publishTiles) ?? defaults.publishTiles
        checkpointInterval =
            try await reader.integer(.checkpointInterval, in: Self.checkpointIntervalRange).map { .milliseconds($0) }
            ?? defaults.checkpointInterval
        // key.file, key.passphrase (secret): the key file shared by several servers.
        keyFile = try await reader.text(.keyFile)
        keyPassphrase = try await reader.text(.keyPassphrase)
        // tls.certificate, tls.key: a configured certificate instead of the self-signed one.
        tlsCertificate = try await reader.text(.tlsCertificate)
        tlsKey = try await reader.text(.tlsKey)
        // logging.level: accepted in any case, as operators type it.
        if let level = try await reader.text(.logLevel) {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalidValue(.logLevel, requirement: "must be one of \(names)")
            }
            logLevel = parsed
        } else {
            logLevel = defaults.logLevel
        }

        identity = try await Self.identitySettings(reader: reader)
        // records.attachmentMaxMegabytes: the largest attachment a clinic accepts (MAL-4).
        if let megabytes = try await reader.integer(.attachmentMaxMegabytes, in: 1...100) {
            attachmentMaxBytes = megabytes * 1_048_576
        } else {
            attachmentMaxBytes = defaults.attachmentMaxBytes
        }
        // records.chartViewersVisibleToPhysicians: whether physicians see who read their patient's chart.
        chartViewersVisibleToPhysicians =
            try await reader.flag(.chartViewersVisibleToPhysicians) ?? defaults.chartViewersVisibleToPhysicians
        // emergency.directory, emergency.keepDays: the daily emergency snapshot (REC-3).
        emergency.directory = try await reader.text(.emergencyDirectory)
        emergency.keepDays = try await reader.integer(.emergencyKeepDays, in: 1...365) ?? defaults.emergency.keepDays

        backup = try await Self.backupSettings(reader: reader)

        try ConfigurationError.validate(self)
        if let databaseURL {
            // Parse the whole URL now, so a typo stops the start rather than the first connection.
            do {
                _ = try PostgresConfiguration(url: databaseURL)
            } catch {
                throw .invalidValue(.databaseURL, requirement: error.description)
            }
        }
    }
}

extension ServerConfiguration {
    /// Reads the identity policies (the `identity.*`, `clinic.name` and `http.trustedProxies`
    /// keys), each bounded so that no setting can switch a guideline rule off by accident.
    static func identitySettings(reader: ConfigReader) async throws(ConfigurationError) -> IdentitySettings {
        var settings = IdentitySettings()
        // http.trustedProxies: "10.0.0.5, 10.0.0.6".
        if let proxies = try await reader.text(.trustedProxies) {
            settings.trustedProxies = proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        settings.clinicName = try await reader.text(.clinicName)
        settings.secondFactorRequired = try await reader.flag(.secondFactorRequired) ?? settings.secondFactorRequired
        settings.deviceApprovalRequired =
            try await reader.flag(.deviceApprovalRequired) ?? settings.deviceApprovalRequired
        if let failures = try await reader.integer(.lockoutFailures, in: 3...20) {
            settings.lockout.maximumFailures = failures
        }
        if let minutes = try await reader.integer(.lockoutMinutes, in: 1...1440) {
            settings.lockout.lockMilliseconds = Int64(minutes) * 60_000
        }
        if let minutes = try await reader.integer(.idleMinutes, in: 1...60) {
            settings.sessions.idleMilliseconds = Int64(minutes) * 60_000
        }
        if let hours = try await reader.integer(.sessionHours, in: 1...24) {
            settings.sessions.absoluteMilliseconds = Int64(hours) * 3_600_000
        }
        if let days = try await reader.integer(.dormantDays, in: 7...3650) { settings.accounts.dormantDays = days }
        if let days = try await reader.integer(.passwordExpiryDays, in: 30...3650) {
            settings.accounts.passwordExpiryDays = days
        }
        if let minutes = try await reader.integer(.breakGlassMinutes, in: 5...1440) {
            settings.breakGlassMinutes = minutes
        }
        settings.passwordWordList = try await reader.text(.wordList)
        return settings
    }

    /// The configuration file `load` reads from the data folder when `--config` is not given.
    public static let fileName = "kura.json"

    /// Reads `kura serve`'s configuration (STYLE 11): the command line over the environment over
    /// a JSON file over the defaults, validated; the first bad value throws, naming its key.
    ///
    /// The file is `configFile` (`--config`), which must exist; without it, `<data folder>/kura.json`
    /// if it exists, the data folder coming from the command line, the environment or the
    /// default (so that file cannot set `data` itself).
    ///
    /// - Parameters:
    ///   - commandLine: only the options the user gave: an option's default would hide the
    ///     environment and the file.
    ///   - environment: the process environment; tests pass a dictionary.
    ///   - accessReporter: receives every read, secrets marked, as swift-configuration's
    ///     `AccessLogger` and `CONFIG_ACCESS_LOG_FILE` do (redacted).
    public static func load(
        commandLine: [Key: ConfigContent] = [:],
        environment: [String: String],
        configFile: String? = nil,
        accessReporter: (any AccessReporter)? = nil
    ) async throws(ConfigurationError) -> ServerConfiguration {
        var providers = commandLineAndEnvironment(commandLine: commandLine, environment: environment)
        if let configFile {
            guard FileManager.default.fileExists(atPath: configFile) else {
                throw .missingConfigurationFile(path: configFile)
            }
            providers.append(try await fileLayer(path: configFile, maySetDataFolder: true))
        } else {
            let folder =
                try await ConfigReader(providers: providers).text(.dataDirectory) ?? ServerConfiguration().dataDirectory
            let path = folder.hasSuffix("/") ? folder + fileName : folder + "/" + fileName
            if FileManager.default.fileExists(atPath: path) {
                providers.append(try await fileLayer(path: path, maySetDataFolder: false))
            }
        }
        return try await ServerConfiguration(reader: ConfigReader(providers: providers, accessReporter: accessReporter))
    }

    /// The command-line and environment layers, highest first. The environment is read as
    /// `KURA_` and the key (`Key.environmentVariable`), its secrets marked by name.
    public static func commandLineAndEnvironment(
        commandLine: [Key: ConfigContent],
        environment: [String: String]
    ) -> [any ConfigProvider] {
        let options = InMemoryProvider(
            name: "command line",
            values: Dictionary(
                uniqueKeysWithValues: commandLine.map { key, content in
                    (AbsoluteConfigKey(key.configKey), ConfigValue(content, isSecret: key.isSecret))
                }
            )
        )
        let secrets = Set(Key.allCases.filter(\.isSecret).map(\.environmentVariable))
        let variables = EnvironmentVariablesProvider(
            environmentVariables: environment,
            secretsSpecifier: .specific(secrets)
        )
        return [options, variables.prefixKeys(with: "kura")]
    }

    /// The JSON file at `path` as a provider, once every key in it is known: a misspelt key
    /// would otherwise be ignored without a word.
    static func fileLayer(path: String, maySetDataFolder: Bool) async throws(ConfigurationError) -> any ConfigProvider {
        guard let data = FileManager.default.contents(atPath: path),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else {
            throw .invalidConfigurationFile(path: path)
        }
        for name in keyPaths(in: object).sorted() {
            guard let key = Key(rawValue: name) else { throw .unknownKey(name, path: path) }
            if key == .dataDirectory && !maySetDataFolder {
                throw .invalidValue(key, requirement: "cannot be set in the data folder's own \(fileName)")
            }
        }
        // FileProvider's path parameter is a swift-system FilePath; its reader-based initialiser
        // takes the path as a string, which spares Kura a direct swift-system dependency.
        let location = ConfigReader(
            provider: InMemoryProvider(values: ["filePath": ConfigValue(.string(path), isSecret: false)])
        )
        let secrets = Set(Key.allCases.filter(\.isSecret).map(\.rawValue))
        do {
            return try await FileProvider<JSONSnapshot>(
                parsingOptions: .init(secretsSpecifier: .specific(secrets)),
                config: location
            )
        } catch {
            throw .invalidConfigurationFile(path: path)
        }
    }

    /// The dotted path of every value in a JSON object: `{"http": {"port": 1}}` gives `http.port`.
    private static func keyPaths(in object: [String: Any], prefix: String = "") -> [String] {
        object.flatMap { name, value in
            let path = prefix.isEmpty ? name : prefix + "." + name
            guard let nested = value as? [String: Any] else { return [path] }
            return keyPaths(in: nested, prefix: path)
        }
    }
}

extension ServerConfiguration {
    /// `backup.*`: the scheduled backup (BAK-1, BAK-2).
    static func backupSettings(reader: ConfigReader) async throws(ConfigurationError) -> BackupSettings {
        var settings = BackupSettings()
        settings.directory = try await reader.text(.backupDirectory)
        settings.offlineDirectory = try await reader.text(.backupOfflineDirectory)
        if let time = try await reader.text(.backupTime) {
            let parts = time.split(separator: ":").map { Int($0) }
            guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0..<24).contains(hour),
                (0..<60).contains(minute)
            else { throw .invalidValue(.backupTime, requirement: "must be HH:MM in Japan time, for example 02:00") }
            settings.minuteOfDay = hour * 60 + minute
        }
        let defaults = BackupRetention()
        settings.retention = BackupRetention(
            daily: try await reader.integer(.backupKeepDaily, in: 0...366) ?? defaults.daily,
            weekly: try await reader.integer(.backupKeepWeekly, in: 0...366) ?? defaults.weekly,
            monthly: try await reader.integer(.backupKeepMonthly, in: 0...366) ?? defaults.monthly)
        return settings
    }
}

extension ConfigReader {
    /// The string at `key`, nil when missing or empty; throws when it is not a string.
    fileprivate func text(_ key: ServerConfiguration.Key) async throws(ConfigurationError) -> String? {
        do {
            let value = try await fetchString(forKey: key.configKey, isSecret: key.isSecret)
            return value?.isEmpty == false ? value : nil
        } catch {
            throw .invalidValue(key, requirement: "must be a string")
        }
    }

    /// The integer at `key`, nil when missing; throws when it is not an integer in `range`.
    fileprivate func integer(
        _ key: ServerConfiguration.Key,
        in range: ClosedRange<Int>
    ) async throws(ConfigurationError) -> Int? {
        let requirement = "must be an integer from \(range.lowerBound) to \(range.upperBound)"
        let value: Int?
        do {
            value = try await fetchInt(forKey: key.configKey, isSecret: key.isSecret)
        } catch {
            throw .invalidValue(key, requirement: requirement)
        }
        if let value, !range.contains(value) {
            throw .invalidValue(key, requirement: requirement)
        }
        return value
    }

    /// The Boolean at `key`, nil when missing; throws when it is not one. The environment also
    /// accepts yes/no and 1/0.
    fileprivate func flag(_ key: ServerConfiguration.Key) async throws(ConfigurationError) -> Bool? {
        do {
            return try await fetchBool(forKey: key.configKey, isSecret: key.isSecret)
        } catch {
            throw .invalidValue(key, requirement: "must be true or false")
        }
    }
}
