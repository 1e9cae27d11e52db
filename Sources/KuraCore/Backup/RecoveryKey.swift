import Crypto

/// The offline recovery key (BAK-2): an X25519 private key that opens every backup generation.
///
/// DESIGN.md "Keys and encryption": each generation key is wrapped to this key's public half, and the
/// private half is held by the security officer, on paper or offline media, and never stored on the
/// server. Ransomware that takes the server therefore cannot read the backups, and whoever holds a backup
/// without this key holds ciphertext only (ENC-1). `text` is the form printed for the officer.
public struct RecoveryKey: Sendable {
    /// The length of the private key in bytes (X25519).
    public static let byteCount = 32

    let key: Curve25519.KeyAgreement.PrivateKey

    init(key: Curve25519.KeyAgreement.PrivateKey) {
        self.key = key
    }

    /// Makes a key from 32 bytes; any 32 bytes are a valid X25519 private key (RFC 7748 §5 clamps them).
    init(rawBytes: [UInt8]) {
        precondition(rawBytes.count == Self.byteCount, "a recovery key is 32 bytes")
        do {
            key = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: rawBytes)
        } catch {
            preconditionFailure("X25519 refused a 32-byte private key")
        }
    }

    /// Makes a fresh recovery key from the given randomness.
    public static func generate(using random: some RandomBytesSource) -> RecoveryKey {
        RecoveryKey(rawBytes: random.exactly(byteCount))
    }

    /// The public half, which the server keeps to wrap generation keys to.
    public var publicKey: RecoveryPublicKey {
        RecoveryPublicKey(key: key.publicKey)
    }

    /// The private key bytes, for the printable text only.
    var secretBytes: [UInt8] {
        Array(key.rawRepresentation)
    }
}

extension RecoveryKey: Equatable {
    /// Compares the key bytes in constant time.
    public static func == (lhs: RecoveryKey, rhs: RecoveryKey) -> Bool {
        ConstantTime.equal(lhs.secretBytes, rhs.secretBytes)
    }
}

extension RecoveryKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the type and the public fingerprint only; the key and its text are never printed.
    public var description: String { "RecoveryKey(\(publicKey.fingerprint), redacted)" }

    /// Same as `description`: debugging output must not leak the key either.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` and reflection cannot reach the key bytes.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
