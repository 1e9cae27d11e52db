import Foundation
import KuraCore

/// The figures of one `kura-bench login-flood` run: each phase as it ends, then the ordinary
/// requests' latency against the baseline, the flood's outcomes and the hasher's own rate.
struct LoginFloodReport {
    let backend: BenchDatabases.Backend
    let rate: Int
    let seconds: Int
    let ordinaryRate: Int
    let hashingThreads: Int
    let hashingQueueLimit: Int
    let loginLimit: Int
    var phases: [FloodPhase] = []
    /// The hasher alone, at the production cost: hashes per second.
    var hasherRate: Double?

    func printHeader() {
        print(
            "kura-bench login-flood: backend \(backend.rawValue), flood \(rate) attempts/s, \(seconds) s per phase, "
                + "ordinary \(ordinaryRate)/s GET /healthz + \(ordinaryRate)/s GET /api/v1/me/sessions")
        print(
            "  \(ProcessInfo.processInfo.activeProcessorCount) CPUs; hashing \(hashingThreads) threads, queue "
                + "\(hashingQueueLimit); login limit \(loginLimit)/min per address; started \(Date())")
    }

    func printPhase(_ phase: FloodPhase) {
        let ordinary = phase.sent(.health) + phase.sent(.sessions)
        let failed = phase.unexpected(.health, expected: [200]) + phase.unexpected(.sessions, expected: [200])
        var line = "phase \(phase.name): \(ordinary) ordinary requests (\(failed) not 200)"
        if phase.source != nil {
            line += ", \(phase.sent(.attempt)) attempts: \(phase.count(.attempt, status: 401)) × 401, "
            line += "\(phase.count(.attempt, status: 429)) × 429"
        }
        print(line + "; \(phase.cpu.summary); \(Self.memory(phase.peakMemory))")
    }

    func printSummary() {
        guard let baseline = phases.first else { return }
        let floods = Array(phases.dropFirst())
        print("")
        print("ordinary requests: latency in ms (× = ratio to the baseline)")
        var header = Self.pad("", 30) + Self.pad("baseline", 10, right: true)
        for phase in floods { header += Self.pad(phase.name, 26, right: true) + Self.pad("×", 7, right: true) }
        print(header)
        for (stream, label) in [(RequestOutcome.Stream.health, "GET /healthz"), (.sessions, "GET /api/v1/me/sessions")]
        {
            guard let base = baseline.latencies(stream, status: 200) else { continue }
            let under = floods.map { $0.latencies(stream, status: 200) }
            for (index, percentile) in ["p50", "p95", "p99", "max"].enumerated() {
                var row =
                    Self.pad(index == 0 ? label : "", 26) + Self.pad(percentile, 4) + Self.ms(base.figures[index], 10)
                for summary in under {
                    let value = summary?.figures[index]
                    row +=
                        Self.ms(value, 26)
                        + Self.pad(
                            value.map { String(format: "%.2f", $0 / base.figures[index]) } ?? "-", 7, right: true)
                }
                print(row)
            }
        }
        var failures = Self.pad("not answered 200", 30) + Self.pad("\(Self.failures(baseline))", 10, right: true)
        for phase in floods { failures += Self.pad("\(Self.failures(phase))", 26, right: true) + Self.pad("", 7) }
        print(failures)

        print("")
        print("flood: POST /api/v1/session with wrong passwords, \(rate)/s for \(seconds) s (open loop)")
        print(Self.pad("", 40) + floods.map { Self.pad($0.name, 26, right: true) }.joined())
        func row(_ label: String, _ value: (FloodPhase) -> String) {
            print(Self.pad(label, 40) + floods.map { Self.pad(value($0), 26, right: true) }.joined())
        }
        row("attempts sent") { "\($0.sent(.attempt))" }
        row("401 (password checked)") { "\($0.count(.attempt, status: 401))" }
        row("429 (refused)") { "\($0.count(.attempt, status: 429))" }
        row("429 share") {
            String(format: "%.1f %%", 100 * Double($0.count(.attempt, status: 429)) / Double(max(1, $0.sent(.attempt))))
        }
        row("other answers or no answer") { "\($0.unexpected(.attempt, expected: [401, 429]))" }
        row("429 without Retry-After") { "\($0.refusalsWithoutRetryAfter)" }
        row("Retry-After seconds (min–max)") { $0.retryAfterRange.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "-" }
        // Until the last answer, not only while sending: the queue admitted last is checked after.
        row("401 per second, until the last answer") {
            String(
                format: "%.1f (%.1f s)", Double($0.count(.attempt, status: 401)) / Self.seconds($0.elapsed),
                Self.seconds($0.elapsed))
        }
        for (status, label) in [(429, "429 latency ms p50/p95/p99/max"), (401, "401 latency ms p50/p95/p99/max")] {
            row(label) { phase in
                phase.latencies(.attempt, status: status).map { $0.figures.map(Self.short).joined(separator: "/") }
                    ?? "-"
            }
        }
        print("")
        if let hasherRate {
            print(
                String(
                    format: "hasher alone (PasswordHasher, %@, %d threads): %.1f hashes/s; at %d attempts/s at most "
                        + "%.1f %% can be checked, so at least %.1f %% are refused",
                    "\(ScryptParameters.password)", hashingThreads, hasherRate, rate,
                    min(100, 100 * hasherRate / Double(rate)), max(0, 100 - 100 * hasherRate / Double(rate))))
        }
        print("peak memory (VmHWM, whole run): \(Self.memory(PeakMemory.highWaterMark()))")
    }

    static func failures(_ phase: FloodPhase) -> Int {
        phase.unexpected(.health, expected: [200]) + phase.unexpected(.sessions, expected: [200])
    }

    static func ms(_ value: Double?, _ width: Int) -> String {
        Self.pad(value.map { String(format: "%.2f", $0) } ?? "-", width, right: true)
    }

    static func seconds(_ duration: Duration) -> Double {
        LatencySummary.milliseconds(duration) / 1000
    }

    static func short(_ value: Double) -> String {
        value < 10 ? String(format: "%.1f", value) : String(format: "%.0f", value)
    }

    /// `text` padded with spaces to `width` (on the left when `right`).
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    static func memory(_ bytes: Int?) -> String {
        bytes.map { String(format: "VmHWM %.1f MiB", Double($0) / 1_048_576) } ?? "VmHWM unknown"
    }
}
