import Foundation

/// The figures of one `kura-bench records` run, printed as each phase ends and summed up
/// against issue 4's targets at the end, every Kura figure beside its raw baseline.
struct RecordsReport {
    let backend: BenchDatabases.Backend
    let patients: Int
    let versions: Int
    let clients: Int
    let readers: Int
    let seconds: Int
    let teamShare: Int

    /// A latency or throughput figure of Kura beside its baseline, by caller count.
    struct Pair {
        var kura: ClosedLoop.Result?
        var baseline: ClosedLoop.Result?
    }

    var chart: [Int: Pair] = [:]
    var search: [Int: ClosedLoop.Result] = [:]
    /// `careTeamPatients(accountID:)` and the set built from it, alone: the part of every search
    /// that grows with the care team.
    var teamRead: ClosedLoop.Result?
    var index: (build: Duration, latencies: [Duration], found: Int)?
    var linear: (latencies: [Duration], found: Int)?
    var sorted: (latencies: [Duration], found: Int)?
    /// Each page of the web UI, one caller, in the order measured.
    var pages: [(name: String, result: ClosedLoop.Result)] = []
    /// The static file's round trip, the pages' floor.
    var pageBaseline: ClosedLoop.Result?
    var writes: EntryWriteLoad.Result?
    var writeBaseline: ClosedLoop.Result?
    var seedingPeak: Int?
    var servingPeak: Int?

    func printHeader(folder: String) {
        say(
            "kura-bench records: backend \(backend.rawValue), \(grouped(patients)) patients, "
                + "\(grouped(versions)) entry versions, \(clients) HTTP clients, \(readers) concurrent readers, "
                + "\(seconds) s per phase, \(teamShare) % of patients on the physician's care team")
        say("  \(ProcessInfo.processInfo.activeProcessorCount) CPUs, started \(Date())")
        if backend == .sqlite { say("  data folder in \(folder)") }
    }

    func printSeeding(_ seeded: RecordsSeeder.Result, cpu: CPUSample) {
        let patientRate = Double(patients) / LatencySummary.seconds(seeded.patientTime)
        let entryRate = Double(versions) / LatencySummary.seconds(seeded.entryTime)
        say(
            "seeding         : \(grouped(patients)) patients with 3 lists each in "
                + "\(LedgerReport.seconds(seeded.patientTime)) (\(grouped(Int(patientRate))) patients/s); "
                + "\(grouped(versions)) finalized entries in \(LedgerReport.seconds(seeded.entryTime)) "
                + "(\(grouped(Int(entryRate))) entries/s); \(grouped(seeded.commits)) commits of "
                + "\(grouped(seeded.units)) units  \(LedgerReport.memory())")
        say("  \(cpu.summary)")
    }

    func printIntegration(_ duration: Duration, size: UInt64?, cpu: CPUSample) {
        say(
            "integration     : the log signed at \(grouped(Int(size ?? 0))) leaves; the last integrateNow "
                + "took \(LedgerReport.seconds(duration)) after seeding  \(LedgerReport.memory())")
        say("  \(cpu.summary)")
    }

    func printRestart(_ duration: Duration, loaded: Int) {
        say(
            "restart         : the patient index of \(grouped(loaded)) patients loaded "
                + "\(LedgerReport.seconds(duration)) after start  \(LedgerReport.memory())")
    }

    func printLoop(_ name: String, _ result: ClosedLoop.Result, cpu: CPUSample, unit: String = "ops/s") {
        let summary = LatencySummary(result.latencies)
        say(
            "\(name.padding(toLength: 34, withPad: " ", startingAt: 0)): \(Self.figures(summary)) ms "
                + "(p50/p95/p99/max), \(grouped(Int(result.rate))) \(unit), \(grouped(result.latencies.count)) done, "
                + "\(result.failures) failed  \(LedgerReport.memory())")
        say("  \(cpu.summary)")
    }

    func printSearchAlone() {
        guard let index, let linear, let sorted else { return }
        say(
            "index alone     : \(Self.figures(LatencySummary(index.latencies))) ms (p50/p95/p99/max) over "
                + "\(grouped(index.latencies.count)) queries, \(grouped(index.found)) ids; built in "
                + "\(LedgerReport.seconds(index.build))")
        say(
            "linear scan     : \(Self.figures(LatencySummary(linear.latencies))) ms, \(grouped(linear.found)) ids")
        say(
            "sorted array    : \(Self.figures(LatencySummary(sorted.latencies))) ms, \(grouped(sorted.found)) ids")
    }

    func printWrites() {
        guard let writes else { return }
        let statuses = writes.statuses.sorted { $0.key < $1.key }.map { "\($0.key): \(grouped($0.value))" }
            .joined(separator: ", ")
        say(
            "  answers: \(statuses); \(writes.unanswered) unanswered; \(grouped(Int(writes.created))) created/s")
    }

    func printSummary() {
        say("")
        say(
            "summary (\(backend.rawValue), \(grouped(patients)) patients, \(grouped(versions)) entry versions; "
                + "latencies in ms as p50 / p95 / p99 / max)")
        for callers in chart.keys.sorted() {
            guard let pair = chart[callers] else { continue }
            let target = callers == readers ? Self.verdict(pair.kura, below: 20) : "(no target)"
            line(
                "chart open, \(callers) caller\(callers == 1 ? "" : "s")", pair.kura, pair.baseline,
                target: "p99 < 20 ms: \(target)")
        }
        for callers in search.keys.sorted() {
            let target = callers == readers ? Self.verdict(search[callers], below: 10) : "(no target)"
            line(
                "kana search, \(callers) caller\(callers == 1 ? "" : "s")", search[callers], nil,
                target: "p99 < 10 ms: \(target)")
        }
        if let teamRead {
            say(
                "  \("  of which team set".padding(toLength: 26, withPad: " ", startingAt: 0)) "
                    + "\(Self.figures(LatencySummary(teamRead.latencies)))  (careTeamPatients(accountID:) → Set, "
                    + "1 caller)")
        }
        if let index, let linear, let sorted {
            say(
                "  \("kana index alone".padding(toLength: 26, withPad: " ", startingAt: 0)) "
                    + "\(Self.figures(LatencySummary(index.latencies)))  vs linear scan "
                    + "\(Self.figures(LatencySummary(linear.latencies))), sorted array "
                    + "\(Self.figures(LatencySummary(sorted.latencies)))")
        }
        for page in pages {
            line(
                "page: \(page.name)", page.result, pageBaseline,
                target: "p99 < 100 ms: \(Self.verdict(page.result, below: 100))")
        }
        if let writes, let writeBaseline {
            let ratio = writes.created / writeBaseline.rate
            let target =
                backend == .sqlite
                ? "≥ 5,000/s: \(writes.created >= 5000 ? "met" : "MISSED")" : "(the 5,000/s target is SQLite's)"
            say(
                "  \("entry writes, \(clients) clients".padding(toLength: 26, withPad: " ", startingAt: 0)) "
                    + "\(grouped(Int(writes.created)))/s (\(Self.figures(LatencySummary(writes.loop.latencies)))) "
                    + "vs raw inserts \(grouped(Int(writeBaseline.rate)))/s "
                    + "(\(Self.figures(LatencySummary(writeBaseline.latencies)))): "
                    + "\(String(format: "%.1f", ratio * 100)) %  \(target)")
        }
        let mib = { (bytes: Int?) in bytes.map { String(format: "%.1f MiB", Double($0) / 1_048_576) } ?? "?" }
        say(
            "  \("peak memory (VmHWM)".padding(toLength: 26, withPad: " ", startingAt: 0)) "
                + "serving \(mib(servingPeak)), seeding \(mib(seedingPeak))")
    }

    func line(_ name: String, _ kura: ClosedLoop.Result?, _ baseline: ClosedLoop.Result?, target: String) {
        guard let kura else { return }
        var text =
            "  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(Self.figures(LatencySummary(kura.latencies)))"
        if let baseline {
            text += "  vs raw \(Self.figures(LatencySummary(baseline.latencies)))"
            text += String(format: "  (%@ vs %@ /s)", grouped(Int(kura.rate)), grouped(Int(baseline.rate)))
        } else {
            text += String(format: "  (%@ /s)", grouped(Int(kura.rate)))
        }
        say(text + "  " + target)
    }

    static func verdict(_ result: ClosedLoop.Result?, below milliseconds: Double) -> String {
        guard let summary = result.flatMap({ LatencySummary($0.latencies) }) else { return "?" }
        return summary.p99 < milliseconds ? "met" : "MISSED"
    }

    /// "p50 / p95 / p99 / max" with two decimals (three below 0.1 ms, for the in-memory searches).
    static func figures(_ summary: LatencySummary?) -> String {
        guard let summary else { return "-" }
        return summary.figures.map { String(format: $0 < 0.1 ? "%.3f" : "%.2f", $0) }.joined(separator: " / ")
    }

    func grouped(_ value: Int) -> String { LedgerReport.grouped(value) }
}

extension LatencySummary {
    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double { milliseconds(duration) / 1000 }
}

/// Prints a line and flushes it at once, so that progress shows while the output goes to a
/// file (standard output is block-buffered then).
func say(_ line: String) {
    print(line)
    fflush(nil)
}
