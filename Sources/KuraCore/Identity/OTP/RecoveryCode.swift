import Crypto

/// A one-time recovery code for when the second-factor device is lost (MFA-1, MFA-3).
///
/// Ten are made at enrolment and shown once; only their hashes are stored, and each one is spent by
/// deleting its hash. A code is 80 random bits written as 16 lower-case base32 characters in four groups
/// (`xxxx-xxxx-xxxx-xxxx`): lower case and the RFC 4648 alphabet (no 0, 1, 8 or 9) keep it readable
/// from paper. The code itself is never printed by `description` or reflection.
public struct RecoveryCode: Sendable, Hashable {
    /// The number of random bytes in a code (80 bits).
    public static let byteCount = 10
    /// The number of base32 characters in a code.
    static let characterCount = 16
    /// The domain tag that keeps these hashes apart from every other SHA-256 use in Kura.
    static let domainTag = "kura.recovery-code.v1"

    /// The code's random bytes.
    let bytes: [UInt8]

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// `count` distinct fresh codes drawn from `random`.
    public static func generate(count: Int = 10, using random: some RandomBytesSource) -> [RecoveryCode] {
        precondition(count >= 0, "a negative number of recovery codes")
        var seen: Set<RecoveryCode> = []
        var codes: [RecoveryCode] = []
        while codes.count < count {
            let code = RecoveryCode(bytes: random.exactly(byteCount))
            // A repeat among 2^80 values means a broken source; drawing again keeps the set distinct.
            if seen.insert(code).inserted { codes.append(code) }
        }
        return codes
    }

    /// Reads a code as typed: case-insensitive, spaces and hyphens anywhere ignored; nil unless exactly 16
    /// base32 characters remain.
    public static func parse(_ input: String) -> RecoveryCode? {
        let symbols = input.utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") }
        guard symbols.count == characterCount,
            let bytes = Base32.decode(String(decoding: symbols, as: UTF8.self))
        else { return nil }
        return RecoveryCode(bytes: bytes)
    }

    /// The 16 lower-case characters without hyphens, the form that is hashed.
    var normalized: String {
        String(decoding: Base32.encode(bytes).utf8.map { $0 | 0x20 }, as: UTF8.self)
    }

    /// The code as shown to the user: `xxxx-xxxx-xxxx-xxxx`.
    public var display: String {
        let characters = Array(normalized)
        return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<$0 + 4]) }
            .joined(separator: "-")
    }

    /// The 32-byte value stored for this code of account `accountID`.
    ///
    /// SHA-256 over u32 length ‖ `kura.recovery-code.v1` ‖ u32 length ‖ account id (UTF-8) ‖ the 16
    /// normalised characters (lengths big-endian, as in ``FieldContext``). Binding the account id means a
    /// hash copied to another account's row does not accept the same code there. A fast hash is right
    /// here, unlike for passwords: the code has 80 random bits, so even at 10^12 guesses per second an
    /// offline search of one stolen hash takes about 19,000 years on average; a slow hash would only
    /// slow down sign-in.
    public func hash(accountID: String) -> [UInt8] {
        var writer = KeyFormatWriter()
        writer.appendLengthPrefixed(Array(Self.domainTag.utf8))
        writer.appendLengthPrefixed(Array(accountID.utf8))
        writer.append(Array(normalized.utf8))
        return Array(SHA256.hash(data: writer.bytes))
    }
}

extension RecoveryCode: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the type only; the code is never printed.
    public var description: String { "RecoveryCode(redacted)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` and reflection cannot reach the code.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
