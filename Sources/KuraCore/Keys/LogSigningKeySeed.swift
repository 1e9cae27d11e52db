import Crypto

/// The 32-byte Ed25519 seed of a clinic log's signing key (RFC 8032 §5.1.5), kept opaque.
///
/// The log key is the log's identity and is never rotated (DESIGN.md "The ledger"); it lives in the key
/// file beside the KEK. Its bytes never appear in any description, reflection or error.
public struct LogSigningKeySeed: Sendable, Equatable {
    /// The seed length in bytes.
    public static let byteCount = 32

    let seed: SymmetricKey

    /// Creates a seed from exactly 32 bytes; returns nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        self.seed = SymmetricKey(data: Array(bytes))
    }

    /// Makes a fresh seed from the given randomness.
    public static func generate(using random: some RandomBytesSource) -> LogSigningKeySeed {
        LogSigningKeySeed(seed: SymmetricKey(data: random.exactly(byteCount)))
    }

    private init(seed: SymmetricKey) {
        self.seed = seed
    }

    /// The Ed25519 signing key this seed expands to.
    public var signingKey: Curve25519.Signing.PrivateKey {
        do {
            return try seed.withUnsafeBytes { try Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
        } catch {
            // Every 32-byte string is a valid Ed25519 seed (RFC 8032 §5.1.5); only the length can fail.
            preconditionFailure("a 32-byte Ed25519 seed was refused")
        }
    }

    /// The seed bytes, for the key file encoder only.
    var secretBytes: [UInt8] {
        seed.withUnsafeBytes { Array($0) }
    }

    /// Compares in constant time (`SymmetricKey`'s `==`).
    public static func == (lhs: LogSigningKeySeed, rhs: LogSigningKeySeed) -> Bool {
        lhs.seed == rhs.seed
    }
}

extension LogSigningKeySeed: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the type only; the seed is never printed.
    public var description: String { "LogSigningKeySeed(redacted)" }

    /// Same as `description`: debugging output must not leak the seed either.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` and reflection cannot reach the seed.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
