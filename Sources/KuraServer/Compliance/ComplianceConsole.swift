import Foundation
import KuraCore
import KuraStore
import Logging

/// `kura check`: the checklist answered from the configured store and keys, as the server
/// would answer it (issue 8, "Output"). Whoever runs it holds the data folder.
public enum ComplianceConsole {
    /// What one run produced.
    public struct Outcome: Sendable {
        /// One report per checklist file, in the bundled order (the institution form first).
        public var reports: [ChecklistReport]
        /// The log verification run first, when asked for.
        public var verification: LogVerifier.Report?
        /// The sealed printed report, when one was written.
        public var seal: ReportSeal?
    }

    /// Verifies the whole log (unless `verifyLog` is false) and records the result as evidence,
    /// then answers every bundled checklist; with `reportPath`, writes the printable report of
    /// the checklist `reportChecklist` there and seals its hash in the ledger.
    public static func check(
        configuration: ServerConfiguration, verifyLog: Bool, reportPath: String? = nil,
        reportChecklist: String = "mhlw-r7-institution", language: String = "ja", logger: Logger
    ) async throws -> Outcome {
        let folder = configuration.dataDirectory
        let (identity, keys) = try LogIdentity.load(
            dataDirectory: folder, keyFile: configuration.keyFile, passphrase: configuration.keyPassphrase)
        let verifier = try identity.signer(keys: keys).verifier
        return try await StoreFactory.withStore(
            dataDirectory: folder, databaseURL: configuration.databaseURL, migrate: false, logger: logger
        ) { store in
            let identityService = try IdentityConsole.service(
                store: store, configuration: configuration, keys: keys, logger: logger)
            let records = IdentityConsole.recordService(
                store: store, identity: identityService, keys: keys, verifier: verifier, logger: logger)
            let service = ComplianceService(records: records, store: store)
            var verification: LogVerifier.Report?
            if verifyLog {
                let report = try await LogAuditor(store: store, verifier: verifier).verifyLog()
                try await service.recordVerification(report)
                verification = report
            }
            let check = try ComplianceCheck(
                service: service,
                settings: ComplianceSettings(configuration, guessableWordCount: identityService.dictionary?.count ?? 0))
            let reports = try await check.reports()
            var seal: ReportSeal?
            if let reportPath {
                guard let report = reports.first(where: { $0.checklist.id == reportChecklist }) else {
                    throw ComplianceError.notFound("checklist \(reportChecklist)")
                }
                let html = try await service.printable(report, language: language)
                seal = try await service.seal(html, checklist: report, actor: .console)
                try Data(html).write(to: URL(fileURLWithPath: reportPath), options: .atomic)
            }
            return Outcome(reports: reports, verification: verification, seal: seal)
        }
    }

    /// Finds the sealed report whose hash `file`'s bytes have (`kura verify report`).
    public static func verifyReport(
        configuration: ServerConfiguration, file: String, logger: Logger
    ) async throws -> ReportSeal? {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw ComplianceError.notFound("the report file")
        }
        return try await StoreFactory.withStore(
            dataDirectory: configuration.dataDirectory, databaseURL: configuration.databaseURL, migrate: false,
            logger: logger
        ) { store in
            try await ReportSeal.find(sha256: ReportSeal.digest(Array(bytes)), in: store, ledger: store)
        }
    }
}
