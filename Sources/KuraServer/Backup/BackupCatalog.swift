import Foundation
import KuraCore

/// The generations in a backup folder, read without the recovery key (`kura backup list`).
public enum BackupCatalog {
    /// One generation folder as listed.
    public struct Entry: Sendable {
        /// The folder's name (the generation id, or `<id>.partial`).
        public var name: String
        /// The folder's path.
        public var folder: String
        /// The manifest, unauthenticated (nil for an incomplete generation).
        public var manifest: BackupManifest?
        /// Whether the generation completed (renamed, with a manifest).
        public var isComplete: Bool { manifest != nil && !name.hasSuffix(BackupLayout.partialSuffix) }
        /// Sealed bytes listed in the manifest.
        public var bytes: Int64 { manifest?.files.reduce(0) { $0 + $1.byteCount } ?? 0 }
    }

    /// Every generation folder in `folder`, oldest first.
    public static func list(_ folder: String) throws -> [Entry] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        return names.compactMap { name in
            let path = "\(folder)/\(name)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                return nil
            }
            let manifest = try? readManifestBytes(path).map(BackupManifest.decodeUnauthenticated)
            guard manifest != nil || name.hasSuffix(BackupLayout.partialSuffix) else { return nil }
            return Entry(name: name, folder: path, manifest: manifest)
        }
    }

    /// `path` itself when it is a generation, else the newest complete generation inside it.
    public static func generation(at path: String) throws -> String {
        if FileManager.default.fileExists(atPath: "\(path)/\(BackupLayout.manifest)") {
            guard !path.hasSuffix(BackupLayout.partialSuffix) else { throw BackupError.incomplete(path) }
            return path
        }
        if FileManager.default.fileExists(atPath: "\(path)/\(BackupLayout.tablesFolder)") {
            throw BackupError.incomplete(path)
        }
        guard let newest = try list(path).last(where: \.isComplete) else { throw BackupError.noGeneration(path) }
        return newest.folder
    }

    /// Opens a generation's manifest with the recovery key: unwraps the generation key and
    /// checks the manifest's authenticator.
    static func open(_ generation: String, recoveryKey: RecoveryKey) throws -> (BackupManifest, GenerationKey) {
        guard let bytes = try readManifestBytes(generation) else { throw BackupError.incomplete(generation) }
        guard let mac = FileManager.default.contents(atPath: "\(generation)/\(BackupLayout.authenticator)") else {
            throw BackupError.fileMissing(BackupLayout.authenticator)
        }
        let text = String(decoding: mac, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let (manifest, key) = try BackupManifest.open(
            manifestBytes: bytes, authenticator: text, recoveryKey: recoveryKey)
        guard manifest.formatVersion == BackupManifest.currentFormatVersion else {
            throw BackupError.unsupported("manifest format \(manifest.formatVersion)")
        }
        return (manifest, key)
    }

    private static func readManifestBytes(_ generation: String) throws -> [UInt8]? {
        let path = "\(generation)/\(BackupLayout.manifest)"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try PrivateFile.read(at: path, maxBytes: 16 << 20)
    }
}
