import KuraCore
import Testing

@Suite("PasswordHash(encoded:) accepts only the exact form Kura writes")
struct PasswordHashParsingTests {
    /// A valid stored hash (ln=4, r=1, p=1) and its parts, for building near misses.
    static let salt: String = "AAECAwQFBgcICQoLDA0ODw"
    static let hash: String = "rq9CaAQyqN/0QXhWUwu9Fo41aqIxGX0LJsY5yCllu/o"
    static let valid: String = "$scrypt$ln=4,r=1,p=1$\(salt)$\(hash)"

    static func stored(_ parameters: String, salt: String = salt, hash: String = hash) -> String {
        "$scrypt$\(parameters)$\(salt)$\(hash)"
    }

    @Test("the valid string parses")
    func valid() throws {
        #expect(try PasswordHash(encoded: Self.valid).encoded == Self.valid)
    }

    /// Near misses of `valid`, each of which must be refused as malformed.
    static let malformedInputs: [String] = [
        // The prefix and the algorithm.
        "", "scrypt$ln=4,r=1,p=1$\(salt)$\(hash)", "$$scrypt$ln=4,r=1,p=1$\(salt)$\(hash)",
        "$argon2id$ln=4,r=1,p=1$\(salt)$\(hash)", "$SCRYPT$ln=4,r=1,p=1$\(salt)$\(hash)",
        "$7$ln=4,r=1,p=1$\(salt)$\(hash)", " $scrypt$ln=4,r=1,p=1$\(salt)$\(hash)",
        // Parameters: names, order, count, spelling of numbers.
        stored("ln=4,r=1"), stored("ln=4,r=1,p=1,x=1"), stored("r=1,ln=4,p=1"), stored("n=16,r=1,p=1"),
        stored("ln=04,r=1,p=1"), stored("ln=+4,r=1,p=1"), stored("ln=-4,r=1,p=1"), stored("ln=,r=1,p=1"),
        stored("ln=4,r=1,p=1,"), stored("ln=4, r=1,p=1"), stored("ln=4;r=1;p=1"), stored("ln=٤,r=1,p=1"),
        stored("ln=4,r=1,p=9999999999"), stored(""),
        // Salt: length, padding, alphabet, non-canonical trailing bits.
        stored("ln=4,r=1,p=1", salt: "AAECAwQFBgcICQoLDA0O"), stored("ln=4,r=1,p=1", salt: "AAECAwQFBgcICQoLDA0ODxA"),
        stored("ln=4,r=1,p=1", salt: salt + "=="), stored("ln=4,r=1,p=1", salt: "AAECAwQFBgcICQoLDA0ODx"),
        stored("ln=4,r=1,p=1", salt: "AAECAwQFBgcICQoLDA0OD-"), stored("ln=4,r=1,p=1", salt: ""),
        // Hash: length, padding, trailing bits.
        stored("ln=4,r=1,p=1", hash: String(hash.dropLast(2))), stored("ln=4,r=1,p=1", hash: hash + "AA"),
        stored("ln=4,r=1,p=1", hash: hash + "="), stored("ln=4,r=1,p=1", hash: String(hash.dropLast()) + "p"),
        stored("ln=4,r=1,p=1", hash: "rq9CaAQyqN_0QXhWUwu9Fo41aqIxGX0LJsY5yCllu_o"),
        // Anything after the hash.
        valid + "$", valid + "$extra", valid + "\n", valid + " ", valid + "\0",
    ]

    @Test("malformed strings are refused as malformed", arguments: malformedInputs)
    func malformed(encoded: String) {
        #expect(throws: PasswordHashError.malformed) { try PasswordHash(encoded: encoded) }
    }

    @Test(
        "parameters outside the bounds are refused as unsupported before any hashing",
        arguments: [
            "ln=0,r=1,p=1", "ln=21,r=1,p=1", "ln=255,r=1,p=1", "ln=256,r=1,p=1", "ln=4,r=0,p=1", "ln=4,r=17,p=1",
            "ln=4,r=1,p=0", "ln=4,r=1,p=17", "ln=20,r=16,p=1", "ln=4,r=999999999,p=1",
        ])
    func unsupported(parameters: String) {
        #expect(throws: PasswordHashError.unsupportedParameters) {
            try PasswordHash(encoded: Self.stored(parameters))
        }
    }

    @Test("error descriptions never contain the stored salt or hash")
    func errorsLeakNothing() {
        for error in [PasswordHashError.malformed, .unsupportedParameters, .invalidSaltLength, .derivationFailed] {
            #expect(!error.description.contains(Self.salt))
            #expect(!error.description.contains(Self.hash))
        }
    }
}
