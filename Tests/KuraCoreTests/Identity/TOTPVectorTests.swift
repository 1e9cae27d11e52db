import KuraCore
import Testing

@Suite("TOTP known answers (RFC 6238 Appendix B)")
struct TOTPVectorTests {
    /// The Appendix B seeds: "1234567890" repeated to the hash's output length (20, 32 and 64 bytes).
    static func seed(_ algorithm: OTPAlgorithm) -> [UInt8] {
        let length =
            switch algorithm {
            case .sha1: 20
            case .sha256: 32
            case .sha512: 64
            }
        return Array(String(repeating: "1234567890", count: 7).utf8.prefix(length))
    }

    @Test(
        "every row of the RFC 6238 Appendix B table, 8 digits, 30-second steps",
        arguments: [
            (Int64(59), Int64(0x1), "94287082", OTPAlgorithm.sha1),
            (59, 0x1, "46119246", .sha256),
            (59, 0x1, "90693936", .sha512),
            (1_111_111_109, 0x23523EC, "07081804", .sha1),
            (1_111_111_109, 0x23523EC, "68084774", .sha256),
            (1_111_111_109, 0x23523EC, "25091201", .sha512),
            (1_111_111_111, 0x23523ED, "14050471", .sha1),
            (1_111_111_111, 0x23523ED, "67062674", .sha256),
            (1_111_111_111, 0x23523ED, "99943326", .sha512),
            (1_234_567_890, 0x273EF07, "89005924", .sha1),
            (1_234_567_890, 0x273EF07, "91819424", .sha256),
            (1_234_567_890, 0x273EF07, "93441116", .sha512),
            (2_000_000_000, 0x3F940AA, "69279037", .sha1),
            (2_000_000_000, 0x3F940AA, "90698825", .sha256),
            (2_000_000_000, 0x3F940AA, "38618901", .sha512),
            (20_000_000_000, 0x27BC86AA, "65353130", .sha1),
            (20_000_000_000, 0x27BC86AA, "77737706", .sha256),
            (20_000_000_000, 0x27BC86AA, "47863826", .sha512),
        ])
    func appendixB(time: Int64, step: Int64, expected: String, algorithm: OTPAlgorithm) {
        let totp = TOTP(secret: Self.seed(algorithm), digits: 8, algorithm: algorithm)
        #expect(totp.step(at: time) == step)
        #expect(totp.code(at: time) == expected)
        #expect(totp.verify(expected, at: time, lastAcceptedStep: nil) == .accepted(step: step))
    }

    @Test("the Appendix B seeds have the lengths the RFC states")
    func seeds() {
        #expect(Self.seed(.sha1) == Array("12345678901234567890".utf8))
        #expect(Self.seed(.sha256) == Array("12345678901234567890123456789012".utf8))
        #expect(
            Self.seed(.sha512) == Array("1234567890123456789012345678901234567890123456789012345678901234".utf8))
    }

    @Test(
        "the time step rounds down, also before the epoch",
        arguments: [
            (Int64(0), Int64(0)), (29, 0), (30, 1), (-1, -1), (-30, -1), (-31, -2),
        ])
    func stepRounding(time: Int64, step: Int64) {
        #expect(TOTP(secret: Self.seed(.sha1)).step(at: time) == step)
    }
}
