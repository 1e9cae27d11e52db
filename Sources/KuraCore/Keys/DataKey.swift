import Crypto

/// A fresh AES-256-GCM key that encrypts one value; it is stored only wrapped by the clinic KEK.
///
/// `EncryptedField.seal` makes one per sealed value, so a data key never encrypts two plaintexts and a
/// leaked data key exposes one value only.
public struct DataKey: Sendable {
    /// The key length in bytes (AES-256).
    public static let byteCount = 32

    let key: SymmetricKey

    /// Makes a fresh data key from the given randomness.
    public static func generate(using random: some RandomBytesSource) -> DataKey {
        DataKey(key: SymmetricKey(data: random.exactly(byteCount)))
    }

    init(key: SymmetricKey) {
        self.key = key
    }
}

extension DataKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the type only; the key bytes are never printed.
    public var description: String { "DataKey(redacted)" }

    /// Same as `description`: debugging output must not leak the key either.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` and reflection cannot reach the key bytes.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
