import Crypto
import Foundation
import KuraCore

/// Copies a complete generation to a second target for offline or write-once media (BAK-2):
/// under `<id>.partial` first, each file's SHA-256 checked against the manifest as it is
/// written, then fsynced, made read-only and renamed. Kura never deletes anything there.
enum GenerationCopier {
    /// Copies `generation` into `target` and returns the copy's folder.
    static func copy(_ generation: String, to target: String) throws -> String {
        let manifestBytes = try PrivateFile.read(at: "\(generation)/\(BackupLayout.manifest)", maxBytes: 16 << 20)
        let manifest = try BackupManifest.decodeUnauthenticated(manifestBytes)
        if !FileManager.default.fileExists(atPath: target) { try PrivateFile.makeFolder(at: target, mode: 0o700) }
        let final = "\(target)/\(manifest.generationID)"
        let partial = final + BackupLayout.partialSuffix
        guard !FileManager.default.fileExists(atPath: final) else { return final }
        try? FileManager.default.removeItem(atPath: partial)
        try PrivateFile.makeFolder(at: partial, mode: 0o700)
        do {
            try PrivateFile.makeFolder(at: "\(partial)/\(BackupLayout.tablesFolder)", mode: 0o700)
            for file in manifest.files {
                try copyChecked(from: "\(generation)/\(file.name)", to: "\(partial)/\(file.name)", expected: file)
            }
            for name in [BackupLayout.manifest, BackupLayout.authenticator] {
                let bytes = try PrivateFile.read(at: "\(generation)/\(name)", maxBytes: 16 << 20)
                try BackupWriter.writeSynced(bytes, to: "\(partial)/\(name)")
            }
            try BackupWriter.syncFolder("\(partial)/\(BackupLayout.tablesFolder)")
            try BackupWriter.syncFolder(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: final)
            try BackupWriter.syncFolder(target)
            try makeReadOnly(final)
            return final
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    private static func copyChecked(from source: String, to destination: String, expected: BackupManifest.File) throws {
        guard let input = FileHandle(forReadingAtPath: source) else { throw BackupError.fileMissing(expected.name) }
        defer { try? input.close() }
        guard
            FileManager.default.createFile(atPath: destination, contents: nil, attributes: [.posixPermissions: 0o600]),
            let output = FileHandle(forWritingAtPath: destination)
        else { throw BackupError.cannotWrite(destination, reason: String(cString: strerror(errno))) }
        defer { try? output.close() }
        var hasher = SHA256()
        var count: Int64 = 0
        while let data = try input.read(upToCount: 4 << 20), !data.isEmpty {
            hasher.update(data: data)
            count += Int64(data.count)
            do {
                try output.write(contentsOf: data)
            } catch {
                throw BackupError.writing(expected.name, error)
            }
        }
        guard count == expected.byteCount, LogHash(hasher.finalize()).hex == expected.sha256 else {
            throw BackupError.fileChanged(expected.name)
        }
        do {
            try output.synchronize()
        } catch {
            throw BackupError.writing(expected.name, error)
        }
    }

    /// Files 0400 and folders 0500: a slip of a hand or a script cannot overwrite them quietly.
    private static func makeReadOnly(_ folder: String) throws {
        for name in try BackupVerifier.allFiles(in: folder) {
            try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: "\(folder)/\(name)")
        }
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o500], ofItemAtPath: "\(folder)/\(BackupLayout.tablesFolder)")
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder)
    }
}
