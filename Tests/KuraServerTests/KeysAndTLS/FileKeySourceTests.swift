import KuraCore
import KuraServer
import KuraTesting
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("FileKeySource: the key file in the data folder or at a configured path")
struct FileKeySourceTests {
    let cheap = ScryptParameters(log2N: 4, blockSize: 1, parallelism: 1)!

    func source(_ folder: TemporaryDirectory, passphrase: String? = nil, clinic: String = "clinic-1") -> FileKeySource {
        .dataFolder(folder.path, clinicID: clinic, passphrase: passphrase, scrypt: cheap, random: SystemRandomBytes())
    }

    @Test("the first start creates a 0600 key file atomically; later starts load the same keys")
    func createsThenLoads() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let keys = source(folder)
        let first = try keys.load()
        #expect(first.created)
        #expect(first.material.clinicID == "clinic-1")
        #expect(permissionBits(keys.path) == 0o600)
        #expect(folderEntries(folder.path) == ["kura.key"])  // no temporary file left behind
        let second = try keys.load()
        #expect(!second.created)
        #expect(second.material == first.material)
        #expect(try await keys.loadRootKeys() == first.material)
        let file = try KeyFile(parsing: #require(readFile(keys.path)))
        #expect(file.protection == .plain)
    }

    @Test("a missing data folder is created with mode 0700")
    func createsFolder() throws {
        let parent = try TemporaryDirectory()
        defer { parent.remove() }
        let folder = parent.path + "/data"
        let keys = FileKeySource.dataFolder(folder, clinicID: "c", passphrase: nil, random: SystemRandomBytes())
        #expect(try keys.load().created)
        #expect(permissionBits(folder) == 0o700)
    }

    @Test(
        "a key file others can read or write is refused, naming the path and not the contents",
        arguments: [0o644, 0o640, 0o604, 0o620, 0o602, 0o660] as [UInt32])
    func refusesInsecureModes(mode: UInt32) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let keys = source(folder)
        _ = try keys.load()
        let contents = try #require(readFile(keys.path))
        #expect(chmod(keys.path, mode_t(mode)) == 0)
        let error = try #require(#expect(throws: KeySourceError.self) { try keys.load() })
        #expect(error == .insecurePermissions(path: keys.path, mode: UInt32(0o100000) | mode))
        let message = String(describing: error)
        #expect(message.contains(keys.path))
        #expect(message.contains(String(mode, radix: 8)))
        #expect(!message.contains(hexString(contents.suffix(64))))
    }

    @Test("owner-only modes (0400, 0600, 0700) are accepted", arguments: [0o400, 0o600, 0o700] as [UInt32])
    func ownerOnlyAccepted(mode: UInt32) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let keys = source(folder)
        let created = try keys.load()
        #expect(chmod(keys.path, mode_t(mode)) == 0)
        #expect(try keys.load().material == created.material)
    }

    @Test("with a passphrase the new file is sealed and opens only with that passphrase")
    func sealed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let created = try source(folder, passphrase: "秘密のフレーズ").load()
        let path = folder.path + "/" + FileKeySource.fileName
        let file = try KeyFile(parsing: #require(readFile(path)))
        #expect(file.protection == .passphrase(cheap))
        #expect(try source(folder, passphrase: "秘密のフレーズ").load().material == created.material)
        #expect(throws: KeySourceError.keyFile(path: path, .wrongPassphrase)) {
            try source(folder, passphrase: "wrong").load()
        }
        #expect(throws: KeySourceError.keyFile(path: path, .passphraseRequired)) {
            try FileKeySource.configured(path: path, passphrase: nil).load()
        }
    }

    @Test("a configured key file is loaded by several servers and never created")
    func configured() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path + "/shared.key"
        #expect(throws: KeySourceError.missing(path: path)) {
            try FileKeySource.configured(path: path, passphrase: nil).load()
        }
        #expect(folderEntries(folder.path).isEmpty)
        let material = ClinicKeyMaterial.generate(clinicID: "group", using: SystemRandomBytes())
        #expect(writeFile(path, try KeyFile.plain(material).serialized))
        let servers = (0..<3).map { _ in FileKeySource.configured(path: path, passphrase: nil) }
        for server in servers {
            #expect(try server.load().material == material)
        }
    }

    @Test("a data-folder key file for another clinic is refused")
    func clinicMismatch() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try source(folder, clinic: "clinic-1").load()
        #expect(
            throws: KeySourceError.clinicMismatch(
                path: folder.path + "/kura.key", expected: "clinic-2", found: "clinic-1")
        ) {
            try source(folder, clinic: "clinic-2").load()
        }
    }

    @Test("a damaged key file is reported, not replaced")
    func damaged() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let keys = source(folder)
        _ = try keys.load()
        var bytes = try #require(readFile(keys.path))
        bytes[20] ^= 1
        #expect(writeFile(keys.path, bytes))
        #expect(throws: KeySourceError.keyFile(path: keys.path, .corrupted)) { try keys.load() }
        #expect(readFile(keys.path) == bytes)
    }

    @Test("a folder or FIFO at the key path is refused without hanging")
    func notRegular() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let directory = folder.path + "/dir.key"
        let fifo = folder.path + "/fifo.key"
        #expect(mkdir(directory, 0o700) == 0)
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: KeySourceError.notARegularFile(path: directory)) {
            try FileKeySource.configured(path: directory, passphrase: nil).load()
        }
        #expect(throws: KeySourceError.notARegularFile(path: fifo)) {
            try FileKeySource.configured(path: fifo, passphrase: nil).load()
        }
    }

    @Test("servers starting at once in one data folder end up with the same keys")
    func concurrentFirstStart() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let keys = source(folder)
        let results = try await withThrowingTaskGroup(of: FileKeySource.Loaded.self) { group in
            for _ in 0..<8 {
                group.addTask { try keys.load() }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter(\.created).count == 1)
        #expect(Set(results.map(\.material.keyEncryptionKey.version)).count == 1)
        #expect(results.allSatisfy { $0.material == results[0].material })
        #expect(folderEntries(folder.path) == ["kura.key"])
    }

    @Test("the source's description shows whether a passphrase is set, never the passphrase")
    func description() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let keys = source(folder, passphrase: "hunter2-秘密")
        var dumped = ""
        dump(keys, to: &dumped)
        for rendering in [String(describing: keys), String(reflecting: keys), dumped] {
            #expect(!rendering.contains("hunter2"))
        }
        #expect(String(describing: keys).contains("passphrase: set"))
    }

    @Test("SystemRandomBytes returns the requested count and different bytes each call")
    func systemRandom() {
        let random = SystemRandomBytes()
        for count in [0, 1, 7, 8, 9, 32, 1000] {
            #expect(random.bytes(count: count).count == count)
        }
        #expect(random.bytes(count: 32) != random.bytes(count: 32))
    }
}

/// Lower-case hex.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}
