import Synchronization

/// A per-address limit on sign-in attempts (AUTH-5): a fixed one-minute window per client
/// address, kept in memory. Lockout protects each account; this protects the hashers and slows
/// a password spray across many accounts from one address.
public final class LoginRateLimiter: Sendable {
    struct Window {
        var start: Int64
        var count: Int
    }

    let limit: Int
    let windowMilliseconds: Int64 = 60_000
    /// Addresses kept before old windows are swept (bounded memory under a spray).
    let maximumAddresses = 100_000
    let windows = Mutex<[String: Window]>([:])

    /// Allows `attemptsPerMinute` attempts per address per minute.
    public init(attemptsPerMinute: Int) {
        self.limit = max(1, attemptsPerMinute)
    }

    /// Counts an attempt from `address` at `time`; returns nil when allowed, else the seconds
    /// until the window ends (for Retry-After).
    public func admit(_ address: String, at time: Int64) -> Int? {
        windows.withLock { windows in
            if windows.count >= maximumAddresses {
                windows = windows.filter { time - $0.value.start < windowMilliseconds }
            }
            var window = windows[address] ?? Window(start: time, count: 0)
            if time - window.start >= windowMilliseconds { window = Window(start: time, count: 0) }
            guard window.count < limit else {
                return Int((window.start + windowMilliseconds - time + 999) / 1000)
            }
            window.count += 1
            windows[address] = window
            return nil
        }
    }
}
