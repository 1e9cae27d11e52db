import KuraCore
import Testing

@Suite("TOTP secrets")
struct TOTPSecretTests {
    @Test("a secret has 160 bits, drawn from the given source")
    func generate() {
        let first = TOTPSecret.generate(using: SeededRandomBytes(seed: "secret"))
        let again = TOTPSecret.generate(using: SeededRandomBytes(seed: "secret"))
        let other = TOTPSecret.generate(using: SeededRandomBytes(seed: "other"))
        #expect(TOTPSecret.byteCount == 20)
        #expect(first.count == 20)
        #expect(first == again)
        #expect(first != other)
        #expect(Base32.encode(first).count == 32)
    }
}
