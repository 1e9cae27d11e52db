import Crypto
import Foundation
import KuraCore

/// One sealed backup file being written: encrypts with the generation's per-file key, hashes the
/// sealed bytes for the manifest, and fsyncs at the end.
///
/// Used by one thread at a time: the ``SealingPipeline``'s queue, which hands it over in order.
final class SealedOutputFile: @unchecked Sendable {
    let name: String
    private let handle: FileHandle
    private var writer: SealedFileWriter
    private var hasher = SHA256()
    private(set) var byteCount: Int64 = 0
    var rows: Int64 = 0

    /// Creates `folder/name` (which must not exist), readable by the service account only.
    init(folder: String, name: String, key: GenerationKey) throws {
        let path = "\(folder)/\(name)"
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw BackupError.cannotWrite(name, reason: String(cString: strerror(errno))) }
        self.name = name
        self.handle = handle
        self.writer = SealedFileWriter(key: key, fileName: name)
    }

    /// Seals and writes `plaintext` (buffered into whole chunks by the writer).
    func write(_ plaintext: some Collection<UInt8>) throws {
        try emit(writer.append(plaintext))
    }

    /// Writes the final chunk, fsyncs, closes, and describes the file for the manifest.
    func finish() throws -> BackupManifest.File {
        try emit(writer.finish())
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw BackupError.writing(name, error)
        }
        return BackupManifest.File(
            name: name, byteCount: byteCount, sha256: LogHash(hasher.finalize()).hex, rows: rows)
    }

    /// Closes without finishing (after a failure; the generation stays partial).
    func abandon() { try? handle.close() }

    private func emit(_ sealed: [UInt8]) throws {
        guard !sealed.isEmpty else { return }
        hasher.update(data: sealed)
        do {
            try handle.write(contentsOf: sealed)
        } catch {
            throw BackupError.writing(name, error)
        }
        byteCount += Int64(sealed.count)
    }
}

/// One sealed backup file being read: checks its size and SHA-256 against the manifest and
/// opens its chunks, naming the file in every error.
final class SealedInputFile {
    let entry: BackupManifest.File
    private let handle: FileHandle
    private var reader: SealedFileReader
    private var hasher = SHA256()
    private var byteCount: Int64 = 0
    private var done = false
    static let readSize = 1 << 20

    init(folder: String, entry: BackupManifest.File, key: GenerationKey) throws {
        let path = "\(folder)/\(entry.name)"
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BackupError.fileMissing(entry.name) }
        self.entry = entry
        self.handle = handle
        self.reader = SealedFileReader(key: key, fileName: entry.name)
    }

    deinit { try? handle.close() }

    /// The next plaintext (possibly empty while a chunk is incomplete), or nil at the end, after
    /// the size, the hash and the final chunk were checked.
    func next() throws -> [UInt8]? {
        guard !done else { return nil }
        let data = try handle.read(upToCount: Self.readSize) ?? Data()
        if data.isEmpty {
            done = true
            guard byteCount == entry.byteCount, LogHash(hasher.finalize()).hex == entry.sha256 else {
                throw BackupError.fileChanged(entry.name)
            }
            do {
                try reader.finish()
            } catch {
                throw BackupError.fileDamaged(entry.name, reason: error.description)
            }
            return nil
        }
        byteCount += Int64(data.count)
        guard byteCount <= entry.byteCount else { throw BackupError.fileChanged(entry.name) }
        hasher.update(data: data)
        do {
            return try reader.feed(data)
        } catch {
            // A chunk that fails to open is damage; report a hash mismatch as such when it is one.
            throw BackupError.fileDamaged(entry.name, reason: error.description)
        }
    }

    /// Every plaintext byte, for the small files (the data folder's).
    func readAll() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let piece = try next() { bytes += piece }
        return bytes
    }
}
