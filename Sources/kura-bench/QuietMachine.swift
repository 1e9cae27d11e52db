import Foundation

/// Waits for the rest of the machine to go quiet before a measured phase: these two cores are
/// shared with other work (builds, test runs, PostgreSQL's autovacuum after seeding), and a
/// phase measured beside a compiler measures the compiler too.
struct QuietMachine {
    /// CPU used outside this process, in cores, below which the machine counts as quiet.
    var threshold = 0.1
    /// The longest wait before measuring anyway.
    var limit: Duration

    /// Waits until the last 3 s saw less than ``threshold`` cores busy outside this process, or
    /// ``limit`` passed; says so when it waited, and warns when it gave up.
    func wait(before phase: String) async {
        guard limit > .zero else { return }
        let start = ContinuousClock.now
        var announced = false
        while true {
            let before = CPUSample.now()
            try? await Task.sleep(for: .seconds(3))
            let used = CPUSample.now().since(before)
            let others = max(0, used.machine - used.process) / 3
            if others < threshold {
                if announced {
                    say("  (waited \(LedgerReport.seconds(start.duration(to: .now))) for a quiet machine)")
                }
                return
            }
            if start.duration(to: .now) > limit {
                say(
                    "  warning: the machine is still busy (\(String(format: "%.2f", others)) cores outside "
                        + "kura-bench); measuring \(phase) anyway")
                return
            }
            if !announced {
                say(
                    "  waiting for a quiet machine before \(phase) (\(String(format: "%.2f", others)) cores busy "
                        + "outside kura-bench)")
                announced = true
            }
        }
    }
}
