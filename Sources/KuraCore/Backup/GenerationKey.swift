import Crypto

/// The AES-256 key of one backup generation (BAK-1); every file and the manifest's MAC derive from it.
///
/// A fresh key per generation means one leaked generation key opens one generation only, and expiring a
/// generation (BAK-2 retention) forgets its key with it. The key is stored nowhere in plain: the manifest
/// holds it wrapped to the recovery public key (`wrapped(to:generationID:)`).
public struct GenerationKey: Sendable {
    /// The key length in bytes (AES-256).
    public static let byteCount = 32

    let key: SymmetricKey

    init(key: SymmetricKey) {
        self.key = key
    }

    /// Makes a fresh generation key from the given randomness.
    public static func generate(using random: some RandomBytesSource) -> GenerationKey {
        GenerationKey(key: SymmetricKey(data: random.exactly(byteCount)))
    }

    /// The key of one sealed file, bound to its name: a file renamed or swapped with another opens under
    /// the wrong key and fails authentication.
    func fileKey(named fileName: String) -> SymmetricKey {
        derive(info: Array("kura backup file key v1\0".utf8) + Array(fileName.utf8))
    }

    /// The HMAC-SHA256 key that authenticates the manifest.
    var manifestMACKey: SymmetricKey {
        derive(info: Array("kura backup manifest mac key v1".utf8))
    }

    /// HKDF-SHA256 (RFC 5869); the info strings are prefix-free (the file name follows a NUL), so no two
    /// purposes share a subkey.
    private func derive(info: [UInt8]) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: key, salt: Array("kura.backup.v1".utf8), info: info, outputByteCount: Self.byteCount)
    }
}

extension GenerationKey: Equatable {
    /// Compares the key bytes in constant time (`SymmetricKey`'s `==`).
    public static func == (lhs: GenerationKey, rhs: GenerationKey) -> Bool {
        lhs.key == rhs.key
    }
}

extension GenerationKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the type only; the key bytes are never printed.
    public var description: String { "GenerationKey(redacted)" }

    /// Same as `description`: debugging output must not leak the key either.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` and reflection cannot reach the key bytes.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
