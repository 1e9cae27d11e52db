/// Why the password hasher did not hash or verify; the server maps `.busy` to 429 with Retry-After.
public enum PasswordHasherError: Error, Hashable, Sendable, CustomStringConvertible {
    /// More jobs wait than the queue allows: refused at once, try again after the given seconds.
    case busy(retryAfterSeconds: Int)
    /// The hasher is shutting down (or scrypt failed, which only a broken build could cause).
    case stopped

    /// A fixed message per case.
    public var description: String {
        switch self {
        case .busy(let seconds): "password hashing is busy; retry after \(seconds) s"
        case .stopped: "password hashing is not available"
        }
    }
}
