import Foundation
import KuraCore

/// The figures of one `kura-bench ledger` run, printed as each phase ends and summed up
/// against the issue's targets at the end.
struct LedgerReport {
    let backend: BenchDatabases.Backend
    let leaves: Int
    let writers: Int
    let batch: Int
    var insert: InsertBaseline.Result?
    var append: AppendBenchmark.Result?
    var verify: (duration: Duration, report: LogVerifier.Report)?
    var hash: HashBaseline.Result?
    var read: ReadBaseline.Result?
    /// CPU time per phase (insert, append, verify, read).
    var cpu: [LedgerPhase: CPUSample] = [:]

    func printHeader(folder: String) {
        print("kura-bench ledger: backend \(backend.rawValue), \(Self.grouped(leaves)) leaves, \(writers) writers")
        print("  \(ProcessInfo.processInfo.activeProcessorCount) CPUs, started \(Date())")
        if backend == .sqlite { print("  databases in \(folder)") }
    }

    func printInsert() {
        guard let insert else { return }
        print(
            "insert baseline : \(Self.rate(leaves, insert.total)) leaves/s  "
                + "(\(Self.seconds(insert.total)), \(insert.transactions) transactions of ≤ \(batch) leaves; "
                + "\(insert.durability))  \(Self.memory())"
        )
        printCPU(.insert)
    }

    func printAppend() {
        guard let append else { return }
        let counters = append.counters
        let meanBatch = counters.commits == 0 ? 0 : Double(counters.units) / Double(counters.commits)
        print(
            "append+integrate: \(Self.rate(leaves, append.total)) leaves/s  (\(Self.seconds(append.total)) to the "
                + "covering checkpoint; last ack at \(Self.seconds(append.acknowledged)))  \(Self.memory())"
        )
        print(
            "  group commit  : \(counters.commits) commits, mean \(String(format: "%.1f", meanBatch)) units, "
                + "largest \(counters.largestBatch); \(Self.seconds(counters.commitTime)) inside commit "
                + "(mean \(Self.milliseconds(counters.commitTime, counters.commits)))"
        )
        print(
            "  checkpointer  : \(append.checkpoints) checkpoints, \(counters.integrations) integrations "
                + "\(Self.seconds(counters.integrateTime)) (mean \(Self.milliseconds(counters.integrateTime, counters.integrations))), "
                + "\(counters.pendingReads) pending reads \(Self.seconds(counters.pendingReadTime))"
        )
        printCPU(.append)
    }

    func printVerify() {
        guard let verify else { return }
        print(
            "verify log      : \(Self.rate(leaves, verify.duration)) leaves/s  (\(Self.seconds(verify.duration)), "
                + "\(verify.report.checkpoints) checkpoints checked)  \(Self.memory())"
        )
        printCPU(.verify)
    }

    func printRead() {
        guard let read else { return }
        print(
            "read baseline   : \(Self.rate(leaves, read.total)) leaves/s  (\(Self.seconds(read.total)), every row read "
                + "and hashed: \(Self.grouped(read.hashes)) SHA-256)  \(Self.memory())"
        )
        printCPU(.read)
    }

    func printHash() {
        guard let hash else { return }
        let megabytes = Double(hash.bytes) / 1_000_000 / Self.double(hash.total)
        print(
            "hash baseline   : \(Self.rate(leaves, hash.total)) leaves/s  (\(Self.seconds(hash.total)), "
                + "\(Self.grouped(hash.hashes)) SHA-256, \(String(format: "%.0f", megabytes)) MB/s)  \(Self.memory())"
        )
    }

    func printCPU(_ phase: LedgerPhase) {
        if let sample = cpu[phase] { print("  \(sample.summary)") }
    }

    func printSummary() {
        let peakMB = Double(PeakMemory.highWaterMark() ?? 0) / 1_048_576
        print("")
        print("summary (\(backend.rawValue), \(Self.grouped(leaves)) leaves, \(writers) writers)")
        if let insert, let append {
            Self.line("append+integrate", leaves, append.total, "insert baseline", insert.total, target: 0.5)
        }
        if let verify, let hash {
            Self.line("verify log", leaves, verify.duration, "SHA-256 baseline", hash.total, target: 0.5)
        }
        if let verify, let read {
            // For comparison only: the issue's target is the SHA-256 baseline.
            Self.line("verify log", leaves, verify.duration, "read+hash base.", read.total, target: nil)
        }
        let verdict = peakMB < 200 ? "met" : "MISSED"
        print(
            "  \("peak memory".padding(toLength: 17, withPad: " ", startingAt: 0)) "
                + "\(String(format: "%9.1f", peakMB)) MiB (VmHWM at the end of the run)  target < 200 MiB: \(verdict)"
        )
    }

    static func line(
        _ name: String, _ leaves: Int, _ time: Duration, _ baseName: String, _ baseTime: Duration, target: Double?
    ) {
        let ratio = double(baseTime) / double(time)
        let verdict =
            target.map { "  target ≥ \(Int($0 * 100))%: \(ratio >= $0 ? "met" : "MISSED")" } ?? "  (no target)"
        print(
            "  \(name.padding(toLength: 17, withPad: " ", startingAt: 0)) \(rate(leaves, time).leftPadded(9)) leaves/s"
                + " vs \(baseName) \(rate(leaves, baseTime).leftPadded(9)): \(String(format: "%5.1f", ratio * 100))%"
                + verdict
        )
    }

    static func double(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func rate(_ count: Int, _ duration: Duration) -> String {
        grouped(Int((Double(count) / double(duration)).rounded()))
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f s", double(duration))
    }

    static func milliseconds(_ duration: Duration, _ count: Int) -> String {
        count == 0 ? "-" : String(format: "%.2f ms", double(duration) * 1000 / Double(count))
    }

    static func memory() -> String {
        guard let peak = PeakMemory.highWaterMark() else { return "" }
        return String(format: "[VmHWM %.1f MiB]", Double(peak) / 1_048_576)
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}

extension String {
    /// The string padded with spaces on the left to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
