/// The answers of one phase of `kura-bench login-flood` and what the process used meanwhile.
struct FloodPhase {
    /// What the phase is called in the report.
    let name: String
    /// Where the flood came from; nil for the baseline (no flood).
    let source: FloodSource?
    /// Attempts sent per second.
    let rate: Int
    /// How long requests were sent.
    let seconds: Int
    /// From the first request's due time until the last answer arrived.
    let elapsed: Duration
    let outcomes: [RequestOutcome]
    /// CPU time used during the phase.
    let cpu: CPUSample
    /// `VmHWM` at the end of the phase, in bytes.
    let peakMemory: Int?

    /// The latencies of `stream`'s answers, only those with `status` when given.
    func latencies(_ stream: RequestOutcome.Stream, status: Int? = nil) -> LatencySummary? {
        LatencySummary(
            outcomes.filter { $0.stream == stream && (status == nil || $0.status == status) }.map(\.latency))
    }

    /// How many of `stream`'s requests were answered with `status`.
    func count(_ stream: RequestOutcome.Stream, status: Int) -> Int {
        outcomes.count { $0.stream == stream && $0.status == status }
    }

    /// How many of `stream`'s requests were sent.
    func sent(_ stream: RequestOutcome.Stream) -> Int {
        outcomes.count { $0.stream == stream }
    }

    /// How many of `stream`'s requests had any answer but `expected`, or none.
    func unexpected(_ stream: RequestOutcome.Stream, expected: Set<Int>) -> Int {
        outcomes.count { $0.stream == stream && !($0.status.map(expected.contains) ?? false) }
    }

    /// The 429 answers without a numeric Retry-After.
    var refusalsWithoutRetryAfter: Int {
        outcomes.count { $0.stream == .attempt && $0.status == 429 && $0.retryAfter == nil }
    }

    /// The smallest and largest Retry-After of the 429 answers.
    var retryAfterRange: ClosedRange<Int>? {
        let values = outcomes.compactMap { $0.stream == .attempt && $0.status == 429 ? $0.retryAfter : nil }
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }
}
