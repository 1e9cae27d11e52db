import Crypto

/// The public half of the recovery key: what the server keeps in its data folder to wrap generation keys to.
///
/// Holding it lets the server make backups but never read them (BAK-2). Its `fingerprint` is written
/// into every manifest and printed beside the key, so the security officer can tell which paper key
/// opens which backup.
public struct RecoveryPublicKey: Sendable {
    /// The length of the public key in bytes (X25519).
    public static let byteCount = 32
    /// The prefix of the text form.
    public static let textPrefix = "kura-recovery-public-1:"

    let key: Curve25519.KeyAgreement.PublicKey

    init(key: Curve25519.KeyAgreement.PublicKey) {
        self.key = key
    }

    /// Reads a public key from its 32 raw bytes.
    public init(rawRepresentation: some Collection<UInt8>) throws(BackupCryptoError) {
        guard rawRepresentation.count == Self.byteCount else { throw .invalidRecoveryPublicKey }
        do {
            key = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: Array(rawRepresentation))
        } catch {
            throw .invalidRecoveryPublicKey
        }
    }

    /// The 32 raw bytes.
    public var rawRepresentation: [UInt8] {
        Array(key.rawRepresentation)
    }

    /// `kura-recovery-public-1:` and the standard base64 of the raw bytes: the content of the key file.
    public var text: String {
        Self.textPrefix + StrictBase64.encode(rawRepresentation)
    }

    /// Reads the text form; whitespace around it (a file's final newline) is ignored, nothing else is.
    public init(text: String) throws(BackupCryptoError) {
        let bytes = Array(text[...].trimmingWhitespace().utf8)
        let prefix = Array(Self.textPrefix.utf8)
        guard bytes.starts(with: prefix),
            let raw = StrictBase64.decode(String(decoding: bytes.dropFirst(prefix.count), as: UTF8.self))
        else { throw .invalidRecoveryPublicKey }
        try self.init(rawRepresentation: raw)
    }

    /// The first 16 bytes of SHA-256 over `kura recovery public key v1\0` and the raw key, as lower-case
    /// hex in groups of four separated by `:` (e.g. `1a2b:3c4d:…`), to match a key to a manifest.
    public var fingerprint: String {
        let digest = SHA256.hash(data: Array("kura recovery public key v1\0".utf8) + rawRepresentation)
        let hex = Array(LowerHex.encode(digest.prefix(16)).utf8)
        var output: [UInt8] = []
        for start in stride(from: 0, to: hex.count, by: 4) {
            if start > 0 { output.append(UInt8(ascii: ":")) }
            output += hex[start..<start + 4]
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension RecoveryPublicKey: Equatable {
    /// Compares the raw bytes (public values, so an ordinary comparison).
    public static func == (lhs: RecoveryPublicKey, rhs: RecoveryPublicKey) -> Bool {
        lhs.rawRepresentation == rhs.rawRepresentation
    }
}

extension RecoveryPublicKey: CustomStringConvertible {
    /// The text form (a public key is not a secret).
    public var description: String { text }
}
