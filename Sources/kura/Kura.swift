import ArgumentParser
import KuraServer

/// The `kura` command line: each command parses its options and calls a library function
/// that tests call too (STYLE 12).
@main
struct Kura: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kura",
        abstract: "Kura (蔵): a clinical record system for small clinics, with a tamper-evident log.",
        version: BuildInfo.versionText,
        subcommands: [ServeCommand.self, MigrateCommand.self, LogCommand.self, VerifyCommand.self]
    )
}
