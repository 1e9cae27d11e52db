import Crypto
import CryptoExtras

/// The AES-256 key of the emergency snapshot pages (REC-3), derived from the
/// ``EmergencyPassphrase`` with PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) over a random salt.
///
/// The page derives the same key in the browser with Web Crypto (`deriveKey`, PBKDF2,
/// SHA-256), which has no scrypt or Argon2: PBKDF2 is the strongest derivation every browser
/// offers without a script library. The cost is at least 600,000 iterations, OWASP's figure for
/// PBKDF2-HMAC-SHA256; with a 160-bit passphrase the cost guards against a weak copy of the
/// passphrase, not against guessing. The server keeps the derived key (sealed by the clinic's
/// KEK, `EmergencyKey+File.swift`), the salt and the count, so it can seal a page every day
/// without ever holding the passphrase.
///
/// Invariant: every value has a 16-byte salt and at least ``minimumIterations``.
public struct EmergencyKey: Sendable, Equatable {
    /// The fewest PBKDF2 iterations accepted (OWASP Password Storage Cheat Sheet, 2023).
    public static let minimumIterations = 600_000
    /// The salt length in bytes.
    public static let saltByteCount = 16
    /// The key length in bytes (AES-256).
    public static let byteCount = 32

    /// The PBKDF2 salt, written into every page.
    public let salt: [UInt8]
    /// The PBKDF2 iteration count, written into every page.
    public let iterations: Int

    let key: SymmetricKey

    /// A key from stored parts; nil for a wrong length or too few iterations.
    public init?(keyBytes: some Collection<UInt8>, salt: [UInt8], iterations: Int) {
        guard keyBytes.count == Self.byteCount, salt.count == Self.saltByteCount,
            iterations >= Self.minimumIterations
        else { return nil }
        self.salt = salt
        self.iterations = iterations
        self.key = SymmetricKey(data: Array(keyBytes))
    }

    /// Derives the key of `passphrase` as the page will.
    public static func derive(
        from passphrase: EmergencyPassphrase, salt: [UInt8], iterations: Int = minimumIterations
    ) throws(EmergencyError) -> EmergencyKey {
        guard salt.count == saltByteCount, iterations >= minimumIterations else { throw .weakParameters }
        let bytes = try pbkdf2SHA256(
            password: Array(passphrase.canonical.utf8), salt: salt, iterations: iterations, byteCount: byteCount)
        guard let key = EmergencyKey(keyBytes: bytes, salt: salt, iterations: iterations) else {
            throw .weakParameters
        }
        return key
    }

    /// A fresh passphrase and its key, with a fresh salt: what `kura keys emergency-init` makes.
    public static func generate(
        iterations: Int = minimumIterations, using random: some RandomBytesSource
    ) throws(EmergencyError) -> (passphrase: EmergencyPassphrase, key: EmergencyKey) {
        let passphrase = EmergencyPassphrase.generate(using: random)
        let key = try derive(from: passphrase, salt: random.exactly(saltByteCount), iterations: iterations)
        return (passphrase, key)
    }

    /// PBKDF2-HMAC-SHA256 at any cost, through CryptoExtras (BoringSSL). Public so that the
    /// RFC 7914 §11 vectors, which use 1 and 80,000 iterations, can check it; keys are made by
    /// ``derive(from:salt:iterations:)`` only, which refuses low costs.
    public static func pbkdf2SHA256(
        password: [UInt8], salt: [UInt8], iterations: Int, byteCount: Int
    ) throws(EmergencyError) -> [UInt8] {
        guard iterations >= 1, byteCount >= 1 else { throw .weakParameters }
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: password, salt: salt, using: .sha256, outputByteCount: byteCount,
                unsafeUncheckedRounds: iterations)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .derivationFailed
        }
    }

    /// The key bytes, for sealing into the key file only.
    var secretBytes: [UInt8] {
        key.withUnsafeBytes { Array($0) }
    }

    /// Equal when salt, count and key are; the key comparison is constant-time.
    public static func == (lhs: EmergencyKey, rhs: EmergencyKey) -> Bool {
        lhs.salt == rhs.salt && lhs.iterations == rhs.iterations && lhs.key == rhs.key
    }
}

extension EmergencyKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The iteration count only; the key bytes are never printed.
    public var description: String { "EmergencyKey(PBKDF2-SHA256 \(iterations), redacted)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` cannot reach the key bytes.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
