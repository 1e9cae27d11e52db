import KuraCore
import Testing

@Suite("Base32 (RFC 4648 §6)")
struct Base32Tests {
    @Test(
        "RFC 4648 §10 test vectors, encoded without padding and decoded with or without it",
        arguments: [
            ("", "", ""), ("f", "MY", "MY======"), ("fo", "MZXQ", "MZXQ===="), ("foo", "MZXW6", "MZXW6==="),
            ("foob", "MZXW6YQ", "MZXW6YQ="), ("fooba", "MZXW6YTB", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI", "MZXW6YTBOI======"),
        ])
    func rfcVectors(plain: String, encoded: String, padded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
        #expect(Base32.decode(padded) == Array(plain.utf8))
        #expect(Base32.decode(encoded.lowercased()) == Array(plain.utf8))
    }

    @Test("every length from 0 to 64 bytes round-trips")
    func roundTrips() {
        let random = SeededRandomBytes(seed: "base32")
        for length in 0...64 {
            let bytes = random.bytes(count: length)
            let text = Base32.encode(bytes)
            #expect(text.count == (length * 8 + 4) / 5)
            #expect(!text.contains("="))
            #expect(Base32.decode(text) == bytes)
        }
    }

    @Test("spaces are ignored, as in secrets copied by hand in groups of four")
    func spaces() {
        #expect(Base32.decode("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ") == Array("12345678901234567890".utf8))
        #expect(Base32.decode(" mzxw6ytboi ") == Array("foobar".utf8))
    }

    @Test(
        "characters outside the alphabet, misplaced padding and impossible lengths are refused",
        arguments: [
            "MZXW6YTB0I",  // the digit 0 is not in the alphabet (nor 1, 8, 9)
            "MZXW6YTB1I", "MZXW6YTB8I", "MZXW6YTB9I",
            "MZXW-6YTB", "MZXW_6YTB", "MZXW6YTBOI\n", "MZ=XW6YTB", "=MZXW6YTB", "Ｍ",
            "M",  // 1, 3 and 6 characters after a full group cannot come from whole bytes
            "MZX", "MZXW6Y", "MZXW6YTBM", "MZXW6YTBMZX",
        ])
    func refused(text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test("non-zero unused bits in the last character are refused, so each value has one spelling")
    func canonical() {
        #expect(Base32.decode("MY") == [0x66])
        #expect(Base32.decode("MZ") == nil)
        #expect(Base32.decode("MZXW6YTBOI") != nil)
        #expect(Base32.decode("MZXW6YTBOJ") == nil)
    }
}
