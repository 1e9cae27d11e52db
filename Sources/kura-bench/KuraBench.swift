import ArgumentParser

/// `kura-bench`: release-build benchmarks of Kura's hot paths (never part of `scripts/test`).
///
/// Run as `swift run -c release kura-bench ledger --backend sqlite`; BENCHMARKS.md records the
/// figures and what they mean.
@main
struct KuraBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kura-bench",
        abstract: "Benchmarks of Kura's ledger and clinical records against raw baselines, and of password hashing.",
        subcommands: [
            LedgerCommand.self, PasswordCommand.self, LoginFloodCommand.self, RecordsCommand.self,
            BackupBenchCommand.self,
        ]
    )
}
