import Crypto
import Foundation
import KuraCore
import KuraStore
import Logging

/// What `kura import` loaded and proved.
public struct ImportResult: Sendable {
    /// The restore of the export's snapshot.
    public var restore: RestoreResult
    /// Versions whose exported hash was compared with the loaded record.
    public var versionsCompared: Int
    /// The exported log size that the loaded log was proved consistent with.
    public var exportedLogSize: UInt64
}

/// `kura import` (REC-5): loads an export into a new, empty Kura and proves that the record
/// hashes and the log match the open part — every file's SHA-256 against the export's
/// manifest, the loaded log consistent with the exported checkpoint, and every exported
/// version's committed hash and leaf index equal to the loaded record's.
public enum ExportImporter {
    /// Imports the export at `folder` into `dataDirectory` (and the database at `databaseURL`).
    public static func importExport(
        from folder: String,
        recoveryKey: RecoveryKey,
        dataDirectory: String,
        databaseURL: String?,
        keyPassphrase: String? = nil,
        logger: Logger
    ) async throws -> ImportResult {
        guard let manifestData = FileManager.default.contents(atPath: "\(folder)/manifest.json") else {
            throw BackupError.incomplete(folder)
        }
        let manifest = try JSONDecoder().decode(ExportManifest.self, from: manifestData)
        guard manifest.format == "kura-export-1" else {
            throw BackupError.unsupported("export format \(manifest.format)")
        }
        for (path, expected) in manifest.files.sorted(by: { $0.key < $1.key }) {
            guard let bytes = FileManager.default.contents(atPath: "\(folder)/\(path)") else {
                throw BackupError.fileMissing(path)
            }
            guard LogHash(SHA256.hash(data: bytes)).hex == expected else { throw BackupError.fileChanged(path) }
        }
        let restore = try await BackupRestorer.restore(
            from: "\(folder)/\(ExportFiles.snapshotFolder)", recoveryKey: recoveryKey, dataDirectory: dataDirectory,
            databaseURL: databaseURL, logger: logger)
        let checkpoint = try PrivateFile.read(at: "\(folder)/ledger/checkpoint.txt", maxBytes: 1 << 16)
        let (identity, keys) = try LogIdentity.load(
            dataDirectory: dataDirectory, keyFile: nil, passphrase: keyPassphrase)
        let verifier = try identity.signer(keys: keys).verifier
        let compared = try await StoreFactory.withStore(
            dataDirectory: dataDirectory, databaseURL: databaseURL, migrate: false, logger: logger
        ) { store in
            _ = try await LogAuditor(store: store, verifier: verifier).verifyConsistency(from: checkpoint)
            return try await compareVersions(in: folder, manifest: manifest, with: store)
        }
        return ImportResult(restore: restore, versionsCompared: compared, exportedLogSize: manifest.checkpointSize)
    }

    /// Every exported version against the loaded one.
    static func compareVersions(
        in folder: String, manifest: ExportManifest, with store: some RecordStore & LedgerStore
    ) async throws -> Int {
        var compared = 0
        for path in manifest.files.keys.sorted() where path.hasPrefix("patients/") {
            guard let data = FileManager.default.contents(atPath: "\(folder)/\(path)") else {
                throw BackupError.fileMissing(path)
            }
            let patient = try JSONDecoder().decode(ExportedPatient.self, from: data)
            var objects: [(String, [(Int64, String, String?, UInt64?)])] = [
                (patient.id, patient.versions.map { ($0.version, $0.contentSHA256, $0.reasonSHA256, $0.leafIndex) })
            ]
            for list in patient.lists {
                objects.append(
                    (list.id, list.versions.map { ($0.version, $0.contentSHA256, $0.reasonSHA256, $0.leafIndex) }))
            }
            for entry in patient.entries {
                objects.append(
                    (entry.id, entry.versions.map { ($0.version, $0.contentSHA256, $0.reasonSHA256, $0.leafIndex) }))
            }
            for (objectID, versions) in objects {
                let loaded = Dictionary(
                    try await store.versions(objectID: objectID).map { ($0.version, $0) },
                    uniquingKeysWith: { a, _ in a })
                for (number, content, reason, leafIndex) in versions {
                    guard let version = loaded[number],
                        RecordService.contentHash(version.sealedBody) == content,
                        version.sealedReason.map(RecordService.contentHash) == reason
                    else { throw BackupError.fileChanged("\(path): \(objectID) version \(number)") }
                    if let leafIndex, let leaf = version.leafID {
                        guard try await store.status(of: leaf) == .integrated(index: leafIndex) else {
                            throw BackupError.fileChanged("\(path): \(objectID) version \(number) leaf")
                        }
                    }
                    compared += 1
                }
            }
        }
        return compared
    }
}
