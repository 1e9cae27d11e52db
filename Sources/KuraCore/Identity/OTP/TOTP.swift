/// Time-based one-time passwords (RFC 6238) with a tolerance window and a replay guard (MFA-1).
///
/// Written here rather than taken from hummingbird-auth: its OTP type computes codes but checks only the
/// current step and keeps no record of used codes, so a code seen over a shoulder or captured by a phishing
/// proxy stays valid for the rest of its 30 seconds, and a phone whose clock is a few seconds off fails.
/// ``verify(_:at:lastAcceptedStep:)`` accepts the steps t−window…t+window (RFC 6238 §5.2 recommends at most
/// one step of clock drift) and refuses any step not later than the last accepted one, which the caller
/// stores per account: a code works at most once, and never after a newer code was used.
public struct TOTP: Sendable {
    /// The shared secret (RFC 4226 §4 R6: at least 128 bits; Kura makes 160, see ``TOTPSecret``).
    let secret: [UInt8]
    /// The time step X in seconds (RFC 6238 §4.1; 30 is what authenticator apps use).
    public let period: Int64
    /// The number of digits of a code (6…8).
    public let digits: Int
    /// The HMAC hash.
    public let algorithm: OTPAlgorithm
    /// How many steps before and after the current one are also accepted.
    public let window: Int64

    /// Creates a TOTP generator and verifier; T0 is the Unix epoch (RFC 6238 §4.1).
    public init(
        secret: [UInt8], period: Int64 = 30, digits: Int = 6, algorithm: OTPAlgorithm = .sha1, window: Int64 = 1
    ) {
        precondition(period > 0, "the TOTP period must be positive")
        precondition(HOTP.allowedDigits.contains(digits), "TOTP codes have 6 to 8 digits")
        precondition(window >= 0, "the TOTP window cannot be negative")
        self.secret = secret
        self.period = period
        self.digits = digits
        self.algorithm = algorithm
        self.window = window
    }

    /// The time step T = floor(unixSeconds / period) (RFC 6238 §4.2), rounding down also before 1970.
    public func step(at unixSeconds: Int64) -> Int64 {
        let quotient = unixSeconds / period
        return unixSeconds % period < 0 ? quotient - 1 : quotient
    }

    /// The code for the step containing `unixSeconds`.
    public func code(at unixSeconds: Int64) -> String {
        code(forStep: step(at: unixSeconds))
    }

    /// The code for time step `step` (the HOTP value with the step as counter).
    public func code(forStep step: Int64) -> String {
        HOTP.code(secret: secret, counter: UInt64(bitPattern: step), digits: digits, algorithm: algorithm)
    }

    /// Checks `code` at `unixSeconds` against the window and the account's last accepted step.
    ///
    /// The code must be exactly ``digits`` ASCII digits (the caller strips spaces first). Every step in the
    /// window is computed and compared in constant time, without stopping at a match, so the time taken
    /// does not tell which step (if any) matched. Of the matching steps, the earliest one after
    /// `lastAcceptedStep` is accepted; if all matches are at or before it, the code is a replay.
    public func verify(_ code: String, at unixSeconds: Int64, lastAcceptedStep: Int64?) -> TOTPVerification {
        let candidate = Array(code.utf8)
        guard candidate.count == digits,
            candidate.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return .rejected }
        let current = step(at: unixSeconds)
        var matched = false
        var accepted: Int64?
        for offset in -window...window {
            let (step, overflow) = current.addingReportingOverflow(offset)
            // Steps before 1970 or past Int64 cannot be a real authenticator's time: skip them.
            guard !overflow, step >= 0 else { continue }
            let equal = ConstantTime.equal(Array(self.code(forStep: step).utf8), candidate)
            matched = matched || equal
            let isNew = lastAcceptedStep.map { step > $0 } ?? true
            if equal, isNew, accepted == nil { accepted = step }
        }
        if let accepted { return .accepted(step: accepted) }
        return matched ? .replayed : .rejected
    }
}

extension TOTP: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The parameters only; the secret is never printed.
    public var description: String {
        "TOTP(period: \(period), digits: \(digits), algorithm: \(algorithm), window: \(window))"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the secret, so `dump` cannot print it.
    public var customMirror: Mirror {
        Mirror(self, children: ["period": period, "digits": digits, "algorithm": algorithm, "window": window])
    }
}
