import KuraCore

/// `emergency.key` in the data folder (REC-3): the emergency pages' key, sealed by the clinic's
/// KEK, mode 0600 like `kura.key`. The passphrase it was derived from is printed once by
/// `kura keys emergency-init` for the security officer and stored nowhere.
public enum EmergencyKeyFile {
    /// The file's name in the data folder.
    public static let fileName = "emergency.key"
    /// The largest file accepted (a key file is about 250 bytes).
    static let maxBytes = 4096

    /// The path in `dataDirectory`.
    public static func path(in dataDirectory: String) -> String {
        "\(dataDirectory)/\(fileName)"
    }

    /// Makes the passphrase and key, writes the sealed key (never replacing an existing file)
    /// and returns the passphrase, which the caller shows once.
    public static func create(
        in dataDirectory: String, keys: ClinicKeyMaterial, random: any RandomBytesSource,
        iterations: Int = EmergencyKey.minimumIterations
    ) throws(EmergencySnapshotError) -> EmergencyPassphrase {
        let path = path(in: dataDirectory)
        guard !PrivateFile.exists(at: path) else { throw .keyExists(path: path) }
        let passphrase: EmergencyPassphrase
        let contents: [UInt8]
        do {
            let made = try EmergencyKey.generate(iterations: iterations, using: random)
            passphrase = made.passphrase
            contents = try made.key.sealedFile(clinicID: keys.clinicID, kek: keys.keyEncryptionKey, using: random)
        } catch {
            throw .sealing(error)
        }
        let created: Bool
        do {
            created = try PrivateFile.createExclusively(at: path, contents: contents, mode: 0o600, random: random)
        } catch {
            throw .keyUnusable(path: path, reason: "\(error)")
        }
        guard created else { throw .keyExists(path: path) }
        return passphrase
    }

    /// Loads the key; the file must be mode 0600 (no group or other bits) and this clinic's.
    public static func load(
        from dataDirectory: String, keys: ClinicKeyMaterial
    ) throws(EmergencySnapshotError)
        -> EmergencyKey
    {
        let path = path(in: dataDirectory)
        let bytes: [UInt8]
        do {
            bytes = try PrivateFile.read(at: path, maxBytes: maxBytes, forbiddenModeBits: 0o077)
        } catch .missing {
            throw .keyMissing(path: path)
        } catch .insecureMode {
            throw .keyUnusable(path: path, reason: "group or others may read it (chmod 600)")
        } catch {
            throw .keyUnusable(path: path, reason: "\(error)")
        }
        do {
            return try EmergencyKey(sealedFile: bytes, clinicID: keys.clinicID, keys: KeyRing(keys.keyEncryptionKey))
        } catch {
            throw .keyUnusable(path: path, reason: error.description)
        }
    }
}
