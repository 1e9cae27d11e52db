import Foundation
import KuraCore
import KuraStore
import KuraStoreSQLite
import Logging

/// What `kura restore` did.
public struct RestoreResult: Sendable {
    /// The generation restored.
    public var manifest: BackupManifest
    /// The new data folder.
    public var dataDirectory: String
    /// The backend restored into ("sqlite" or "postgres").
    public var backend: String
    /// Rows loaded.
    public var rows: Int64
    /// Wall-clock seconds the restore took.
    public var seconds: Double
}

/// Restores a generation into a new data folder and an empty database, with the recovery key
/// (BAK-3, REC-4).
///
/// Nothing is merged: a non-empty target is refused. The data folder is built under
/// `<folder>.restoring` and renamed into place only when the database is loaded, so an
/// interrupted restore leaves no data folder Kura would start from; the database is loaded in
/// one transaction (PostgreSQL) or inside that folder (SQLite). The restored log records the
/// restore as a leaf of its own.
public enum BackupRestorer {
    /// Restores the generation at `path` (or the newest complete one inside it) into
    /// `dataDirectory`, and into the PostgreSQL database at `databaseURL` when given.
    public static func restore(
        from path: String,
        recoveryKey: RecoveryKey,
        dataDirectory: String,
        databaseURL: String?,
        logger: Logger,
        progress: @escaping @Sendable (BackupProgress) -> Void = { _ in }
    ) async throws -> RestoreResult {
        let started = ContinuousClock.now
        let generation = try BackupCatalog.generation(at: path)
        let (manifest, key) = try BackupCatalog.open(generation, recoveryKey: recoveryKey)
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: dataDirectory), !contents.isEmpty {
            throw BackupError.targetNotEmpty(dataDirectory)
        }
        let staging = dataDirectory + ".restoring"
        guard !FileManager.default.fileExists(atPath: staging) else {
            throw BackupError.targetNotEmpty("\(staging) (left by an interrupted restore: remove it first)")
        }
        guard let folderEntry = manifest.files.first(where: { $0.name == BackupLayout.dataFolderFile }) else {
            throw BackupError.fileMissing(BackupLayout.dataFolderFile)
        }
        let bundle = try DataFolderBundle.decode(
            try SealedInputFile(folder: generation, entry: folderEntry, key: key).readAll())
        try PrivateFile.makeFolder(at: staging, mode: 0o700)
        do {
            try bundle.write(into: staging)
            var source = try BackupTableSource(folder: generation, key: key, manifest: manifest, progress: progress)
            if databaseURL == nil {
                // SQLite: a new file in the staging folder, loaded without a journal.
                try await SQLiteStore.bulkLoad(path: StoreFactory.sqlitePath(dataDirectory: staging), from: &source)
            }
            let backend = try await StoreFactory.withStore(
                dataDirectory: staging, databaseURL: databaseURL, migrate: databaseURL != nil, logger: logger
            ) { store in
                if databaseURL != nil {
                    do {
                        try await store.loadSnapshot(from: &source)
                    } catch let error as SnapshotError {
                        if case .targetNotEmpty(let table) = error {
                            throw BackupError.targetNotEmpty("database (\(table))")
                        }
                        throw error
                    }
                }
                let events = LedgerEvents(clock: { Int64(Date().timeIntervalSince1970 * 1000) })
                let restored = try events.append(
                    kind: "backup.restored",
                    fields: [
                        "generation": .string(manifest.generationID), "source_backend": .string(manifest.sourceBackend),
                    ])
                let results = try await store.commit([WriteUnit([restored])])
                if case .failure(let error) = results.first { throw error }
                return store.kind
            }
            try BackupWriter.syncFolder(staging)
            if FileManager.default.fileExists(atPath: dataDirectory) {
                try FileManager.default.removeItem(atPath: dataDirectory)
            }
            try FileManager.default.moveItem(atPath: staging, toPath: dataDirectory)
            try BackupWriter.syncFolder(PrivateFile.parentFolder(of: dataDirectory))
            let rows = manifest.files.filter { BackupLayout.table(ofFile: $0.name) != nil }.reduce(0) { $0 + $1.rows }
            let elapsed = ContinuousClock.now - started
            return RestoreResult(
                manifest: manifest, dataDirectory: dataDirectory, backend: backend, rows: rows,
                seconds: elapsed.seconds
            )
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }
}
