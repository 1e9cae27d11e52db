/// The outcome of checking a TOTP code (MFA-1): what the caller records and tells the user.
public enum TOTPVerification: Equatable, Sendable {
    /// The code matched `step`; the caller MUST store `step` as the account's last accepted step in the
    /// same write that completes the sign-in, so the code cannot be used again.
    case accepted(step: Int64)
    /// The code matched, but only a step at or before the last accepted one: a replay (or a second sign-in
    /// within the same 30 seconds), refused like a wrong code.
    case replayed
    /// The code is malformed or matches no step in the window.
    case rejected
}
