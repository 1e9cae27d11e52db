import Configuration
import Foundation
import KuraCore
import KuraServer
import KuraTesting
import Logging
import Synchronization
import Testing

@Suite("ServerConfiguration: command line > environment > file > defaults, checked at start (STYLE 11)")
struct ServerConfigurationTests {
    typealias Key = ServerConfiguration.Key

    /// One key set differently in three layers, and what it reads as with all three layers,
    /// without the command line, with the file alone, and with none (the default).
    struct Layered: Sendable, CustomTestStringConvertible {
        let key: Key
        let commandLine: ConfigContent
        let environment: String
        let file: ConfigContent
        let expected: [String]
        let read: @Sendable (ServerConfiguration) -> String
        var testDescription: String { key.rawValue }
    }

    static let layered: [Layered] = [
        Layered(
            key: .port, commandLine: .int(1001), environment: "1002", file: .int(1003),
            expected: ["1001", "1002", "1003", "8443"], read: { "\($0.port)" }
        ),
        Layered(
            key: .host, commandLine: .string("127.0.0.11"), environment: "127.0.0.12", file: .string("127.0.0.13"),
            expected: ["127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.1"], read: { $0.host }
        ),
        // Two values only, so the layers alternate: each comparison still tells the layers apart.
        Layered(
            key: .publishTiles, commandLine: .bool(false), environment: "true", file: .bool(false),
            expected: ["false", "true", "false", "true"], read: { "\($0.publishTiles)" }
        ),
        Layered(
            key: .checkpointInterval, commandLine: .int(5), environment: "6", file: .int(7),
            expected: ["5", "6", "7", "1000"], read: { "\(Int($0.checkpointInterval / .milliseconds(1)))" }
        ),
        Layered(
            key: .keyFile, commandLine: .string("/cli.key"), environment: "/env.key", file: .string("/file.key"),
            expected: ["/cli.key", "/env.key", "/file.key", "nil"], read: { $0.keyFile ?? "nil" }
        ),
        Layered(
            key: .databaseURL, commandLine: .string("postgres://cli@db/kura"),
            environment: "postgres://env@db/kura", file: .string("postgres://file@db/kura"),
            expected: ["postgres://cli@db/kura", "postgres://env@db/kura", "postgres://file@db/kura", "nil"],
            read: { $0.databaseURL ?? "nil" }
        ),
        Layered(
            key: .logLevel, commandLine: .string("debug"), environment: "warning", file: .string("error"),
            expected: ["debug", "warning", "error", "info"], read: { $0.logLevel.rawValue }
        ),
    ]

    @Test("each layer overrides the ones below it", arguments: layered)
    func precedence(_ layered: Layered) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.file("settings.json")
        try Self.write([layered.key: layered.file], to: file)
        // Without --config the data folder's kura.json would be read: point at an empty one.
        let noData = ["KURA_DATA": folder.file("none")]
        let environment = noData.merging([layered.key.environmentVariable: layered.environment]) { $1 }

        let all = try await ServerConfiguration.load(
            commandLine: [layered.key: layered.commandLine],
            environment: environment,
            configFile: file
        )
        let withoutCommandLine = try await ServerConfiguration.load(environment: environment, configFile: file)
        let fileAlone = try await ServerConfiguration.load(environment: noData, configFile: file)
        let none = try await ServerConfiguration.load(environment: noData)
        #expect([all, withoutCommandLine, fileAlone, none].map(layered.read) == layered.expected)
    }

    @Test("every key is read from its environment variable, the four older names among them")
    func everyEnvironmentVariable() async throws {
        let environment = [
            "KURA_DATA": "/nonexistent/kura-data",
            "KURA_DATABASE_URL": "postgres://kura@db.example/kura",
            "KURA_HTTP_HOST": "::1",
            "KURA_HTTP_PORT": "9443",
            "KURA_HTTP_INSECURE": "yes",
            "KURA_LEDGER_ORIGIN": "clinic.example.jp/main",
            "KURA_LEDGER_PUBLISH_TILES": "false",
            "KURA_LEDGER_CHECKPOINT_INTERVAL_MS": "250",
            "KURA_KEY_FILE": "/etc/kura/shared.key",
            "KURA_KEY_PASSPHRASE": "correct horse",
            "KURA_TLS_CERTIFICATE": "/etc/kura/cert.pem",
            "KURA_TLS_KEY": "/etc/kura/key.pem",
            "KURA_LOGGING_LEVEL": "DEBUG",
            "KURA_HTTP_TRUSTED_PROXIES": "10.0.0.5, 10.0.0.6",
            "KURA_CLINIC_NAME": "さくら在宅クリニック",
            "KURA_IDENTITY_SECOND_FACTOR_REQUIRED": "false",
            "KURA_IDENTITY_DEVICE_APPROVAL_REQUIRED": "no",
            "KURA_IDENTITY_LOCKOUT_FAILURES": "10",
            "KURA_IDENTITY_LOCKOUT_MINUTES": "30",
            "KURA_IDENTITY_IDLE_MINUTES": "5",
            "KURA_IDENTITY_SESSION_HOURS": "8",
            "KURA_IDENTITY_DORMANT_DAYS": "60",
            "KURA_IDENTITY_PASSWORD_EXPIRY_DAYS": "180",
            "KURA_IDENTITY_BREAK_GLASS_MINUTES": "30",
            "KURA_IDENTITY_WORD_LIST": "/etc/kura/words",
            "KURA_RECORDS_ATTACHMENT_MAX_MEGABYTES": "5",
            "KURA_RECORDS_CHART_VIEWERS_VISIBLE_TO_PHYSICIANS": "true",
            "KURA_BACKUP_DIRECTORY": "/srv/kura-backups",
            "KURA_BACKUP_OFFLINE_DIRECTORY": "/mnt/offline",
            "KURA_BACKUP_TIME": "03:30",
            "KURA_BACKUP_KEEP_DAILY": "14",
            "KURA_BACKUP_KEEP_WEEKLY": "8",
            "KURA_BACKUP_KEEP_MONTHLY": "24",
            "KURA_EMERGENCY_DIRECTORY": "/mnt/kura-emergency",
            "KURA_EMERGENCY_KEEP_DAYS": "14",
        ]
        #expect(Set(environment.keys) == Set(Key.allCases.map(\.environmentVariable)))
        let configuration = try await ServerConfiguration.load(environment: environment)
        #expect(configuration.dataDirectory == "/nonexistent/kura-data")
        #expect(configuration.attachmentMaxBytes == 5 * 1_048_576)
        #expect(configuration.chartViewersVisibleToPhysicians)
        #expect(configuration.emergency == EmergencySettings(directory: "/mnt/kura-emergency", keepDays: 14))
        #expect(configuration.databaseURL == "postgres://kura@db.example/kura")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 9443)
        #expect(configuration.insecureHTTP)
        #expect(configuration.origin == "clinic.example.jp/main")
        #expect(!configuration.publishTiles)
        #expect(configuration.checkpointInterval == .milliseconds(250))
        #expect(configuration.keyFile == "/etc/kura/shared.key")
        #expect(configuration.keyPassphrase == "correct horse")
        #expect(configuration.tlsCertificate == "/etc/kura/cert.pem")
        #expect(configuration.tlsKey == "/etc/kura/key.pem")
        #expect(configuration.logLevel == .debug)
        let identity = configuration.identity
        #expect(identity.trustedProxies == ["10.0.0.5", "10.0.0.6"])
        #expect(identity.clinicName == "さくら在宅クリニック")
        #expect(!identity.secondFactorRequired)
        #expect(!identity.deviceApprovalRequired)
        #expect(identity.lockout == LockoutPolicy(maximumFailures: 10, lockMilliseconds: 30 * 60_000))
        #expect(identity.sessions.idleMilliseconds == 5 * 60_000)
        #expect(identity.sessions.absoluteMilliseconds == 8 * 3_600_000)
        #expect(identity.accounts == AccountPolicy(dormantDays: 60, passwordExpiryDays: 180))
        #expect(identity.breakGlassMinutes == 30)
        #expect(identity.passwordWordList == "/etc/kura/words")
        let backup = configuration.backup
        #expect(backup.directory == "/srv/kura-backups")
        #expect(backup.offlineDirectory == "/mnt/offline")
        #expect(backup.minuteOfDay == 3 * 60 + 30)
        #expect(backup.retention == BackupRetention(daily: 14, weekly: 8, monthly: 24))
    }

    @Test("a backup time that is not HH:MM, or a retention out of range, is refused (BAK-2)")
    func backupBounds() async throws {
        for (variable, value) in [
            ("KURA_BACKUP_TIME", "25:00"), ("KURA_BACKUP_TIME", "2am"), ("KURA_BACKUP_KEEP_DAILY", "-1"),
            ("KURA_BACKUP_KEEP_MONTHLY", "400"),
        ] {
            await #expect(throws: ConfigurationError.self) {
                _ = try await ServerConfiguration.load(environment: [
                    "KURA_DATA": "/nonexistent/kura-data", variable: value,
                ])
            }
        }
    }

    @Test("identity policies are bounded: a lockout of one failure or a 0-minute idle lock is refused")
    func identityBounds() async throws {
        for (variable, value) in [
            ("KURA_IDENTITY_LOCKOUT_FAILURES", "1"), ("KURA_IDENTITY_IDLE_MINUTES", "0"),
            ("KURA_IDENTITY_DORMANT_DAYS", "100000"), ("KURA_IDENTITY_SECOND_FACTOR_REQUIRED", "maybe"),
        ] {
            await #expect(throws: ConfigurationError.self) {
                _ = try await ServerConfiguration.load(environment: [
                    "KURA_DATA": "/nonexistent/kura-data", variable: value,
                ])
            }
        }
    }

    @Test("an empty value means unset, and hides the layers below it")
    func emptyMeansUnset() async throws {
        let environment = ["KURA_DATA": "/nonexistent/kura-data", "KURA_DATABASE_URL": ""]
        #expect(try await ServerConfiguration.load(environment: environment).databaseURL == nil)
        let overridden = try await ServerConfiguration.load(
            commandLine: [.databaseURL: .string("")],
            environment: environment.merging(["KURA_DATABASE_URL": "postgres://kura@db/kura"]) { $1 }
        )
        #expect(overridden.databaseURL == nil)
    }

    @Test("without --config, kura.json in the data folder given by option or environment is read")
    func dataFolderFile() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.write([.port: .int(9001)], to: folder.file(ServerConfiguration.fileName))
        let other = folder.file("other.json")
        try Self.write([.port: .int(9002), .dataDirectory: .string(folder.path)], to: other)

        let fromEnvironment = try await ServerConfiguration.load(environment: ["KURA_DATA": folder.path])
        #expect(fromEnvironment.dataDirectory == folder.path)
        #expect(fromEnvironment.port == 9001)
        let fromOption = try await ServerConfiguration.load(
            commandLine: [.dataDirectory: .string(folder.path)],
            environment: ["KURA_DATA": folder.file("none")]
        )
        #expect(fromOption.port == 9001)
        // --config replaces the data folder's file, and may name the data folder itself.
        let explicit = try await ServerConfiguration.load(environment: [:], configFile: other)
        #expect(explicit.port == 9002)
        #expect(explicit.dataDirectory == folder.path)
    }

    /// A bad value for `key` given in one layer.
    struct BadValue: Sendable, CustomTestStringConvertible {
        enum Layer: Sendable { case commandLine, environment, file }
        let key: Key
        let layer: Layer
        let value: ConfigContent
        var testDescription: String { "\(key.rawValue) = \(value) from the \(layer)" }
    }

    static let badValues: [BadValue] = [
        BadValue(key: .port, layer: .commandLine, value: .int(65536)),
        BadValue(key: .port, layer: .environment, value: .string("-1")),
        BadValue(key: .port, layer: .environment, value: .string("https")),
        BadValue(key: .port, layer: .file, value: .string("8443")),
        BadValue(key: .checkpointInterval, layer: .commandLine, value: .int(-1)),
        BadValue(key: .checkpointInterval, layer: .environment, value: .string("1.5")),
        BadValue(key: .checkpointInterval, layer: .file, value: .int(-250)),
        BadValue(key: .logLevel, layer: .environment, value: .string("verbose")),
        BadValue(key: .logLevel, layer: .file, value: .string("loud")),
        BadValue(key: .insecureHTTP, layer: .environment, value: .string("maybe")),
        BadValue(key: .publishTiles, layer: .file, value: .string("sometimes")),
        BadValue(key: .databaseURL, layer: .environment, value: .string("postgres://kura:hunter2@/kura")),
        BadValue(key: .emergencyKeepDays, layer: .file, value: .int(0)),
    ]

    @Test("a bad value stops the start with a message naming its key, never the value", arguments: badValues)
    func badValue(_ bad: BadValue) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var environment = ["KURA_DATA": folder.file("none")]
        var commandLine: [Key: ConfigContent] = [:]
        var file: String?
        switch bad.layer {
        case .commandLine: commandLine[bad.key] = bad.value
        case .environment: environment[bad.key.environmentVariable] = Self.text(bad.value)
        case .file:
            file = folder.file("settings.json")
            try Self.write([bad.key: bad.value], to: file!)
        }
        do {
            let accepted = try await ServerConfiguration.load(
                commandLine: commandLine,
                environment: environment,
                configFile: file
            )
            Issue.record("accepted: \(accepted)")
        } catch {
            guard case .invalidValue(let key, _) = error else {
                Issue.record("unexpected error: \(error)")
                return
            }
            #expect(key == bad.key)
            #expect(error.description.contains(bad.key.rawValue))
            #expect(error.description.contains(bad.key.environmentVariable))
            #expect(!error.description.contains(Self.text(bad.value)))
        }
    }

    @Test("a missing --config file, a file that is not a JSON object, a misspelt key are refused")
    func badFiles() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let environment = ["KURA_DATA": folder.path]
        let missing = folder.file("missing.json")
        await #expect(throws: ConfigurationError.missingConfigurationFile(path: missing)) {
            try await ServerConfiguration.load(environment: environment, configFile: missing)
        }
        let own = folder.file(ServerConfiguration.fileName)
        for text in ["[1, 2]", "{\"http\": ", "port = 1"] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: own))
            await #expect(throws: ConfigurationError.invalidConfigurationFile(path: own)) {
                try await ServerConfiguration.load(environment: environment)
            }
        }
        try Data(#"{"http": {"prot": 8443}}"#.utf8).write(to: URL(fileURLWithPath: own))
        await #expect(throws: ConfigurationError.unknownKey("http.prot", path: own)) {
            try await ServerConfiguration.load(environment: environment)
        }
        // The data folder's own file cannot move the data folder it was found in.
        try Self.write([.dataDirectory: .string("/elsewhere")], to: own)
        do {
            _ = try await ServerConfiguration.load(environment: environment)
            Issue.record("the data folder's own file moved the data folder")
        } catch {
            guard case .invalidValue(.dataDirectory, _) = error else {
                Issue.record("unexpected error: \(error)")
                return
            }
        }
    }

    @Test("description, debugDescription and dump show the settings but not the secrets")
    func redaction() {
        let configuration = ServerConfiguration(
            dataDirectory: "/srv/kura",
            databaseURL: "postgres://kura:hunter2@db.example/kura",
            keyFile: "/etc/kura/shared.key",
            keyPassphrase: "correct horse"
        )
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in ["\(configuration)", String(reflecting: configuration), dumped] {
            #expect(!text.contains("hunter2"), "\(text)")
            #expect(!text.contains("correct horse"), "\(text)")
            #expect(text.contains("/srv/kura"))
            #expect(text.contains("/etc/kura/shared.key"))
            #expect(text.contains("<redacted>"))
        }
        #expect(!"\(ServerConfiguration())".contains("<redacted>"))
    }

    /// Collects the access events swift-configuration reports.
    final class Reports: AccessReporter {
        let events = Mutex<[AccessEvent]>([])
        func report(_ event: AccessEvent) { events.withLock { $0.append(event) } }
    }

    @Test("secrets are read as secret, so access reports redact them")
    func accessReports() async throws {
        let reports = Reports()
        let environment = [
            "KURA_DATA": "/nonexistent/kura-data",
            "KURA_DATABASE_URL": "postgres://kura:hunter2@db.example/kura",
            "KURA_KEY_PASSPHRASE": "correct horse",
        ]
        let configuration = try await ServerConfiguration.load(environment: environment, accessReporter: reports)
        #expect(configuration.keyPassphrase == "correct horse")
        let events = reports.events.withLock { $0 }
        let secretKeys = Key.allCases.filter(\.isSecret).map { AbsoluteConfigKey($0.configKey) }
        #expect(Set(secretKeys).isSubset(of: Set(events.map(\.metadata.key))))
        for event in events {
            #expect(!"\(event)".contains("hunter2"), "\(event)")
            #expect(!"\(event)".contains("correct horse"), "\(event)")
            if secretKeys.contains(event.metadata.key), case .success(let value?) = event.result {
                #expect(value.isSecret)
            }
        }
    }

    @Test("kura serve refuses a bad value before touching the data folder", .enabled(if: KuraBinary.isAvailable))
    func serveCommand() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let data = folder.file("data")
        let port = try await ChildProcess.run(try KuraBinary.path(), ["serve", "--data", data, "--port", "70000"])
        #expect(port.status != 0)
        #expect(port.error.contains("http.port"), "\(port.error)")
        let interval = try await ChildProcess.run(
            try KuraBinary.path(),
            ["serve", "--data", data],
            environment: ["KURA_LEDGER_CHECKPOINT_INTERVAL_MS": "-5"]
        )
        #expect(interval.status != 0)
        #expect(interval.error.contains("ledger.checkpointIntervalMs"), "\(interval.error)")
        #expect(!FileManager.default.fileExists(atPath: data))
    }

    /// Writes `values` as a JSON file, each dotted key nested (`http.port` → `{"http": {"port": …}}`).
    static func write(_ values: [Key: ConfigContent], to path: String) throws {
        var object: [String: Any] = [:]
        for (key, content) in values {
            let value: Any =
                switch content {
                case .int(let number): number
                case .bool(let flag): flag
                default: text(content)
                }
            let parts = key.rawValue.split(separator: ".").map(String.init)
            if parts.count == 1 {
                object[parts[0]] = value
            } else {
                var group = object[parts[0]] as? [String: Any] ?? [:]
                group[parts[1]] = value
                object[parts[0]] = group
            }
        }
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    }

    /// The value as an environment variable would hold it.
    static func text(_ content: ConfigContent) -> String {
        switch content {
        case .string(let string): string
        case .int(let number): String(number)
        case .bool(let flag): String(flag)
        default: "\(content)"
        }
    }
}
