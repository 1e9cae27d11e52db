import Dispatch
import KuraCore
import KuraStore
import Synchronization

/// What a long backup or restore reports as it goes.
public struct BackupProgress: Sendable {
    /// The table just finished.
    public var table: String
    /// Its rows.
    public var rows: Int64
    /// Sealed bytes written or read so far in the whole generation.
    public var bytes: Int64
}

/// Seals, hashes and writes backup files on a thread of its own, so that the snapshot's thread
/// only reads and encodes: the two stages overlap on two cores. At most four 1 MiB buffers wait
/// at a time; the first failure (a full disk) stops the rest and is thrown to the snapshot.
final class SealingPipeline: Sendable {
    private let queue = DispatchQueue(label: "kura.backup.sealing")
    private let slots = DispatchSemaphore(value: 4)
    private let failure = Mutex<BackupError?>(nil)

    /// Queues `buffer` for `file`; throws an earlier buffer's failure.
    func submit(_ buffer: [UInt8], to file: SealedOutputFile) throws {
        if let error = failure.withLock({ $0 }) { throw error }
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure.withLock({ $0 }) == nil else { return }
            do {
                try file.write(buffer)
            } catch {
                let failed = error as? BackupError ?? .cannotWrite(file.name, reason: "\(error)")
                failure.withLock { $0 = failed }
            }
        }
    }

    /// Waits for `file`'s buffers, then finishes it.
    func finish(_ file: SealedOutputFile) throws -> BackupManifest.File {
        try queue.sync {
            if let error = failure.withLock({ $0 }) { throw error }
            return try file.finish()
        }
    }

    /// Waits for every queued buffer (after a failure elsewhere, before the files close).
    func drain() { queue.sync {} }
}

/// Writes each table of a snapshot to its own sealed file as the rows arrive.
struct BackupTableSink: SnapshotSink {
    let folder: String
    let key: GenerationKey
    let progress: @Sendable (BackupProgress) -> Void
    private let pipeline = SealingPipeline()
    private(set) var files: [BackupManifest.File] = []
    private var current: (file: SealedOutputFile, encoder: PortableRowEncoder)?
    private var buffer: [UInt8] = []
    private var index = 0
    private var written: Int64 = 0

    init(folder: String, key: GenerationKey, progress: @escaping @Sendable (BackupProgress) -> Void) {
        self.folder = folder
        self.key = key
        self.progress = progress
    }

    mutating func begin(_ table: PortableTable) throws {
        index += 1
        let file = try SealedOutputFile(folder: folder, name: BackupLayout.tableFile(index, table), key: key)
        let encoder = PortableRowEncoder(table: table)
        buffer = encoder.header()
        buffer.reserveCapacity(2 << 20)
        current = (file, encoder)
    }

    mutating func write(_ row: [PortableValue]) throws {
        guard let current else { return }
        current.encoder.encode(row, into: &buffer)
        current.file.rows += 1
        if buffer.count >= 1 << 20 {
            try pipeline.submit(buffer, to: current.file)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func end(_ table: PortableTable) throws {
        guard let current else { return }
        try pipeline.submit(buffer, to: current.file)
        buffer.removeAll(keepingCapacity: true)
        let entry = try pipeline.finish(current.file)
        files.append(entry)
        written += entry.byteCount
        self.current = nil
        progress(BackupProgress(table: table.name, rows: entry.rows, bytes: written))
    }

    /// Closes a file left open by a failure, once its queued buffers are done.
    func abandon() {
        pipeline.drain()
        current?.file.abandon()
    }
}

/// Hands a restore each table's rows from its sealed file, checking the file's hash, its chunks
/// and its row count against the manifest.
struct BackupTableSource: SnapshotSource {
    let folder: String
    let key: GenerationKey
    let entries: [String: BackupManifest.File]
    let progress: @Sendable (BackupProgress) -> Void
    private var current: (name: String, file: SealedInputFile, decoder: PortableRowDecoder)?
    private var read: Int64 = 0

    init(
        folder: String, key: GenerationKey, manifest: BackupManifest,
        progress: @escaping @Sendable (BackupProgress) -> Void
    ) throws {
        self.folder = folder
        self.key = key
        self.progress = progress
        var entries: [String: BackupManifest.File] = [:]
        for file in manifest.files {
            if let table = BackupLayout.table(ofFile: file.name) { entries[table.name] = file }
        }
        for table in PortableSchema.tables where entries[table.name] == nil {
            throw BackupError.unsupported("the manifest lists no file for table \(table.name)")
        }
        self.entries = entries
    }

    nonisolated(nonsending) mutating func nextRows(of table: PortableTable) async throws -> [[PortableValue]]? {
        if current?.name != table.name {
            guard let entry = entries[table.name] else { throw BackupError.fileMissing(table.name) }
            current = (
                table.name, try SealedInputFile(folder: folder, entry: entry, key: key),
                PortableRowDecoder(table: table)
            )
        }
        guard var reading = current else { return nil }
        defer { current = reading }
        while true {
            guard let plaintext = try reading.file.next() else {
                do {
                    try reading.decoder.finish()
                } catch {
                    throw BackupError.fileDamaged(reading.file.entry.name, reason: error.description)
                }
                guard reading.decoder.rowCount == reading.file.entry.rows else {
                    throw BackupError.fileDamaged(
                        reading.file.entry.name, reason: "it holds another number of rows than the manifest lists")
                }
                read += reading.file.entry.byteCount
                progress(BackupProgress(table: table.name, rows: reading.decoder.rowCount, bytes: read))
                return nil
            }
            let rows: [[PortableValue]]
            do {
                rows = try reading.decoder.feed(plaintext)
            } catch {
                throw BackupError.fileDamaged(reading.file.entry.name, reason: error.description)
            }
            if !rows.isEmpty { return rows }
        }
    }
}
