import Foundation
import KuraCore
import KuraStore
import Logging

/// A restore drill's outcome: the evidence for the checklist (BAK-3, REC-4; checklist 3②).
public struct DrillResult: Sendable {
    /// The generation restored.
    public var generationID: String
    /// Whether every check passed.
    public var passed: Bool
    /// The first check that failed, if any (opaque: tables and counts only).
    public var failure: String?
    /// Seconds from start to end, restore included.
    public var seconds: Double
    /// Rows restored.
    public var rows: Int64
    /// Immutable rows compared with the live store.
    public var compared: Int
    /// The restored log's signed size.
    public var restoredTreeSize: UInt64
}

/// `kura drill`: proves the newest backup restores, rather than hoping it does (BAK-3).
///
/// Restores the generation into a scratch folder (SQLite, whatever the live backend), then:
/// the restored log verifies whole; the live log is consistent with the restored checkpoint
/// (a consistency proof from the live tiles); every restored version and attachment matches the
/// hashes its leaf committed to; and every row of the tables that never change (versions, the
/// access log, attachments, leaves) is in the live store unchanged. The result, pass or fail,
/// with its duration and generation, is appended to the live log as evidence, and the scratch
/// folder removed.
public enum BackupDrill {
    /// Runs a drill of the newest complete generation in `backups` against the live store.
    public static func run(
        backups: String,
        recoveryKey: RecoveryKey,
        live store: some KuraStoreBackend & SnapshotStore,
        verifier: NoteVerifier,
        scratch: String,
        logger: Logger
    ) async throws -> DrillResult {
        let started = ContinuousClock.now
        let generation = try BackupCatalog.generation(at: backups)
        let id = (try? BackupCatalog.open(generation, recoveryKey: recoveryKey).0.generationID) ?? generation
        var result = DrillResult(
            generationID: id, passed: false, failure: nil, seconds: 0, rows: 0, compared: 0, restoredTreeSize: 0)
        let target = "\(scratch)/kura-drill-\(UUID().uuidString.lowercased())"
        defer {
            try? FileManager.default.removeItem(atPath: target)
            try? FileManager.default.removeItem(atPath: target + ".restoring")
        }
        do {
            let restored = try await BackupRestorer.restore(
                from: generation, recoveryKey: recoveryKey, dataDirectory: target, databaseURL: nil, logger: logger)
            result.rows = restored.rows
            result.failure = try await check(
                restoredFolder: target, live: store, verifier: verifier, logger: logger, into: &result)
        } catch {
            result.failure = "the restore failed: \(error)"
        }
        result.passed = result.failure == nil
        let elapsed = ContinuousClock.now - started
        result.seconds = elapsed.seconds
        try await record(result, in: store)
        return result
    }

    /// The checks on a restored copy; nil when all pass.
    static func check(
        restoredFolder: String,
        live: some KuraStoreBackend & SnapshotStore,
        verifier: NoteVerifier,
        logger: Logger,
        into result: inout DrillResult
    ) async throws -> String? {
        let (digests, failure) = try await StoreFactory.withStore(
            dataDirectory: restoredFolder, databaseURL: nil, migrate: false, logger: logger
        ) { restored -> (ImmutableRowDigests, String?) in
            let log = try await LogAuditor(store: restored, verifier: verifier).verifyLog()
            if let failure = log.failure { return (ImmutableRowDigests(), "the restored log fails: \(failure)") }
            let records = try await RecordAuditor(ledger: restored, records: restored).verify()
            if let failure = records.failure { return (ImmutableRowDigests(), "the restored records fail: \(failure)") }
            guard let checkpoint = try await restored.latestCheckpoint() else {
                return (ImmutableRowDigests(), nil)
            }
            do {
                _ = try await LogAuditor(store: live, verifier: verifier).verifyConsistency(from: checkpoint.note)
            } catch {
                return (ImmutableRowDigests(), "the live log is not consistent with the restored one: \(error)")
            }
            var digests = ImmutableRowDigests()
            digests.leafLimit = Int64(checkpoint.size)
            _ = try await restored.writeSnapshot(to: &digests)
            return (digests, nil)
        }
        if let failure { return failure }
        var comparison = LiveRowComparison(restored: digests)
        _ = try await live.writeSnapshot(to: &comparison)
        result.compared = comparison.compared
        result.restoredTreeSize = UInt64(digests.leafLimit ?? 0)
        return comparison.failure
    }

    /// Appends the result to the live log: the drill's evidence.
    static func record(_ result: DrillResult, in store: some KuraStoreBackend) async throws {
        let events = LedgerEvents(clock: { Int64(Date().timeIntervalSince1970 * 1000) })
        var fields: [String: CanonicalJSON] = [
            "generation": .string(result.generationID), "result": .string(result.passed ? "pass" : "fail"),
            "milliseconds": .integer(Int64(result.seconds * 1000)), "rows": .integer(result.rows),
            "compared": .integer(Int64(result.compared)),
        ]
        if let failure = result.failure { fields["failure"] = .string(String(failure.prefix(300))) }
        let writes = try ComplianceEvidence.drill.writes(event: "backup.drill", fields: fields, events: events)
        let results = try await store.commit([WriteUnit(writes)])
        if case .failure(let error) = results.first { throw error }
    }
}
