import Crypto
import Foundation
import KuraCore
import KuraStore
import Logging

/// What `kura export` wrote.
public struct ExportSummary: Sendable {
    /// The export folder.
    public var folder: String
    /// Patients, record versions and attachments written in the open format.
    public var patients: Int
    /// See ``patients``.
    public var versions: Int
    /// See ``patients``.
    public var attachments: Int
    /// Leaves of the log exported (the signed size at export time).
    public var leaves: UInt64
    /// The sealed snapshot's generation id (what `kura import` loads).
    public var generationID: String
    /// The SHA-256 of the export's `manifest.json`, recorded in the log.
    public var manifestDigest: String
}

/// `kura export` (REC-5, EXT-5: vendor exit): everything the clinic owns, in an open,
/// documented format that needs no Kura to read, and a sealed snapshot that `kura import` loads
/// into a new Kura with the same record hashes and the same log.
///
/// The open part is written first, then the snapshot: versions, leaves and the access log only
/// grow, so every exported version is in the snapshot, and the exported checkpoint is a prefix
/// of the snapshot's log (`kura import` proves both). The export holds PHI in the clear: the
/// folder is private to the service account, and README tells the clinic to keep it on
/// encrypted media.
public enum ExportWriter {
    /// Writes the export of the records behind `records` into `destination` (new or empty).
    static func export(
        records: RecordService,
        identity: IdentityService,
        store: some KuraStoreBackend & SnapshotStore,
        verifier: NoteVerifier,
        request: BackupWriter.Request,
        exportedBy: String,
        now: Date = Date()
    ) async throws -> ExportSummary {
        let destination = request.destination
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: destination), !contents.isEmpty {
            throw BackupError.targetNotEmpty(destination)
        }
        let staging = destination + BackupLayout.partialSuffix
        try? FileManager.default.removeItem(atPath: staging)
        try PrivateFile.makeFolder(at: staging, mode: 0o700)
        do {
            var files = ExportFiles(root: staging)
            guard let checkpoint = try await store.latestCheckpoint() else {
                throw BackupError.unsupported("the log has no checkpoint yet; start the server once")
            }
            let counts = try await writePatients(records: records, store: store, into: &files)
            try files.writeJSON(try await identity.listAccounts(), to: "accounts.json")
            try await writeAccessLog(store, into: &files)
            try await writeLedger(store, size: checkpoint.size, note: checkpoint.note, verifier: verifier, into: &files)
            try files.write(Array(ExportReadme.text.utf8), to: "README.md")
            // The sealed snapshot last: it holds everything above and more.
            let snapshot = try await BackupWriter.write(
                BackupWriter.Request(
                    dataDirectory: request.dataDirectory, keyFile: request.keyFile,
                    destination: "\(staging)/\(ExportFiles.snapshotFolder)"),
                store: store, now: now)
            let manifest = ExportManifest(
                format: "kura-export-1", exportedAt: Int64(now.timeIntervalSince1970 * 1000), exportedBy: exportedBy,
                softwareVersion: BuildInfo.version, checkpointSize: checkpoint.size,
                snapshotGeneration: snapshot.generationID, patients: counts.patients, versions: counts.versions,
                attachments: counts.attachments, files: files.written)
            let manifestBytes = try ExportFiles.encoder.encode(manifest)
            try BackupWriter.writeSynced(Array(manifestBytes), to: "\(staging)/manifest.json")
            try BackupWriter.syncFolder(staging)
            if FileManager.default.fileExists(atPath: destination) {
                try FileManager.default.removeItem(atPath: destination)
            }
            try FileManager.default.moveItem(atPath: staging, toPath: destination)
            return ExportSummary(
                folder: destination, patients: counts.patients, versions: counts.versions,
                attachments: counts.attachments, leaves: checkpoint.size, generationID: snapshot.generationID,
                manifestDigest: LogHash(SHA256.hash(data: manifestBytes)).hex)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    private static func writePatients(
        records: RecordService, store: some RecordStore, into files: inout ExportFiles
    ) async throws -> (patients: Int, versions: Int, attachments: Int) {
        var counts = (patients: 0, versions: 0, attachments: 0)
        var after: String?
        while true {
            let page = try await store.patients(after: after, limit: 500)
            for patient in page {
                let (exported, attachments) = try await records.exported(patient)
                try files.writeJSON(exported, to: "patients/\(patient.id).json")
                for (attachment, bytes) in attachments { try files.write(bytes, to: attachment.file) }
                counts.patients += 1
                counts.versions +=
                    exported.versions.count + exported.lists.reduce(0) { $0 + $1.versions.count }
                    + exported.entries.reduce(0) { $0 + $1.versions.count }
                counts.attachments += attachments.count
            }
            guard page.count == 500, let last = page.last else { break }
            after = last.id
        }
        return counts
    }

    private static func writeAccessLog(_ store: some RecordStore, into files: inout ExportFiles) async throws {
        var lines: [UInt8] = []
        var cursor: AuditCursor?
        while true {
            let page = try await store.auditEvents(AuditQuery(before: cursor, limit: 1000))
            for event in page { lines += try JSONEncoder.sorted.encode(ExportedAccess(event)) + [0x0A] }
            guard page.count == 1000, let last = page.last else { break }
            cursor = AuditCursor(at: last.at, id: last.id)
        }
        try files.write(lines, to: "access-log.jsonl")
    }

    private static func writeLedger(
        _ store: some LedgerStore, size: UInt64, note: [UInt8], verifier: NoteVerifier, into files: inout ExportFiles
    ) async throws {
        var lines: [UInt8] = []
        var start: UInt64 = 0
        while start < size {
            let end = min(size, start + 8192)
            let batch = try await store.rows(in: start..<end)
            for row in batch {
                guard let leaf = row.leaf, let details = row.details, let salt = row.salt else {
                    throw StoreError.corrupt("the log has a gap at \(row.index)")
                }
                let line = ExportedLeaf(
                    index: row.index, leaf: Data(leaf).base64EncodedString(),
                    salt: LogHash(bytes: salt).map(\.hex) ?? Data(salt).base64EncodedString(),
                    details: String(decoding: details, as: UTF8.self))
                lines += try JSONEncoder.sorted.encode(line) + [0x0A]
            }
            start = end
        }
        try files.write(lines, to: "ledger/leaves.jsonl")
        try files.write(note, to: "ledger/checkpoint.txt")
        try files.write(Array((verifier.description + "\n").utf8), to: "ledger/verifier-key.txt")
    }
}

/// A leaf of the exported log: `ledger/leaves.jsonl`, one per line, in index order.
struct ExportedLeaf: Codable, Equatable {
    var index: UInt64
    /// The leaf's bytes, base64.
    var leaf: String
    /// The commitment's salt, hex.
    var salt: String
    /// The details the leaf commits to: canonical JSON, as text.
    var details: String
}

/// An access-log event: `access-log.jsonl`.
struct ExportedAccess: Codable, Equatable {
    var id: String
    var at: Int64
    var actor: String
    var action: String
    var access: String
    var patients: [String]

    init(_ event: AuditEvent) {
        (id, at, actor, action, access, patients) = (
            event.id, event.at, event.actor, event.action, event.access, event.patientIDs
        )
    }
}

/// `manifest.json` of an export.
struct ExportManifest: Codable, Equatable {
    var format: String
    var exportedAt: Int64
    var exportedBy: String
    var softwareVersion: String
    var checkpointSize: UInt64
    var snapshotGeneration: String
    var patients: Int
    var versions: Int
    var attachments: Int
    /// Every file of the open part: its path and hex SHA-256.
    var files: [String: String]
}

/// Writes the export's files under its root, each fsynced, and remembers their SHA-256.
struct ExportFiles {
    static let snapshotFolder = "kura-snapshot"
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }()

    let root: String
    private(set) var written: [String: String] = [:]

    init(root: String) { self.root = root }

    mutating func write(_ bytes: [UInt8], to path: String) throws {
        let full = "\(root)/\(path)"
        let folder = PrivateFile.parentFolder(of: full)
        if !FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try BackupWriter.writeSynced(bytes, to: full)
        written[path] = LogHash(SHA256.hash(data: bytes)).hex
    }

    mutating func writeJSON(_ value: some Encodable, to path: String) throws {
        try write(Array(try Self.encoder.encode(value)), to: path)
    }
}

extension JSONEncoder {
    /// Compact JSON with sorted keys, for one-line records.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
