import Crypto

/// A clinic's AES-256 key-encryption key (KEK) with its version; it wraps data keys and never encrypts PHI.
///
/// The bytes live in a `SymmetricKey` (zeroed when released) and never appear in any description,
/// reflection or error (STYLE.md 4).
public struct KeyEncryptionKey: Sendable, Equatable {
    /// The key length in bytes (AES-256).
    public static let byteCount = 32

    /// The version this key is stored under; it is written beside every data key it wraps.
    public let version: KeyVersion

    let key: SymmetricKey

    /// Creates a key from exactly 32 bytes; returns nil for any other length.
    public init?(version: KeyVersion, bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        self.version = version
        self.key = SymmetricKey(data: Array(bytes))
    }

    /// Makes a fresh key from the given randomness.
    public static func generate(version: KeyVersion, using random: some RandomBytesSource) -> KeyEncryptionKey {
        KeyEncryptionKey(version: version, key: SymmetricKey(data: random.exactly(byteCount)))
    }

    init(version: KeyVersion, key: SymmetricKey) {
        self.version = version
        self.key = key
    }

    /// The key bytes, for the key file encoder only.
    var secretBytes: [UInt8] {
        key.withUnsafeBytes { Array($0) }
    }

    /// Compares version and bytes; the byte comparison is constant-time (`SymmetricKey`'s `==`).
    public static func == (lhs: KeyEncryptionKey, rhs: KeyEncryptionKey) -> Bool {
        lhs.version == rhs.version && lhs.key == rhs.key
    }
}

extension KeyEncryptionKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the type and version only; the key bytes are never printed.
    public var description: String { "KeyEncryptionKey(\(version), redacted)" }

    /// Same as `description`: debugging output must not leak the key either.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` and reflection cannot reach the key bytes.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

extension KeyEncryptionKey {
    /// A 256-bit key derived for one `purpose` (HKDF-SHA256, RFC 5869), so that secrets such as
    /// the CSRF key or blind-index keys follow the clinic's KEK without ever being stored, and
    /// no two purposes share a key. The KEK itself still never touches PHI.
    public func derivedKey(purpose: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: key, salt: Array("kura.derived-key.v1".utf8), info: Array(purpose.utf8),
            outputByteCount: 32)
    }
}
