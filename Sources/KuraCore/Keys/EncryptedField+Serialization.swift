/// The stored form of an encrypted value: versioned, self-describing and parsed strictly.
///
/// Format 1 (integers big-endian), 93 bytes plus the plaintext length:
///
/// | offset | bytes | content |
/// |---|---|---|
/// | 0 | 1 | format, `0x01` |
/// | 1 | 4 | KEK version (u32) |
/// | 5 | 12 | nonce of the data-key wrap |
/// | 17 | 32 | wrapped data key |
/// | 49 | 16 | tag of the data-key wrap |
/// | 65 | 12 | nonce of the content |
/// | 77 | n | content ciphertext |
/// | 77 + n | 16 | content tag |
///
/// Every length but n is fixed, so n is what remains; nothing else is variable and nothing may trail.
extension EncryptedField {
    /// The format byte this version writes and reads.
    public static let format: UInt8 = 1

    /// The serialised length of a value whose plaintext is empty.
    public static let overheadByteCount =
        1 + 4 + nonceByteCount + DataKey.byteCount + tagByteCount
        + nonceByteCount + tagByteCount

    static let nonceByteCount = 12
    static let tagByteCount = 16

    /// Parses a serialised value; throws `.malformed` for an unknown format or a wrong length.
    public init(serialized: some Collection<UInt8>) throws(EncryptionError) {
        var reader = KeyFormatReader(Array(serialized))
        guard reader.remaining >= Self.overheadByteCount,
            reader.readByte() == Self.format,
            let version = reader.readUInt32(),
            let wrapNonce = reader.read(Self.nonceByteCount),
            let wrappedKey = reader.read(DataKey.byteCount),
            let wrapTag = reader.read(Self.tagByteCount),
            let nonce = reader.read(Self.nonceByteCount),
            let ciphertext = reader.read(reader.remaining - Self.tagByteCount),
            let tag = reader.read(Self.tagByteCount),
            reader.isAtEnd
        else { throw .malformed }
        self.init(
            keyVersion: KeyVersion(version), wrapNonce: wrapNonce, wrappedKey: wrappedKey, wrapTag: wrapTag,
            nonce: nonce, ciphertext: ciphertext, tag: tag)
    }

    /// The serialised bytes (format 1).
    public var serialized: [UInt8] {
        var writer = KeyFormatWriter()
        writer.append(Self.format)
        writer.append(keyVersion.rawValue)
        writer.append(wrapNonce)
        writer.append(wrappedKey)
        writer.append(wrapTag)
        writer.append(nonce)
        writer.append(ciphertext)
        writer.append(tag)
        return writer.bytes
    }
}

extension EncryptedField: CustomStringConvertible {
    /// Shows the key version and size only; ciphertext is not shown (it would only invite copying).
    public var description: String {
        "EncryptedField(\(keyVersion), \(ciphertext.count) bytes)"
    }
}
