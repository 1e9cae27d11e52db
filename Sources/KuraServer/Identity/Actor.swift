import KuraStore

/// Who performs an identity action, as the ledger records it.
public enum Actor: Sendable, Equatable {
    /// A signed-in account.
    case account(id: String)
    /// The server console (`kura user …`, run by whoever holds the server's data folder).
    case console
    /// The first-administrator setup with the one-time code.
    case setup
    /// The server itself (dormancy, expiry).
    case system

    /// The name in leaf details: the account id, or a fixed word.
    var ledgerName: String {
        switch self {
        case .account(let id): id
        case .console: "console"
        case .setup: "setup"
        case .system: "system"
        }
    }

    /// The account id, when the actor is an account.
    var accountID: String? {
        if case .account(let id) = self { return id }
        return nil
    }
}
