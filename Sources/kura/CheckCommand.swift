import ArgumentParser
import Foundation
import KuraCore
import KuraServer
import Logging

/// `kura check`: the MHLW checklist answered from the system's own state (issue 8).
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Answer the MHLW cybersecurity checklist from Kura's own state; exit 1 when an automatic item fails.",
        discussion: """
            Verifies the whole log first and records the result as evidence (skip with --no-verify-log), \
            then prints every item: passed or failed with the evidence used, prefilled from a registry and \
            awaiting a person's confirmation, or answered by a person. --report FILE writes the printable \
            report (HTML, A4) and seals its SHA-256 in the ledger.
            """
    )

    /// The output form.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "text or json.") var format: Format = .text
    @Option(help: "ja or en.") var language: String = "ja"
    @Option(help: "Only this checklist (mhlw-r7-institution, mhlw-r7-vendor, guideline-v6); default: all.")
    var checklist: String?
    @Flag(inversion: .prefixedNo, help: "Verify the whole log first and record the result (default on).")
    var verifyLog = true
    @Option(help: "Write the printable report of --checklist (default mhlw-r7-institution) to this file.")
    var report: String?

    func run() async throws {
        var logger = Logger(label: "kura")
        logger.logLevel = .warning
        let configuration = try await ServerConfiguration.load(
            commandLine: database.configurationValues, environment: ProcessInfo.processInfo.environment)
        let outcome = try await ComplianceConsole.check(
            configuration: configuration, verifyLog: verifyLog, reportPath: report,
            reportChecklist: checklist ?? "mhlw-r7-institution", language: language, logger: logger)
        let reports = outcome.reports.filter { checklist == nil || $0.checklist.id == checklist }
        if let checklist, reports.isEmpty {
            throw ValidationError(
                "no checklist \(checklist); known: \(outcome.reports.map(\.checklist.id).joined(separator: ", "))")
        }
        switch format {
        case .text:
            if let verification = outcome.verification {
                print(
                    verification.failure == nil
                        ? "log verified: \(verification.leaves) leaves, signed size \(verification.signedSize)"
                        : "log verification FAILED: \(verification.failure.map { "\($0)" } ?? "")")
            }
            for report in reports {
                print("")
                print(report.text(language: language))
            }
        case .json:
            let json = CanonicalJSON.object(["checklists": .array(reports.map(\.json))])
            print(String(decoding: try json.canonicalBytes(), as: UTF8.self))
        }
        if let seal = outcome.seal, let report {
            FileHandle.standardError.write(
                Data("report written to \(report); SHA-256 \(seal.sha256) sealed in the log\n".utf8))
        }
        if reports.contains(where: \.hasFailure) || outcome.verification?.failure != nil {
            throw ExitCode(1)
        }
    }
}
