import Foundation

/// CPU time used so far by this process and by the whole machine, to tell a quiet run from
/// one that shared the two cores with something else (a build, autovacuum, the server).
struct CPUSample {
    /// User + system seconds of this process (getrusage).
    var process: Double
    /// Busy seconds of all CPUs together (/proc/stat: everything but idle and iowait).
    var machine: Double

    /// The current totals.
    static func now() -> CPUSample {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let process =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return CPUSample(process: process, machine: machineBusySeconds() ?? 0)
    }

    /// The time used between `start` and this sample.
    func since(_ start: CPUSample) -> CPUSample {
        CPUSample(process: process - start.process, machine: machine - start.machine)
    }

    /// "cpu 12.3 s in this process, 23.9 s machine-wide": what else ran is the difference.
    var summary: String {
        String(format: "cpu %.1f s in kura-bench, %.1f s machine-wide", process, machine)
    }

    static func machineBusySeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
        else { return nil }
        // user nice system idle iowait irq softirq steal …, in clock ticks (USER_HZ).
        let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard ticks.count >= 8 else { return nil }
        let busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7]
        return busy / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
