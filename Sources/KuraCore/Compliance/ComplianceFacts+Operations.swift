/// The operational parts of ``ComplianceFacts``: the access log, backups, transport, the build
/// and devices.
public struct AccessLogFacts: Hashable, Sendable {
    /// Read events logged in the last ``ComplianceThresholds/readWindowDays`` days.
    public var readEventsInWindow: Int
    /// The newest read event's time, nil when none was ever logged.
    public var newestReadAt: Int64?
    /// The last `kura verify log` run, nil when it never ran.
    public var lastVerification: LogVerificationFacts?
    /// The newest signed-off review of the access log (AUD-4), nil when none was signed off.
    public var lastReviewSignOffAt: Int64?

    /// Creates the facts.
    public init(
        readEventsInWindow: Int, newestReadAt: Int64?, lastVerification: LogVerificationFacts?,
        lastReviewSignOffAt: Int64? = nil
    ) {
        self.readEventsInWindow = readEventsInWindow
        self.newestReadAt = newestReadAt
        self.lastVerification = lastVerification
        self.lastReviewSignOffAt = lastReviewSignOffAt
    }
}

/// One run of `kura verify log` (AUD-2).
public struct LogVerificationFacts: Hashable, Sendable {
    /// Whether the whole log verified.
    public var passed: Bool
    /// The tree size verified.
    public var treeSize: UInt64
    /// When the run finished.
    public var at: Int64

    /// Creates the facts.
    public init(passed: Bool, treeSize: UInt64, at: Int64) {
        self.passed = passed
        self.treeSize = treeSize
        self.at = at
    }
}

/// Backups and drills (BAK-1..3, checklist 3②).
public struct BackupFacts: Hashable, Sendable {
    /// The newest complete backup generation's time, nil when none exists.
    public var lastBackupAt: Int64?
    /// Complete generations kept.
    public var generationsKept: Int
    /// The newest copy to offline or write-once media (BAK-2), nil when none.
    public var lastOfflineCopyAt: Int64?
    /// The newest restore drill that passed, nil when none did.
    public var lastSuccessfulDrill: DrillFacts?

    /// Creates the facts.
    public init(lastBackupAt: Int64?, generationsKept: Int, lastOfflineCopyAt: Int64?, lastSuccessfulDrill: DrillFacts?)
    {
        self.lastBackupAt = lastBackupAt
        self.generationsKept = generationsKept
        self.lastOfflineCopyAt = lastOfflineCopyAt
        self.lastSuccessfulDrill = lastSuccessfulDrill
    }
}

/// A restore drill that passed (BAK-3).
public struct DrillFacts: Hashable, Sendable {
    /// When it finished.
    public var at: Int64
    /// The opaque id of the generation restored.
    public var generationID: String

    /// Creates the facts.
    public init(at: Int64, generationID: String) {
        self.at = at
        self.generationID = generationID
    }
}

/// The server's listeners (NET-1, MAL-3).
public struct TransportFacts: Hashable, Sendable {
    /// Every address the server listens on.
    public var listeners: [ListenerFacts]
    /// The TLS versions the server accepts (empty when TLS is off).
    public var tlsVersions: [TLSProtocolVersion]
    /// The ports the configuration asks for.
    public var configuredPorts: [Int]

    /// Creates the facts.
    public init(listeners: [ListenerFacts], tlsVersions: [TLSProtocolVersion], configuredPorts: [Int]) {
        self.listeners = listeners
        self.tlsVersions = tlsVersions
        self.configuredPorts = configuredPorts
    }
}

/// One listening socket.
public struct ListenerFacts: Hashable, Sendable {
    /// The bound address as configured (`0.0.0.0`, `127.0.0.1`, `::1`, `localhost`, a host name).
    public var host: String
    /// The port.
    public var port: Int
    /// Whether the listener speaks TLS.
    public var tls: Bool

    /// Creates the facts.
    public init(host: String, port: Int, tls: Bool) {
        self.host = host
        self.port = port
        self.tls = tls
    }

    /// Whether the address reaches only this machine (127.0.0.0/8, ::1, localhost).
    public var isLoopback: Bool {
        let name = host.lowercased()
        return name == "localhost" || name == "::1" || name == "[::1]" || name.hasPrefix("127.")
    }
}

/// A TLS protocol version (NET-1: 1.2 or later).
public enum TLSProtocolVersion: String, Hashable, Sendable, CaseIterable, Comparable {
    /// TLS 1.0.
    case tls10 = "TLS 1.0"
    /// TLS 1.1.
    case tls11 = "TLS 1.1"
    /// TLS 1.2.
    case tls12 = "TLS 1.2"
    /// TLS 1.3.
    case tls13 = "TLS 1.3"

    /// Orders by version.
    public static func < (lhs: TLSProtocolVersion, rhs: TLSProtocolVersion) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
