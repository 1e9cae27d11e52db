import Synchronization

/// A first-come, first-served lock for async code: holders may suspend while holding it.
///
/// Used where work must not interleave across suspension points (one integration at a time
/// per process), which an actor cannot promise because actors are reentrant.
final class AsyncLock: Sendable {
    struct State {
        var locked = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    let state = Mutex(State())

    /// Runs `body` while holding the lock.
    func withLock<T>(_ body: () async throws -> T) async rethrows -> T {
        await lock()
        defer { unlock() }
        return try await body()
    }

    func lock() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { state in
                if state.locked {
                    state.waiters.append(continuation)
                    return false
                }
                state.locked = true
                return true
            }
            if acquired { continuation.resume() }
        }
    }

    func unlock() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.locked = false
                return nil
            }
            // Hand the lock over directly: it stays locked.
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
