import Foundation
import KuraCore
import KuraStore

/// What `kura backup verify` checked.
public struct BackupVerification: Sendable {
    /// The generation's manifest.
    public var manifest: BackupManifest
    /// Files checked.
    public var files: Int
    /// Sealed bytes hashed and opened.
    public var bytes: Int64
    /// Rows decoded.
    public var rows: Int64
}

/// Checks a generation without restoring it (BAK-1): the manifest opens with the recovery key
/// and is authentic, every listed file is present with its size and SHA-256, every chunk
/// decrypts, every table decodes to exactly the rows listed, and no other file lies in the
/// folder.
public enum BackupVerifier {
    /// Verifies the generation at `path` (or the newest complete one inside it).
    public static func verify(_ path: String, recoveryKey: RecoveryKey) throws -> BackupVerification {
        let generation = try BackupCatalog.generation(at: path)
        let (manifest, key) = try BackupCatalog.open(generation, recoveryKey: recoveryKey)
        let listed = Set(manifest.files.map(\.name) + [BackupLayout.manifest, BackupLayout.authenticator])
        for name in try allFiles(in: generation) where !listed.contains(name) {
            throw BackupError.unexpectedFile(name)
        }
        var bytes: Int64 = 0
        var rows: Int64 = 0
        for entry in manifest.files {
            let input = try SealedInputFile(folder: generation, entry: entry, key: key)
            if let table = BackupLayout.table(ofFile: entry.name) {
                var decoder = PortableRowDecoder(table: table)
                do {
                    while let plaintext = try input.next() { _ = try decoder.feed(plaintext) }
                    try decoder.finish()
                } catch let error as SnapshotError {
                    throw BackupError.fileDamaged(entry.name, reason: error.description)
                }
                guard decoder.rowCount == entry.rows else {
                    throw BackupError.fileDamaged(
                        entry.name, reason: "it holds another number of rows than the manifest lists")
                }
                rows += decoder.rowCount
            } else if entry.name == BackupLayout.dataFolderFile {
                _ = try DataFolderBundle.decode(try input.readAll())
            } else {
                throw BackupError.unexpectedFile(entry.name)
            }
            bytes += entry.byteCount
        }
        return BackupVerification(manifest: manifest, files: manifest.files.count, bytes: bytes, rows: rows)
    }

    /// Every regular file under `folder`, as paths relative to it.
    static func allFiles(in folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let name = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isFolder), !isFolder.boolValue
            {
                files.append(name)
            }
        }
        return files
    }
}
