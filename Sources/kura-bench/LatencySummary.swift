/// Nearest-rank percentiles of a set of latencies, in milliseconds.
struct LatencySummary {
    let count: Int
    let p50: Double
    let p95: Double
    let p99: Double
    let max: Double

    /// The summary of `latencies`, or nil when there are none.
    init?(_ latencies: [Duration]) {
        guard !latencies.isEmpty else { return nil }
        let sorted = latencies.map(Self.milliseconds).sorted()
        func rank(_ fraction: Double) -> Double {
            let index = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.min(sorted.count - 1, Swift.max(0, index))]
        }
        count = sorted.count
        p50 = rank(0.50)
        p95 = rank(0.95)
        p99 = rank(0.99)
        max = sorted[sorted.count - 1]
    }

    /// The four figures in the order the report prints them.
    var figures: [Double] { [p50, p95, p99, max] }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
