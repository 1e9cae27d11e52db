import Crypto

/// The key file: a clinic's root secrets, in plain or sealed with a passphrase (scrypt + AES-256-GCM).
///
/// Format 1 (integers big-endian; the whole file is binary):
///
/// | bytes | content |
/// |---|---|
/// | 8 | magic `KURA-KEY` (ASCII) |
/// | 1 | format, `0x01` |
/// | 1 | protection: `0x00` plain, `0x01` passphrase (scrypt + AES-256-GCM) |
/// | 1 + n | clinic id: length n (1…255), then UTF-8 |
/// | 4 | KEK version (u32) |
/// | sealed only: 1 + 4 + 4 | scrypt log2 N, r, p (RFC 7914 §2) |
/// | sealed only: 16 | scrypt salt |
/// | sealed only: 32 | passphrase check value (see below) |
/// | sealed only: 12 | AES-GCM nonce |
/// | 64, or 64 + 16 sealed | secrets: Ed25519 seed ‖ KEK (sealed: ciphertext ‖ tag) |
/// | 32 | SHA-256 of every byte before it |
///
/// Sealing: scrypt derives 64 bytes from the passphrase; the first 32 are the AES-256-GCM key, the last
/// 32 are stored as the check value. They are independent halves of scrypt's final PBKDF2 output, so the
/// check reveals nothing about the key (and the GCM tag gives an attacker the same offline test anyway);
/// it lets a wrong passphrase be told apart from an altered file. Everything before the secrets is
/// associated data, so altering the clinic id, version or parameters fails authentication. The trailing
/// checksum catches damage to plain files, which have no other integrity.
public struct KeyFile: Sendable {
    /// How the secrets in a key file are protected.
    public enum Protection: Hashable, Sendable {
        /// Stored in plain; the file's 0600 mode is the only protection.
        case plain
        /// Sealed with AES-256-GCM under a key derived from a passphrase with these scrypt parameters.
        case passphrase(ScryptParameters)
    }

    /// The format this version writes and reads.
    public static let format: UInt8 = 1

    /// The clinic the secrets belong to (stored in plain).
    public let clinicID: String
    /// The version of the KEK inside (stored in plain).
    public let keyVersion: KeyVersion
    /// How the secrets are protected.
    public let protection: Protection

    /// Every byte before the secrets; the associated data of a sealed file.
    let header: [UInt8]
    /// Salt, check value and nonce of a sealed file.
    let sealing: Sealing?
    /// The secrets, plain (64 bytes) or sealed (64 bytes plus a 16-byte tag).
    let secretPart: [UInt8]

    struct Sealing: Sendable {
        let salt: [UInt8]
        let check: [UInt8]
        let nonce: [UInt8]
    }

    static let magic = Array("KURA-KEY".utf8)
    static let saltByteCount = 16
    static let checkByteCount = 32
    static let nonceByteCount = 12
    static let tagByteCount = 16
    static let secretsByteCount = LogSigningKeySeed.byteCount + KeyEncryptionKey.byteCount
    static let checksumByteCount = 32

    /// Whether `open` needs a passphrase.
    public var requiresPassphrase: Bool {
        if case .passphrase = protection { return true }
        return false
    }

    /// The file's bytes, ending with the SHA-256 checksum.
    public var serialized: [UInt8] {
        let body = header + secretPart
        return body + Array(SHA256.hash(data: body))
    }
}

extension KeyFile: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The clinic id, KEK version and protection; never the secrets.
    public var description: String {
        let protected =
            switch protection {
            case .plain: "plain"
            case .passphrase(let parameters): "sealed with \(parameters)"
            }
        return "KeyFile(clinic: \(clinicID), kek: \(keyVersion), \(protected))"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Shows the public header fields only, so `dump` cannot reach the secrets of a plain file.
    public var customMirror: Mirror {
        Mirror(self, children: ["clinicID": clinicID, "keyVersion": keyVersion, "protection": protection])
    }
}
