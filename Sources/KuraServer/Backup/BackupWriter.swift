import Crypto
import Foundation
import KuraCore
import KuraStore

/// A generation written: what `kura backup` prints and the ledger records.
public struct BackupResult: Sendable {
    /// The generation's id (its folder's name).
    public var generationID: String
    /// The generation's folder.
    public var folder: String
    /// Its manifest.
    public var manifest: BackupManifest
    /// The SHA-256 of `manifest.json`, recorded in the log as the generation's fingerprint.
    public var manifestDigest: String
    /// Sealed bytes written.
    public var bytes: Int64
    /// Wall-clock seconds the backup took.
    public var seconds: Double
}

/// Writes one backup generation while the server runs (BAK-1, BAK-2, ENC-1).
///
/// The tables come from one consistent read of the store in the backend-independent row format;
/// each file is sealed with a key of its own derived from a fresh generation key, which is
/// wrapped to the offline recovery key's public half — the server can write backups but cannot
/// read them back. The manifest lists every file's size and SHA-256 and the newest signed
/// checkpoint (an anchor the auditor can keep), and is authenticated with the generation key.
public enum BackupWriter {
    /// Where the data comes from and where the generation goes.
    public struct Request: Sendable {
        /// The data folder (identity, keys, certificate).
        public var dataDirectory: String
        /// The configured key file, when the server does not use the data folder's.
        public var keyFile: String?
        /// The backup folder; each generation is a folder inside it.
        public var destination: String

        /// Creates a request.
        public init(dataDirectory: String, keyFile: String?, destination: String) {
            self.dataDirectory = dataDirectory
            self.keyFile = keyFile
            self.destination = destination
        }
    }

    /// Writes a generation of `store` into `request.destination`.
    ///
    /// On any failure (a full disk among them) the partial folder is removed as far as possible
    /// and the error thrown: a generation is complete only once renamed with its manifest.
    public static func write(
        _ request: Request,
        store: some SnapshotStore & KuraStoreBackend,
        now: Date = Date(),
        random: some RandomBytesSource = SystemRandomBytes(),
        progress: @escaping @Sendable (BackupProgress) -> Void = { _ in }
    ) async throws -> BackupResult {
        let started = ContinuousClock.now
        let recoveryKey = try RecoveryKeyFile.read(inDataFolder: request.dataDirectory)
        let identity = try InstanceIdentity.read(inDataFolder: request.dataDirectory)
        let bundle = try DataFolderBundle.collect(dataFolder: request.dataDirectory, keyFile: request.keyFile)
        if !FileManager.default.fileExists(atPath: request.destination) {
            try PrivateFile.makeFolder(at: request.destination, mode: 0o700)
        }
        let id = BackupLayout.generationID(at: now, random: random)
        let partial = "\(request.destination)/\(id)\(BackupLayout.partialSuffix)"
        let final = "\(request.destination)/\(id)"
        try PrivateFile.makeFolder(at: partial, mode: 0o700)
        do {
            try PrivateFile.makeFolder(at: "\(partial)/\(BackupLayout.tablesFolder)", mode: 0o700)
            let key = GenerationKey.generate(using: random)
            var sink = BackupTableSink(folder: partial, key: key, progress: progress)
            let summary: SnapshotSummary
            do {
                summary = try await store.writeSnapshot(to: &sink)
            } catch {
                sink.abandon()
                throw error
            }
            for file in sink.files {
                guard let table = BackupLayout.table(ofFile: file.name),
                    summary.rowCounts[table.name, default: 0] == file.rows
                else { throw BackupError.fileDamaged(file.name, reason: "its row count differs from the snapshot's") }
            }
            let folderFile = try SealedOutputFile(folder: partial, name: BackupLayout.dataFolderFile, key: key)
            try folderFile.write(bundle.encoded())
            folderFile.rows = Int64(bundle.files.count)
            let files = sink.files + [try folderFile.finish()]
            let manifest = BackupManifest(
                generationID: id,
                createdAt: Int64(now.timeIntervalSince1970 * 1000),
                softwareVersion: BuildInfo.version,
                schemaVersion: summary.schemaVersion,
                sourceBackend: store.kind,
                clinicID: identity.clinicID,
                origin: identity.origin,
                checkpoint: String(decoding: summary.latestCheckpoint ?? [], as: UTF8.self),
                recoveryKeyFingerprint: recoveryKey.fingerprint,
                wrappedKey: try key.wrapped(to: recoveryKey, generationID: id),
                files: files
            )
            let manifestBytes = manifest.encoded()
            try writeSynced(manifestBytes, to: "\(partial)/\(BackupLayout.manifest)")
            try writeSynced(
                Array((manifest.authenticator(key: key) + "\n").utf8), to: "\(partial)/\(BackupLayout.authenticator)")
            try syncFolder("\(partial)/\(BackupLayout.tablesFolder)")
            try syncFolder(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: final)
            try syncFolder(request.destination)
            let bytes = files.reduce(Int64(0)) { $0 + $1.byteCount }
            let elapsed = ContinuousClock.now - started
            return BackupResult(
                generationID: id, folder: final, manifest: manifest,
                manifestDigest: LogHash(SHA256.hash(data: manifestBytes)).hex, bytes: bytes,
                seconds: elapsed.seconds
            )
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Writes `bytes` to a new file and fsyncs it.
    static func writeSynced(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw BackupError.cannotWrite(path, reason: String(cString: strerror(errno))) }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
        } catch {
            throw BackupError.writing(path, error)
        }
    }

    /// fsyncs a folder, so the names in it survive a power cut.
    static func syncFolder(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        try handle.synchronize()
    }
}
