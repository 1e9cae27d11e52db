import Crypto
import CryptoExtras
import KuraCore
import Testing

/// RFC 7914 §12 test vectors (all but N = 2^20, which needs 1 GiB and seconds per run; its
/// parameters are still checked to fit the bounds in PasswordHashTests).
@Suite("scrypt through CryptoExtras matches RFC 7914 §12")
struct ScryptVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let passphrase: String
        let salt: String
        let log2N: UInt8
        let blockSize: UInt32
        let parallelism: UInt32
        let expected: String

        var testDescription: String { "N=\(1 << Int(log2N)), r=\(blockSize), p=\(parallelism)" }
    }

    static let vectors = [
        Vector(
            passphrase: "", salt: "", log2N: 4, blockSize: 1, parallelism: 1,
            expected: "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
        Vector(
            passphrase: "password", salt: "NaCl", log2N: 10, blockSize: 8, parallelism: 16,
            expected: "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
        Vector(
            passphrase: "pleaseletmein", salt: "SodiumChloride", log2N: 14, blockSize: 8, parallelism: 1,
            expected: "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"),
    ]

    @Test("KDF.Scrypt gives the RFC output", arguments: vectors)
    func cryptoExtras(vector: Vector) throws {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(vector.passphrase.utf8), salt: Array(vector.salt.utf8), outputByteCount: 64,
            rounds: 1 << Int(vector.log2N), blockSize: Int(vector.blockSize), parallelism: Int(vector.parallelism))
        #expect(key.withUnsafeBytes { hexEncoded($0) } == vector.expected)
    }

    @Test("ScryptParameters passes N, r and p through unchanged", arguments: vectors)
    func parameters(vector: Vector) throws {
        let parameters = try #require(
            ScryptParameters(log2N: vector.log2N, blockSize: vector.blockSize, parallelism: vector.parallelism))
        let derived = try parameters.deriveKey(
            passphrase: Array(vector.passphrase.utf8), salt: Array(vector.salt.utf8), byteCount: 64)
        #expect(hexEncoded(derived) == vector.expected)
    }

    @Test("the production default is N=2^15, r=8, p=1")
    func productionDefault() {
        #expect(ScryptParameters.default.cost == 32_768)
        #expect(ScryptParameters.default.blockSize == 8)
        #expect(ScryptParameters.default.parallelism == 1)
    }

    @Test("parameters outside the bounds are refused")
    func bounds() {
        #expect(ScryptParameters(log2N: 0, blockSize: 8, parallelism: 1) == nil)
        #expect(ScryptParameters(log2N: 21, blockSize: 1, parallelism: 1) == nil)
        #expect(ScryptParameters(log2N: 20, blockSize: 16, parallelism: 1) == nil)
        #expect(ScryptParameters(log2N: 10, blockSize: 0, parallelism: 1) == nil)
        #expect(ScryptParameters(log2N: 10, blockSize: 8, parallelism: 17) == nil)
        #expect(ScryptParameters(log2N: 20, blockSize: 8, parallelism: 1) != nil)
    }
}
