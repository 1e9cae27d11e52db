import Synchronization

/// Conditions an operator must see at once (shown by `/healthz` and logged when raised).
public enum Alert: String, Sendable, Hashable, CaseIterable {
    /// The clock reads earlier than the last checkpoint (AUD-3); no checkpoint is sealed.
    case clockWentBack = "clock-went-back"
    /// The last scheduled backup failed (BAK-1); cleared by the next one that succeeds.
    case backupFailed = "backup-failed"
    /// Isolation mode is on (INC-3): only this machine may connect, and only to read.
    case isolated
    /// The daily verification of the whole log failed (AUD-2, 真正性): something changed the log
    /// or its records; cleared by the next verification that passes.
    case logVerificationFailed = "log-verification-failed"
}

/// The set of raised alerts, shared by the services that raise them and the routes that show
/// them.
public final class AlertBoard: Sendable {
    let raised = Mutex(Set<Alert>())

    /// Creates an empty board.
    public init() {}

    /// Raises `alert`.
    public func raise(_ alert: Alert) {
        _ = raised.withLock { $0.insert(alert) }
    }

    /// Clears `alert`.
    public func clear(_ alert: Alert) {
        _ = raised.withLock { $0.remove(alert) }
    }

    /// The raised alerts, sorted by name.
    public var current: [Alert] {
        raised.withLock { $0.sorted { $0.rawValue < $1.rawValue } }
    }
}
