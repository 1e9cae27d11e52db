import Crypto

/// The printable recovery key: `KURA-RECOVERY-1-` and RFC 4648 base32 of the key and a checksum.
///
/// The officer may have to type it back from paper, so base32 (no 0/1/8/9 or O/I look-alikes among
/// the digits, one case) is grouped in blocks of four, and a 4-byte checksum (the first bytes of
/// SHA-256 over the key) catches a mistyped character before any backup is touched. Parsing ignores
/// case, spaces, newlines and dashes anywhere, so the text can be split across lines however it was
/// written down.
extension RecoveryKey {
    /// The prefix naming the format and its version.
    public static let textPrefix = "KURA-RECOVERY-1-"

    static let checksumByteCount = 4
    /// 36 bytes of base32 without padding: ⌈36 × 8 / 5⌉.
    static let symbolCount = 58
    static let groupSize = 4

    /// The recovery key as text to print, e.g. `KURA-RECOVERY-1-ABCD-EFGH-…`; it is the secret itself.
    public var text: String {
        let raw = secretBytes
        let symbols = Array(Base32.encode(raw + Self.checksum(of: raw)).utf8)
        var output = Array(Self.textPrefix.utf8)
        for start in stride(from: 0, to: symbols.count, by: Self.groupSize) {
            if start > 0 { output.append(UInt8(ascii: "-")) }
            output += symbols[start..<min(start + Self.groupSize, symbols.count)]
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Parses a recovery key typed or pasted back; the error says what is wrong, never what was given.
    public init(text: String) throws(BackupCryptoError) {
        var symbols: [UInt8] = []
        symbols.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where !Self.isSeparator(byte) {
            // ASCII upper case; any non-ASCII byte stays as it is and fails the alphabet check below.
            symbols.append((UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte)
        }
        // The prefix compared without its dashes, since dashes may be anywhere.
        let prefix = Self.textPrefix.utf8.filter { $0 != UInt8(ascii: "-") }
        guard symbols.starts(with: prefix) else { throw .recoveryKeyWrongPrefix }
        let body = symbols.dropFirst(prefix.count)
        guard body.allSatisfy({ Base32.value(of: $0) != nil }) else { throw .recoveryKeyInvalidCharacter }
        guard body.count == Self.symbolCount else { throw .recoveryKeyWrongLength }
        // Base32.decode also refuses non-zero unused bits in the last symbol: a typo there changes no
        // key byte, but it is still not the text that was printed.
        guard let decoded = Base32.decode(String(decoding: body, as: UTF8.self)),
            decoded.count == Self.byteCount + Self.checksumByteCount
        else { throw .recoveryKeyChecksumMismatch }
        let raw = Array(decoded.prefix(Self.byteCount))
        guard ConstantTime.equal(Array(decoded.suffix(Self.checksumByteCount)), Self.checksum(of: raw)) else {
            throw .recoveryKeyChecksumMismatch
        }
        self.init(rawBytes: raw)
    }

    static func checksum(of raw: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: raw).prefix(checksumByteCount))
    }

    /// Space, tab, CR, LF and dash: what people and printers put between groups.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "-")
    }
}
