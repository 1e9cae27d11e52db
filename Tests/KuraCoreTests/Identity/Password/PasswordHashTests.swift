import Foundation
import KuraCore
import Testing

@Suite("PasswordHash: scrypt (RFC 7914) in the PHC string format")
struct PasswordHashTests {
    let cheap = ScryptParameters.passwordTesting
    let salt: [UInt8] = Array(0..<16)

    /// RFC 7914 §12, the table ``ScryptVectorTests`` checks CryptoExtras with. Its 64-byte
    /// outputs: scrypt ends in PBKDF2-HMAC-SHA256 with one iteration, whose output blocks are
    /// independent (RFC 8018 §5.2), so a 32-byte hash is the first half.
    static let vectors = ScryptVectorTests.vectors

    @Test("the hash PasswordHash computes is RFC 7914 scrypt", arguments: vectors)
    func rfcVectors(vector: ScryptVectorTests.Vector) throws {
        let parameters = try #require(
            ScryptParameters(log2N: vector.log2N, blockSize: vector.blockSize, parallelism: vector.parallelism))
        let derived = try PasswordHash.derive(
            password: Array(vector.passphrase.utf8), salt: Array(vector.salt.utf8), parameters: parameters)
        #expect(hexEncoded(derived) == String(vector.expected.prefix(64)))
    }

    @Test("every RFC 7914 §12 vector's parameters, N = 2^20 included, are within the bounds")
    func rfcParametersFitTheBounds() {
        #expect(ScryptParameters(log2N: 20, blockSize: 8, parallelism: 1) != nil)
        for vector in Self.vectors {
            #expect(
                ScryptParameters(log2N: vector.log2N, blockSize: vector.blockSize, parallelism: vector.parallelism)
                    != nil)
        }
    }

    /// Known answers from an independent implementation (Python's `hashlib.scrypt`, OpenSSL), so
    /// `make` and `encoded` together are checked end to end, 16-byte salt and all.
    @Test(
        "make gives the PHC string another scrypt implementation gives",
        arguments: [
            (
                "correct horse battery staple", Array(UInt8(0)..<16), ScryptParameters.passwordTesting,
                "$scrypt$ln=4,r=1,p=1$AAECAwQFBgcICQoLDA0ODw$rq9CaAQyqN/0QXhWUwu9Fo41aqIxGX0LJsY5yCllu/o"
            ),
            (
                "にほんごのパスワード", Array(UInt8(16)..<32), ScryptParameters(log2N: 10, blockSize: 8, parallelism: 2)!,
                "$scrypt$ln=10,r=8,p=2$EBESExQVFhcYGRobHB0eHw$3v15kSxUK/EGLvTyluuH7DNP5mTgW6+JGJyl+zeqh04"
            ),
        ])
    func knownAnswers(password: String, salt: [UInt8], parameters: ScryptParameters, expected: String) throws {
        let hash = try PasswordHash.make(password: Array(password.utf8), salt: salt, parameters: parameters)
        #expect(hash.encoded == expected)
        #expect(try PasswordHash(encoded: expected) == hash)
        #expect(try hash.verify(Array(password.utf8)))
    }

    @Test("encoded parses back to the same hash, with its parameters")
    func roundTrip() throws {
        let parameters = try #require(ScryptParameters(log2N: 6, blockSize: 2, parallelism: 3))
        let hash = try PasswordHash.make(password: Array("hunter2!".utf8), salt: salt, parameters: parameters)
        let parsed = try PasswordHash(encoded: hash.encoded)
        #expect(parsed == hash)
        #expect(parsed.parameters == parameters)
        #expect(parsed.encoded == hash.encoded)
        #expect(hash.encoded.hasPrefix("$scrypt$ln=6,r=2,p=3$"))
    }

    @Test("verify accepts the password and refuses any other")
    func verify() throws {
        let hash = try PasswordHash.make(password: Array("Tr9$kLm2#pQx".utf8), salt: salt, parameters: cheap)
        #expect(try hash.verify(Array("Tr9$kLm2#pQx".utf8)))
        for wrong in ["", "Tr9$kLm2#pQ", "Tr9$kLm2#pQxx", "tr9$kLm2#pQx", "Tr9$kLm2#pQy"] {
            #expect(try !hash.verify(Array(wrong.utf8)))
        }
    }

    @Test("a 128-character password is hashed whole: its 128th character matters")
    func noTruncation() throws {
        let base = String((0..<127).map { Character(UnicodeScalar(UInt8(33 + $0 % 90))) })
        let password = base + "A"
        #expect(password.count == 128)
        let hash = try PasswordHash.make(password: Array(password.utf8), salt: salt, parameters: cheap)
        #expect(try hash.verify(Array(password.utf8)))
        #expect(try !hash.verify(Array((base + "B").utf8)))
        #expect(try !hash.verify(Array(base.utf8)))
        // A 128-character password in kanji is 384 bytes of UTF-8: still whole.
        let kanji = String(repeating: "漢字", count: 63) + "語文"
        let kanjiHash = try PasswordHash.make(password: Array(kanji.utf8), salt: salt, parameters: cheap)
        #expect(try !kanjiHash.verify(Array((String(repeating: "漢字", count: 63) + "語字").utf8)))
    }

    @Test(
        "non-ASCII passwords hash and verify as their UTF-8 bytes",
        arguments: ["にほんごのパスワード", "Ünïcödé pässwörd", "🔐🏥💊 emoji 🩺", "한국어 비밀번호", "café"])
    func nonASCII(password: String) throws {
        let hash = try PasswordHash.make(password: Array(password.utf8), salt: salt, parameters: cheap)
        #expect(try hash.verify(Array(password.utf8)))
        #expect(try !hash.verify(Array((password + " ").utf8)))
    }

    @Test("PasswordHash itself compares bytes: NFC and NFD spellings differ until the server normalises")
    func bytesNotCharacters() throws {
        let precomposed = "\u{304C}"  // が
        let decomposed = "\u{304B}\u{3099}"  // か + combining dakuten
        let hash = try PasswordHash.make(password: Array(precomposed.utf8), salt: salt, parameters: cheap)
        #expect(try !hash.verify(Array(decomposed.utf8)))
    }

    @Test("make refuses a salt that is not 16 bytes", arguments: [0, 8, 15, 17, 32])
    func saltLength(count: Int) {
        #expect(throws: PasswordHashError.invalidSaltLength) {
            try PasswordHash.make(password: [1, 2, 3], salt: Array(repeating: 7, count: count), parameters: cheap)
        }
    }

    @Test("needsRehash is true exactly when the parameters differ from the current ones")
    func needsRehash() throws {
        let hash = try PasswordHash.make(password: [1], salt: salt, parameters: cheap)
        #expect(!hash.needsRehash(for: cheap))
        #expect(hash.needsRehash(for: .password))
        let stronger = try PasswordHash(encoded: hash.encoded.replacingOccurrences(of: "ln=4", with: "ln=5"))
        #expect(stronger.needsRehash(for: cheap))
    }

    @Test("description, debugDescription and dump show the parameters only")
    func redaction() throws {
        let hash = try PasswordHash.make(password: Array("secret".utf8), salt: salt, parameters: cheap)
        let salt = UnpaddedBase64Forms(bytes: self.salt)
        let hashPart = String(hash.encoded.split(separator: "$").last!)
        var dumped = ""
        dump(hash, to: &dumped)
        for rendering in [String(describing: hash), String(reflecting: hash), "\(hash)", dumped] {
            #expect(!rendering.contains(hashPart))
            #expect(!rendering.contains(salt.base64))
            #expect(!rendering.contains(salt.decimal))
        }
        #expect(String(describing: hash) == "PasswordHash(scrypt(N=16, r=1, p=1))")
    }

    @Test("the production cost is N=2^16, r=8, p=1 (chosen with kura-bench password, BENCHMARKS.md)")
    func productionCost() {
        #expect(ScryptParameters.password.log2N == 16)
        #expect(ScryptParameters.password.blockSize == 8)
        #expect(ScryptParameters.password.parallelism == 1)
        #expect(ScryptParameters.passwordTesting.cost < ScryptParameters.password.cost / 1000)
    }
}

/// The forms salt bytes could leak in.
struct UnpaddedBase64Forms {
    let base64: String
    let decimal: String

    init(bytes: [UInt8]) {
        base64 = String(Data(bytes).base64EncodedString().prefix { $0 != "=" })
        decimal = bytes.map(String.init).joined(separator: ", ")
    }
}
