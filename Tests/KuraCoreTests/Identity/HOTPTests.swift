import KuraCore
import Testing

@Suite("HOTP (RFC 4226)")
struct HOTPTests {
    /// The RFC 4226 Appendix D secret: the ASCII string "12345678901234567890".
    static let secret = Array("12345678901234567890".utf8)

    @Test(
        "RFC 4226 Appendix D: the ten HOTP values of the test secret",
        arguments: [
            (UInt64(0), "755224"), (1, "287082"), (2, "359152"), (3, "969429"), (4, "338314"),
            (5, "254676"), (6, "287922"), (7, "162583"), (8, "399871"), (9, "520489"),
        ])
    func appendixD(counter: UInt64, expected: String) {
        #expect(HOTP.code(secret: Self.secret, counter: counter) == expected)
    }

    @Test("codes are zero-padded to the requested number of digits")
    func zeroPadding() {
        // A truncated value below 10^(digits − 1) must still give `digits` characters.
        for counter in UInt64(0)..<2000 {
            for digits in 6...8 {
                let code = HOTP.code(secret: Self.secret, counter: counter, digits: digits)
                #expect(code.count == digits)
                #expect(code.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            }
        }
        // At least one of the first 2000 six-digit codes starts with 0 (about 10 % do).
        #expect((UInt64(0)..<2000).contains { HOTP.code(secret: Self.secret, counter: $0).hasPrefix("0") })
    }
}
