import KuraCore
import KuraStore

/// Why an identity operation was refused. Cases carry fixed words and rule names only: never a
/// password, token, code, name or whether an account exists (AUTH-5, STYLE 4).
public enum IdentityError: Error, Sendable, Equatable {
    /// Wrong login, password or lock: one answer for all, so nobody learns which (401).
    case invalidCredentials
    /// The second-factor code or recovery code was not accepted (401).
    case secondFactorRejected
    /// Too many attempts from this address, or the hashers are saturated (429).
    case tooManyRequests(retryAfterSeconds: Int)
    /// The setup code is wrong, or the first administrator exists already (403).
    case setupUnavailable
    /// The new password breaks a rule (422).
    case passwordRefused(PasswordRefusal)
    /// A field is missing or malformed; the text names the field, never its value (400).
    case invalidInput(String)
    /// Not signed in, or the session ended (401).
    case notSignedIn
    /// The session must finish a sign-in stage first (403).
    case stageRequired(SignInStage)
    /// The access decision denied the action (403).
    case forbidden(String)
    /// The action needs the password again (403).
    case reauthenticationRequired
    /// The item does not exist, or the caller may not know it does (404).
    case notFound(String)
    /// Somebody else changed it first (409).
    case conflict(String)
    /// The database failed (503).
    case unavailable(String)
}

extension IdentityError: CustomStringConvertible {
    /// A message fit for logs; it names no secret and no account.
    public var description: String {
        switch self {
        case .invalidCredentials: "sign-in refused"
        case .secondFactorRejected: "second factor rejected"
        case .tooManyRequests(let seconds): "too many requests; retry after \(seconds) s"
        case .setupUnavailable: "setup code invalid or already used"
        case .passwordRefused(let rule): "password refused: \(rule)"
        case .invalidInput(let field): "invalid input: \(field)"
        case .notSignedIn: "not signed in"
        case .stageRequired(let stage): "sign-in stage required: \(stage.rawValue)"
        case .forbidden(let reason): "forbidden: \(reason)"
        case .reauthenticationRequired: "re-authentication required"
        case .notFound(let what): "not found: \(what)"
        case .conflict(let what): "conflict: \(what)"
        case .unavailable(let what): "unavailable: \(what)"
        }
    }

    /// The error a failed submission becomes.
    static func from(_ error: GroupCommitWriter.SubmitError) -> IdentityError {
        switch error {
        case .rejected(.conflict(let what)): .conflict(what)
        case .rejected(.constraintViolation(let what)): .conflict(what)
        case .rejected(.notFound(let what)): .notFound(what)
        case .rejected(let store), .batchFailed(let store): .unavailable(store.description)
        case .shuttingDown: .unavailable("the server is shutting down")
        }
    }
}
