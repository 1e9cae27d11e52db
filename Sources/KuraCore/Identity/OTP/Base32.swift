/// Base32 with the RFC 4648 §6 alphabet, as authenticator apps expect TOTP secrets (MFA-1).
///
/// Encoding is upper case without padding, the form the Google Authenticator key URI format uses.
/// Decoding is lenient only where people are: lower case, spaces and trailing `=` padding are accepted.
public enum Base32 {
    /// The RFC 4648 §6 alphabet, indexed by 5-bit value.
    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Encodes `bytes` as upper-case base32 without `=` padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bitCount = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bitCount += 8
            while bitCount >= 5 {
                bitCount -= 5
                output.append(alphabet[Int((buffer >> UInt32(bitCount)) & 0x1F)])
            }
        }
        if bitCount > 0 {
            output.append(alphabet[Int((buffer << UInt32(5 - bitCount)) & 0x1F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes base32 text; nil on any character outside the alphabet or an impossible length.
    ///
    /// Letters may be lower case, spaces anywhere are skipped and trailing `=` padding is ignored. Only
    /// 0, 2, 4, 5 or 7 characters may remain after the last full group of 8 (RFC 4648 §6: other counts
    /// cannot come from whole bytes), and the unused low bits of the last character must be zero, so
    /// every byte string has exactly one accepted spelling (RFC 4648 §3.5).
    public static func decode(_ text: String) -> [UInt8]? {
        var symbols = text.utf8.filter { $0 != UInt8(ascii: " ") }
        while symbols.last == UInt8(ascii: "=") { symbols.removeLast() }
        guard [0, 2, 4, 5, 7].contains(symbols.count % 8) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(symbols.count * 5 / 8)
        var buffer: UInt32 = 0
        var bitCount = 0
        for symbol in symbols {
            guard let value = value(of: symbol) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bitCount += 5
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bitCount)))
            }
        }
        guard buffer & ((1 << UInt32(bitCount)) - 1) == 0 else { return nil }
        return output
    }

    /// The 5-bit value of one alphabet character in either case.
    static func value(of symbol: UInt8) -> UInt8? {
        switch symbol {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): symbol - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): symbol - UInt8(ascii: "a")
        case UInt8(ascii: "2")...UInt8(ascii: "7"): symbol - UInt8(ascii: "2") + 26
        default: nil
        }
    }
}
