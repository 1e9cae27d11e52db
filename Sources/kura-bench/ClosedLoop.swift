/// Runs a fixed number of callers that each repeat one operation back to back for a while (a
/// closed loop: a caller sends its next request when the last one answered), and records the
/// latency of every operation that finished inside the window.
///
/// A closed loop measures latency at a given concurrency: with `callers` operations always in
/// flight, the figures include the queueing that many people working at once cause.
struct ClosedLoop: Sendable {
    /// What one run measured.
    struct Result: Sendable {
        /// The latency of every operation, in completion order per caller.
        var latencies: [Duration]
        /// Operations that threw (their latency is not counted).
        var failures: Int
        /// From the start until the last caller stopped.
        var elapsed: Duration

        /// Operations per second.
        var rate: Double { Double(latencies.count) / (LatencySummary.milliseconds(elapsed) / 1000) }
    }

    let callers: Int
    let duration: Duration

    /// Runs `operation` from `callers` tasks until `duration` has passed. Each caller gets its
    /// number and a generator of its own (reproducible choices, no shared state).
    func run(
        _ operation: @escaping @Sendable (_ caller: Int, _ random: inout SplitMix64) async throws -> Void
    ) async -> Result {
        let start = ContinuousClock.now
        let deadline = start + duration
        let perCaller = await withTaskGroup(of: ([Duration], Int).self) { group in
            for caller in 0..<callers {
                group.addTask {
                    var random = SplitMix64(state: 0x5EED &+ UInt64(caller) &* 0x1_0000_0001)
                    var latencies: [Duration] = []
                    var failures = 0
                    while ContinuousClock.now < deadline {
                        let begun = ContinuousClock.now
                        do {
                            try await operation(caller, &random)
                            latencies.append(begun.duration(to: .now))
                        } catch {
                            failures += 1
                        }
                    }
                    return (latencies, failures)
                }
            }
            var all: [([Duration], Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        return Result(
            latencies: perCaller.flatMap(\.0), failures: perCaller.reduce(0) { $0 + $1.1 },
            elapsed: start.duration(to: .now))
    }
}
