/// The stored form of the emergency key, `emergency.key` in the data folder: the derived key
/// sealed by the clinic's KEK, beside the salt and count the pages need (REC-3).
///
/// Format 1 is one line of RFC 8785 canonical JSON and a newline:
///
/// ```
/// {"format":"kura-emergency-key","iterations":600000,"kdf":"PBKDF2-HMAC-SHA256",
///  "salt":"<base64, 16 bytes>","sealedKey":"<base64 EncryptedField>","v":1}
/// ```
///
/// `sealedKey` is an ``EncryptedField`` whose context binds the clinic, the salt and the count
/// (``fileContext(clinicID:salt:iterations:)``): a file moved to another clinic, or with its
/// salt or count edited, does not open, so it can never make pages no passphrase opens. The
/// passphrase itself is in no file.
extension EmergencyKey {
    /// The `format` member of a key file.
    public static let fileFormat = "kura-emergency-key"
    /// The `v` member this version writes and reads.
    public static let fileVersion: Int64 = 1
    /// The `kdf` member.
    public static let fileKDF = "PBKDF2-HMAC-SHA256"

    /// The key file's bytes: the key sealed by `kek` for `clinicID`.
    public func sealedFile(
        clinicID: String, kek: KeyEncryptionKey, using random: some RandomBytesSource
    ) throws(EmergencyError) -> [UInt8] {
        let context = Self.fileContext(clinicID: clinicID, salt: salt, iterations: iterations)
        let sealed: EncryptedField
        do {
            sealed = try EncryptedField.seal(secretBytes, context: context, kek: kek, using: random)
        } catch {
            throw .sealingFailed
        }
        let document: CanonicalJSON = .object([
            "format": .string(Self.fileFormat), "v": .integer(Self.fileVersion), "kdf": .string(Self.fileKDF),
            "iterations": .integer(Int64(iterations)), "salt": .string(StrictBase64.encode(salt)),
            "sealedKey": .string(StrictBase64.encode(sealed.serialized)),
        ])
        do {
            return try document.canonicalBytes() + [UInt8(ascii: "\n")]
        } catch {
            throw .encodingFailed
        }
    }

    /// Opens a key file written by ``sealedFile(clinicID:kek:using:)`` with the clinic's keys.
    public init(sealedFile bytes: [UInt8], clinicID: String, keys: KeyRing) throws(EmergencyError) {
        let body = bytes.last == UInt8(ascii: "\n") ? Array(bytes.dropLast()) : bytes
        guard case .object(let members) = try? CanonicalJSON.parse(body),
            Set(members.keys) == ["format", "v", "kdf", "iterations", "salt", "sealedKey"],
            members["format"] == .string(Self.fileFormat), members["v"] == .integer(Self.fileVersion),
            members["kdf"] == .string(Self.fileKDF),
            case .integer(let count) = members["iterations"], count <= Int64(Int32.max),
            case .string(let saltText) = members["salt"], let salt = StrictBase64.decode(saltText),
            case .string(let sealedText) = members["sealedKey"], let sealedBytes = StrictBase64.decode(sealedText),
            let sealed = try? EncryptedField(serialized: sealedBytes)
        else { throw .malformedKeyFile }
        let iterations = Int(count)
        guard salt.count == Self.saltByteCount, iterations >= Self.minimumIterations else { throw .weakParameters }
        let context = Self.fileContext(clinicID: clinicID, salt: salt, iterations: iterations)
        guard let raw = try? sealed.open(context: context, keys: keys),
            let key = EmergencyKey(keyBytes: raw, salt: salt, iterations: iterations)
        else { throw .keyFileDoesNotOpen }
        self = key
    }

    /// The associated data of the sealed key: the clinic, and salt and count in the field name
    /// (neither is secret; both are printed in every page).
    static func fileContext(clinicID: String, salt: [UInt8], iterations: Int) -> FieldContext {
        let saltHex = salt.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return FieldContext(
            clinicID: clinicID, objectID: "emergency-key", field: "page-key.pbkdf2-sha256.\(iterations).\(saltHex)",
            version: UInt32(fileVersion))
    }
}
