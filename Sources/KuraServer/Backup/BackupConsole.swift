import Foundation
import KuraCore
import KuraStore
import Logging

/// `kura backup` from the server console: writes a generation of the configured store, records
/// it in the log, and keeps generations by policy (BAK-1, BAK-2).
public enum BackupConsole {
    /// What one `kura backup` run did.
    public struct Outcome: Sendable {
        /// The generation written.
        public var result: BackupResult
        /// Generations removed by the retention policy.
        public var pruned: [String]
    }

    /// Writes a generation to `destination`; with `retention`, removes the complete generations
    /// the policy no longer keeps and the partial folders of failed runs. An offline or
    /// write-once target is written with `retention` nil: Kura never deletes there.
    public static func backup(
        dataDirectory: String,
        databaseURL: String?,
        keyFile: String?,
        destination: String,
        retention: BackupRetention?,
        logger: Logger,
        progress: @escaping @Sendable (BackupProgress) -> Void = { _ in }
    ) async throws -> Outcome {
        try await StoreFactory.withStore(
            dataDirectory: dataDirectory, databaseURL: databaseURL, migrate: false, logger: logger
        ) { store in
            let events = LedgerEvents(clock: { Int64(Date().timeIntervalSince1970 * 1000) })
            let (outcome, leaf) = try await run(
                BackupWriter.Request(dataDirectory: dataDirectory, keyFile: keyFile, destination: destination),
                store: store, retention: retention, offlineDirectory: nil, events: events, progress: progress)
            let results = try await store.commit([WriteUnit(leaf)])
            if case .failure(let error) = results.first { throw error }
            logger.info(
                "backup.completed",
                metadata: [
                    "kura.backup.generation": "\(outcome.result.generationID)",
                    "kura.backup.bytes": "\(outcome.result.bytes)",
                ])
            return outcome
        }
    }

    /// One backup, as the console and the schedule make it: the generation, the pruning by
    /// `retention`, the copy to `offlineDirectory`, and the `backup.completed` leaf and evidence
    /// document that record them (for the caller to commit its own way).
    static func run(
        _ request: BackupWriter.Request,
        store: some SnapshotStore & KuraStoreBackend,
        retention: BackupRetention?,
        offlineDirectory: String?,
        now: Date = Date(),
        scheduled: Bool = false,
        events: LedgerEvents,
        progress: @escaping @Sendable (BackupProgress) -> Void = { _ in }
    ) async throws -> (Outcome, [StoreWrite]) {
        let result = try await BackupWriter.write(request, store: store, now: now, progress: progress)
        let pruned =
            try retention.map { try prune(request.destination, keeping: $0, newest: result.generationID) } ?? []
        var fields: [String: CanonicalJSON] = [
            "generation": .string(result.generationID), "manifest_sha256": .string(result.manifestDigest),
            "bytes": .integer(result.bytes), "pruned": .array(pruned.map(CanonicalJSON.string)),
            // Where the generations are kept, for the checklist's count (BAK-1); a path, no PHI.
            "destination": .string(request.destination),
        ]
        if scheduled { fields["scheduled"] = .bool(true) }
        if let offlineDirectory {
            _ = try GenerationCopier.copy(result.folder, to: offlineDirectory)
            fields["offline_copy"] = .bool(true)
        }
        let writes = try ComplianceEvidence.backup.writes(event: "backup.completed", fields: fields, events: events)
        return (Outcome(result: result, pruned: pruned), writes)
    }

    /// Removes what `policy` does not keep; the generation just written is always kept.
    static func prune(_ destination: String, keeping policy: BackupRetention, newest: String) throws -> [String] {
        let entries = try BackupCatalog.list(destination)
        let complete = entries.filter(\.isComplete).compactMap { entry in
            entry.manifest.map { (id: entry.name, createdAt: $0.createdAt) }
        }
        var kept = policy.kept(complete)
        kept.insert(newest)
        var removed: [String] = []
        for entry in entries where !kept.contains(entry.name) {
            try FileManager.default.removeItem(atPath: entry.folder)
            removed.append(entry.name)
        }
        return removed
    }
}
