import KuraCore

/// What the checklist needs to know of the configuration: the identity rules, where the server
/// listens and how, where backups go, and how many guessable passwords are refused.
public struct ComplianceSettings: Sendable {
    /// The identity policies in force.
    public var identity: IdentitySettings
    /// The address the server binds.
    public var host: String
    /// The port it binds.
    public var port: Int
    /// Whether it serves TLS (false only with `--insecure-http` on a loopback address).
    public var tls: Bool
    /// The backup folder, when scheduled backups are configured.
    public var backupDirectory: String?
    /// Words in the loaded guessable-password list (0 when none loaded).
    public var guessableWordCount: Int
    /// The ports the running server is bound to, when it runs (`kura check` reads the
    /// configuration only).
    public var listening: ListeningPorts?

    /// Creates the settings.
    public init(
        identity: IdentitySettings, host: String, port: Int, tls: Bool, backupDirectory: String?,
        guessableWordCount: Int
    ) {
        self.identity = identity
        self.host = host
        self.port = port
        self.tls = tls
        self.backupDirectory = backupDirectory
        self.guessableWordCount = guessableWordCount
    }

    /// The settings of a server configuration.
    public init(_ configuration: ServerConfiguration, guessableWordCount: Int) {
        self.init(
            identity: configuration.identity, host: configuration.host, port: configuration.port,
            tls: !configuration.insecureHTTP, backupDirectory: configuration.backup.directory,
            guessableWordCount: guessableWordCount)
    }
}
