import Foundation
import KuraCore
import KuraStore
import Logging
import ServiceLifecycle

/// The scheduled backup inside `kura serve` (BAK-1, BAK-2): every day at `backup.time` (Japan
/// time) it writes a generation to `backup.directory`, keeps generations there by policy,
/// copies the new one to `backup.offlineDirectory` when set, and records the outcome in the
/// log. A failure is logged, recorded, and raised on `/healthz` until a backup succeeds.
///
/// After each backup it verifies the whole log, as `kura verify log` does, and records the
/// result as evidence (AUD-2; checklist 2⑪), so the checklist page shows a recent verification
/// without anyone running the command.
public struct BackupService: Service {
    let settings: BackupSettings
    let request: BackupWriter.Request
    let store: any KuraStoreBackend & SnapshotStore
    let writer: GroupCommitWriter
    let events: LedgerEvents
    let alerts: AlertBoard
    /// The log's verifier, for the verification after each backup.
    let verifier: NoteVerifier?
    let now: @Sendable () -> Date
    let logger: Logger

    /// Creates the service; `settings.directory` must be set.
    public init(
        settings: BackupSettings, dataDirectory: String, keyFile: String?,
        store: any KuraStoreBackend & SnapshotStore, writer: GroupCommitWriter, events: LedgerEvents,
        alerts: AlertBoard, verifier: NoteVerifier? = nil, now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) {
        self.settings = settings
        self.request = BackupWriter.Request(
            dataDirectory: dataDirectory, keyFile: keyFile, destination: settings.directory ?? "")
        self.store = store
        self.writer = writer
        self.events = events
        self.alerts = alerts
        self.verifier = verifier
        self.now = now
        self.logger = logger
    }

    /// Waits for each scheduled time and backs up, until graceful shutdown.
    public func run() async throws {
        if (try? RecoveryKeyFile.read(inDataFolder: request.dataDirectory)) == nil {
            logger.warning("scheduled backups need a recovery key: run `kura keys recovery-init`")
        }
        while !Task.isShuttingDownGracefully {
            let wait = Self.delay(from: now(), untilMinuteOfDay: settings.minuteOfDay)
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
            } catch {
                return
            }
            _ = await runOnce()
        }
    }

    /// One scheduled run: write, prune, copy offline, record. Never throws: the outcome is
    /// logged, recorded in the log and on the alert board.
    @discardableResult
    public func runOnce() async -> Result<BackupResult, any Error> {
        do {
            let (outcome, leaf) = try await BackupConsole.run(
                request, store: store, retention: settings.retention, offlineDirectory: settings.offlineDirectory,
                now: now(), scheduled: true, events: events)
            let result = outcome.result
            _ = try await writer.submit(WriteUnit(leaf))
            alerts.clear(.backupFailed)
            logger.notice(
                "backup.completed",
                metadata: ["kura.backup.generation": "\(result.generationID)", "kura.backup.bytes": "\(result.bytes)"])
            await verifyLog()
            return .success(result)
        } catch {
            alerts.raise(.backupFailed)
            logger.error("backup.failed", metadata: ["kura.error": "\(error)"])
            let failure = String("\(error)".prefix(300))
            _ = try? await writer.submit(
                WriteUnit([try events.append(kind: "backup.failed", fields: ["reason": .string(failure)])]))
            return .failure(error)
        }
    }

    /// Verifies the whole log and records the result; a failed verification is logged and raised
    /// on `/healthz` until one passes, as the integrity of the log is in doubt.
    func verifyLog() async {
        guard let verifier else { return }
        do {
            let report = try await LogAuditor(store: store, verifier: verifier).verifyLog()
            _ = try await writer.submit(
                WriteUnit(try ComplianceEvidence.verification.writes(report, events: events)))
            if let failure = report.failure {
                alerts.raise(.logVerificationFailed)
                logger.error("log.verification.failed", metadata: ["kura.failure": "\(failure)"])
            } else {
                alerts.clear(.logVerificationFailed)
            }
        } catch {
            logger.error("log.verification.unavailable", metadata: ["kura.error": "\(error)"])
        }
    }

    /// Seconds from `date` to the next `minute` after midnight in Japan time (UTC+9, no DST).
    static func delay(from date: Date, untilMinuteOfDay minute: Int) -> Double {
        let japan = date.timeIntervalSince1970 + 9 * 3600
        let secondOfDay = japan.truncatingRemainder(dividingBy: 86_400)
        var wait = Double(minute * 60) - secondOfDay
        if wait <= 0 { wait += 86_400 }
        return wait
    }
}
