import Crypto
import KuraCore
import Testing

@Suite struct NoteKeyTests {
    /// golang.org/x/mod/sumdb/note's published example key (package documentation).
    static let peterVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let peterSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"

    @Test("parses the sumdb example verifier key and formats it back")
    func parsesPeterNeumann() throws {
        let verifier = try NoteVerifier(parsing: Self.peterVerifierKey)
        #expect(verifier.name == "PeterNeumann")
        #expect(verifier.keyID == 0xC74F_20A3)
        #expect(verifier.verifierKey == Self.peterVerifierKey)
        #expect(String(describing: verifier) == Self.peterVerifierKey)
    }

    @Test("computes the key ID as SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4], checked by hand")
    func keyIDByHand() throws {
        let verifier = try LedgerFixtures.verifier()
        let digest = Array(
            SHA256.hash(data: Array("kura.example/test-log".utf8) + [0x0A, 0x01] + verifier.publicKeyBytes))
        let expected = UInt32(digest[0]) << 24 | UInt32(digest[1]) << 16 | UInt32(digest[2]) << 8 | UInt32(digest[3])
        #expect(verifier.keyID == expected)
        #expect(verifier.keyID == 0xA06B_B9BB)  // computed with Python's hashlib
    }

    @Test("a signer derives the same verifier as the published verifier key")
    func signerMatchesVerifier() throws {
        let signer = try NoteSigner(parsing: Self.peterSignerKey)
        #expect(signer.verifier == (try NoteVerifier(parsing: Self.peterVerifierKey)))
        let ours = try LedgerFixtures.signer()
        #expect(ours.verifier.verifierKey == LedgerFixtures.verifierKey)
        let fromKey = try NoteSigner(
            name: "kura.example/test-log", privateKey: .init(rawRepresentation: Array(1...32) as [UInt8]))
        #expect(fromKey.verifier == ours.verifier)
    }

    @Test("signer descriptions, debug descriptions and dumps never contain key material")
    func signerRedaction() throws {
        let signer = try NoteSigner(parsing: Self.peterSignerKey)
        var dumped = ""
        dump(signer, to: &dumped)
        for text in [String(describing: signer), String(reflecting: signer), dumped, "\(signer)"] {
            #expect(!text.contains("AYEKFALVFGyNhPJEMzD1QIDr"))
            #expect(!text.contains("810a1402"))  // hex of the seed's first bytes
            #expect(!text.lowercased().contains("privatekey("))
            #expect(text.contains("PeterNeumann"))
        }
    }

    static let badVerifierKeys: [(String, NoteKeyError)] = [
        ("", .malformedVerifierKey),
        ("PeterNeumann", .malformedVerifierKey),
        ("PeterNeumann+c74f20a3", .malformedVerifierKey),
        ("+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", .invalidName),
        ("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", .invalidName),
        ("Peter\u{00A0}Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", .invalidName),
        ("Peter\u{1}Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", .invalidName),
        ("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", .malformedVerifierKey),
        ("PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", .malformedVerifierKey),
        ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T", .malformedVerifierKey),
        ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW ", .malformedVerifierKey),
        ("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", .keyIDMismatch),
        ("PeterNeumanN+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", .keyIDMismatch),
        ("PeterNeumann+c74f20a3+ApqrAgcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", .unsupportedKeyType),
        ("PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy", .unsupportedKeyType),
    ]

    @Test("refuses malformed verifier keys", arguments: badVerifierKeys)
    func refusesBadVerifierKeys(key: String, error: NoteKeyError) {
        #expect(throws: error) { try NoteVerifier(parsing: key) }
    }

    @Test("refuses malformed signer keys")
    func refusesBadSignerKeys() {
        #expect(throws: NoteKeyError.malformedSignerKey) {
            try NoteSigner(parsing: "PRIVATE+KEX+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
        }
        #expect(throws: NoteKeyError.keyIDMismatch) {
            try NoteSigner(parsing: "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
        }
        #expect(throws: NoteKeyError.malformedSignerKey) { try NoteSigner(parsing: Self.peterVerifierKey) }
    }

    @Test(
        "refuses invalid key names when creating keys",
        arguments: ["", "a b", "a+b", "a\tb", "a\u{2028}b", "a\u{3000}b"])
    func refusesBadNames(name: String) throws {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: Array(1...32) as [UInt8])
        #expect(throws: NoteKeyError.invalidName) { try NoteSigner(name: name, privateKey: key) }
        #expect(throws: NoteKeyError.invalidName) { try NoteVerifier(name: name, publicKey: key.publicKey) }
    }
}
