/// The 256-bit random salt that blinds one ledger commitment (DESIGN.md "The ledger").
///
/// The salt stays in the database beside the details; without it, the commitment in the public
/// log cannot be confirmed against a guessed set of details. It is not key material, but it is a
/// blinding secret, so its `description` is redacted. Randomness comes in as a parameter.
public struct LedgerSalt: Equatable, Sendable {
    /// The number of bytes in a salt.
    public static let byteCount = 32

    /// The 32 salt bytes, to be stored with the details row.
    public let bytes: [UInt8]

    /// Creates a salt from exactly 32 bytes; returns nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = Array(bytes)
    }

    /// Draws a fresh salt from the given generator (the server passes a system CSPRNG).
    public init(using generator: inout some RandomNumberGenerator) {
        // One generator call per 8 bytes: `UInt8.random` calls `next()` once per byte, and the
        // system generator makes a getrandom(2) system call for every `next()`.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        for _ in 0..<(Self.byteCount / 8) {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        self.bytes = bytes
    }
}

extension LedgerSalt: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacted: salts never appear in logs or messages.
    public var description: String { "LedgerSalt(redacted)" }

    /// Redacted, like `description`.
    public var debugDescription: String { description }
}
