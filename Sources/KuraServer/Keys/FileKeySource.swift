import KuraCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loads the root keys from a key file: created at first start in the data folder, or a configured path.
///
/// The file must be mode 0600 (no group or other bits): a file others can read is refused with an error
/// naming the path. With a passphrase (the caller reads `KURA_KEY_PASSPHRASE`), a new file is sealed
/// with it and an existing sealed file is opened with it.
public struct FileKeySource: KeySource {
    /// The key file's name inside the data folder.
    public static let fileName = "kura.key"
    /// The largest file accepted; a key file is about 250 bytes.
    static let maxBytes = 64 * 1024
    /// Group and other permission bits; any of them set makes the file insecure.
    static let forbiddenModeBits: mode_t = 0o077

    /// The key file's path.
    public let path: String
    private let passphrase: String?
    private let creation: Creation?

    /// What a first start needs to create the file.
    struct Creation: Sendable {
        let clinicID: String
        let scrypt: ScryptParameters
        let random: any RandomBytesSource
    }

    /// The result of `load()`: the key material and whether this call created the file.
    public struct Loaded: Sendable {
        /// The clinic's root secrets.
        public let material: ClinicKeyMaterial
        /// True when the file did not exist and was just created (tell the operator to back it up).
        public let created: Bool
    }

    /// The embedded default: `<dataFolder>/kura.key`, created for `clinicID` at first start.
    ///
    /// - Parameters:
    ///   - passphrase: seals a new file and opens a sealed one; nil for a plain file.
    ///   - scrypt: the cost for a new sealed file; tests pass a low cost.
    ///   - random: makes the keys, the salt and the nonce of a new file.
    public static func dataFolder(
        _ folder: String,
        clinicID: String,
        passphrase: String?,
        scrypt: ScryptParameters = .default,
        random: any RandomBytesSource
    ) -> FileKeySource {
        FileKeySource(
            path: folder + "/" + fileName, passphrase: passphrase,
            creation: Creation(clinicID: clinicID, scrypt: scrypt, random: random))
    }

    /// A configured key file shared by several servers; it is never created, only loaded.
    public static func configured(path: String, passphrase: String?) -> FileKeySource {
        FileKeySource(path: path, passphrase: passphrase, creation: nil)
    }

    private init(path: String, passphrase: String?, creation: Creation?) {
        self.path = path
        self.passphrase = passphrase
        self.creation = creation
    }

    /// Loads the key material (see `load()`).
    public func loadRootKeys() async throws(KeySourceError) -> ClinicKeyMaterial {
        try load().material
    }

    /// Loads the key file, first creating it when this is the data-folder source and it is missing.
    public func load() throws(KeySourceError) -> Loaded {
        if let creation, !PrivateFile.exists(at: path) {
            let material = ClinicKeyMaterial.generate(clinicID: creation.clinicID, using: creation.random)
            let file: KeyFile
            do {
                file =
                    if let passphrase {
                        try KeyFile.sealed(
                            material, passphrase: passphrase, parameters: creation.scrypt, using: creation.random)
                    } else {
                        try KeyFile.plain(material)
                    }
            } catch {
                throw .keyFile(path: path, error)
            }
            do {
                let folder = PrivateFile.parentFolder(of: path)
                try PrivateFile.makeFolder(at: folder, mode: 0o700)
                if try PrivateFile.createExclusively(
                    at: path, contents: file.serialized, mode: 0o600, random: creation.random)
                {
                    return Loaded(material: material, created: true)
                }
                // Another process created it first: fall through and load theirs.
            } catch {
                throw map(error)
            }
        }
        return Loaded(material: try readExisting(), created: false)
    }

    private func readExisting() throws(KeySourceError) -> ClinicKeyMaterial {
        let bytes: [UInt8]
        do {
            bytes = try PrivateFile.read(at: path, maxBytes: Self.maxBytes, forbiddenModeBits: Self.forbiddenModeBits)
        } catch {
            throw map(error)
        }
        let material: ClinicKeyMaterial
        do {
            material = try KeyFile(parsing: bytes).open(passphrase: passphrase)
        } catch {
            throw .keyFile(path: path, error)
        }
        if let expected = creation?.clinicID, expected != material.clinicID {
            throw .clinicMismatch(path: path, expected: expected, found: material.clinicID)
        }
        return material
    }

    private func map(_ failure: PrivateFile.Failure) -> KeySourceError {
        switch failure {
        case .missing: .missing(path: path)
        case .insecureMode(let mode): .insecurePermissions(path: path, mode: mode)
        case .notRegular: .notARegularFile(path: path)
        case .tooLarge: .tooLarge(path: path)
        case .system(let operation, let code): .io(path: path, operation: operation, errno: code)
        }
    }
}

extension FileKeySource: CustomStringConvertible, CustomReflectable {
    /// The path and whether a passphrase is set; never the passphrase.
    public var description: String {
        "FileKeySource(\(path), \(creation == nil ? "configured" : "data folder"), "
            + "passphrase: \(passphrase == nil ? "none" : "set"))"
    }

    /// Shows the path only, so `dump` cannot reach the passphrase.
    public var customMirror: Mirror { Mirror(self, children: ["path": path]) }
}
