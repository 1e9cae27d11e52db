import Foundation

/// The data folder's own files (identity, keys, certificate, setup-code digest, recovery public
/// key, configuration) as one small JSON document, sealed into each generation: a restore
/// needs them to open the records, and the recovery key protects them like the tables.
struct DataFolderBundle: Codable, Equatable {
    /// Each file's bytes by its path relative to the data folder.
    var files: [String: Data]

    /// The files of `folder` that exist, with the key file taken from `keyFile` when the server
    /// uses a configured one.
    static func collect(dataFolder folder: String, keyFile: String?) throws -> DataFolderBundle {
        var files: [String: Data] = [:]
        for name in BackupLayout.dataFolderFiles {
            let path = name == FileKeySource.fileName ? (keyFile ?? "\(folder)/\(name)") : "\(folder)/\(name)"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            files[name] = Data(try PrivateFile.read(at: path, maxBytes: 1 << 20))
        }
        return DataFolderBundle(files: files)
    }

    /// The JSON written sealed.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self))
    }

    static func decode(_ bytes: [UInt8]) throws -> DataFolderBundle {
        let bundle = try JSONDecoder().decode(DataFolderBundle.self, from: Data(bytes))
        for name in bundle.files.keys where !BackupLayout.dataFolderFiles.contains(name) {
            throw BackupError.unexpectedFile(name)
        }
        return bundle
    }

    /// Writes every file into `folder` (new), private to the service account.
    func write(into folder: String) throws {
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let path = "\(folder)/\(name)"
            let parent = PrivateFile.parentFolder(of: path)
            if !FileManager.default.fileExists(atPath: parent) { try PrivateFile.makeFolder(at: parent, mode: 0o700) }
            guard
                try PrivateFile.createExclusively(
                    at: path, contents: Array(data), mode: 0o600, random: SystemRandomBytes())
            else { throw BackupError.targetNotEmpty(path) }
        }
    }
}
