import KuraCore
import Testing

@Suite struct TlogProofTests {
    /// A proof for index 2 in the size-5 known-answer checkpoint (PATH(2, D[5]) has 3 hashes).
    static func sample(extra: [UInt8]? = nil) throws -> TlogProof {
        try TlogProof(
            extra: extra,
            index: 2,
            hashes: [LedgerFixtures.hash(1), LedgerFixtures.hash(2), LedgerFixtures.hash(3)],
            signedCheckpoint: SignedNote.parse(Array(LedgerFixtures.signedCheckpoint.utf8))
        )
    }

    static let hash1 = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="
    static let hash2 = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI="
    static let hash3 = "AwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwM="
    static let body = "index 2\n\(hash1)\n\(hash2)\n\(hash3)\n\n" + LedgerFixtures.signedCheckpoint

    @Test("formats exactly as C2SP tlog-proof lays out, without extra data")
    func formatsWithoutExtra() throws {
        let proof = try Self.sample()
        #expect(proof.formatted == "c2sp.org/tlog-proof@v1\n" + Self.body)
        #expect(try TlogProof.parse(proof.bytes) == proof)
    }

    @Test("formats and parses the optional extra line")
    func formatsWithExtra() throws {
        let proof = try Self.sample(extra: Array("hello".utf8))
        #expect(proof.formatted == "c2sp.org/tlog-proof@v1\nextra aGVsbG8=\n" + Self.body)
        let parsed = try TlogProof.parse(proof.bytes)
        #expect(parsed == proof)
        #expect(parsed.extra == Array("hello".utf8))
        #expect(parsed.index == 2)
        #expect(parsed.hashes == [LedgerFixtures.hash(1), LedgerFixtures.hash(2), LedgerFixtures.hash(3)])
        #expect(parsed.checkpoint.size == 5)
        #expect(parsed.signedCheckpoint.formatted == LedgerFixtures.signedCheckpoint)
    }

    @Test("a proof for a one-leaf tree has no hash lines")
    func emptyProof() throws {
        let signer = try LedgerFixtures.signer()
        let checkpoint = try Checkpoint(origin: LedgerFixtures.origin, size: 1, root: LedgerFixtures.hash(9))
        let proof = try TlogProof(index: 0, hashes: [], signedCheckpoint: checkpoint.signed(by: signer))
        #expect(proof.formatted.hasPrefix("c2sp.org/tlog-proof@v1\nindex 0\n\nkura.example/test-log\n1\n"))
        #expect(try TlogProof.parse(proof.bytes) == proof)
    }

    @Test("verifies the embedded checkpoint with the log's verifier")
    func verifiesCheckpoint() throws {
        let proof = try Self.sample()
        let verifier = try LedgerFixtures.verifier()
        #expect(proof.verifyCheckpoint(with: verifier) == .verified(proof.checkpoint))
        let peter = try NoteVerifier(parsing: NoteKeyTests.peterVerifierKey)
        #expect(proof.verifyCheckpoint(with: peter) == .rejected(.note(.unknownKey)))
        let tampered = try TlogProof.parse(Array(proof.formatted.replacing("\n5\n", with: "\n6\n").utf8))
        #expect(
            tampered.verifyCheckpoint(with: verifier)
                == .rejected(.note(.badSignature(keyName: LedgerFixtures.origin, keyID: verifier.keyID))))
    }

    static let header = "c2sp.org/tlog-proof@v1\n"
    static let malformed: [(String, TlogProofError)] = [
        ("", .missingHeader),
        ("c2sp.org/tlog-proof@v2\n" + body, .missingHeader),
        ("c2sp.org/tlog-proof@v1 \n" + body, .missingHeader),
        ("\n" + header + body, .missingHeader),
        (header + "extra \n" + body, .invalidExtra),
        (header + "extra aGVsbG8\n" + body, .invalidExtra),
        (header + "extra  aGVsbG8=\n" + body, .invalidExtra),
        (header + "extra aGVsbG8=\nextra aGVsbG8=\n" + body, .invalidIndex),
        (header + body.replacing("index 2", with: "index 02"), .invalidIndex),
        (header + body.replacing("index 2", with: "index  2"), .invalidIndex),
        (header + body.replacing("index 2", with: "index -2"), .invalidIndex),
        (header + body.replacing("index 2", with: "Index 2"), .invalidIndex),
        (header + body.replacing("index 2", with: "index"), .invalidIndex),
        (header + body.replacing("index 2", with: "index 5"), .indexOutOfRange),
        (header + body.replacing("index 2", with: "index 4"), .wrongProofLength),
        (header + body.replacing("\(hash3)\n", with: ""), .wrongProofLength),
        (header + body.replacing("\(hash3)\n", with: "\(hash3)\n\(hash3)\n"), .wrongProofLength),
        (header + body.replacing(hash2, with: String(hash2.dropLast())), .invalidHash),
        (header + body.replacing(hash2, with: "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgJ="), .invalidHash),
        (header + body.replacing(hash2, with: "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg=="), .invalidHash),
        (header + body.replacing(hash2, with: " " + hash2), .invalidHash),
        (header + "index 2\n\(hash1)\n\(hash2)\n\(hash3)\n", .missingBlankLine),
        (header + "index 2\n", .missingBlankLine),
        (header + body.replacing("\n\n\u{2014}", with: "\n\u{2014}"), .malformedNote(.missingBlankLine)),
        (header + "index 0\n\nkura.example/test-log\n1\n\(hash1)\n\n", .malformedNote(.noSignatures)),
        (header + body + "trailing", .malformedNote(.malformedSignatureLine)),
        (header + body.replacing("\n5\n", with: "\n05\n"), .malformedCheckpoint(.invalidSize)),
        (header + body.replacing("\(hash3)\n\n", with: "\(hash3)\n\n\n"), .malformedCheckpoint(.invalidOrigin)),
    ]

    @Test("refuses malformed proofs with the reason", arguments: malformed)
    func refusesMalformed(text: String, error: TlogProofError) {
        #expect(throws: error) { try TlogProof.parse(Array(text.utf8)) }
    }

    @Test("refuses invalid UTF-8 and empty extra data")
    func refusesOther() throws {
        #expect(throws: TlogProofError.invalidUTF8) { try TlogProof.parse(Array(Self.header.utf8) + [0xC0, 0x80]) }
        #expect(throws: TlogProofError.invalidExtra) { try Self.sample(extra: []) }
    }

    @Test("the proof length a tlog-proof must have agrees with RFC 6962's PATH recursion up to size 130")
    func proofLengthMatchesReference() {
        for size in UInt64(1)...130 {
            for index in 0..<size {
                #expect(InclusionProof.expectedLength(index: index, size: size) == Self.pathLength(index, size))
            }
        }
        #expect(InclusionProof.expectedLength(index: 0, size: .max) == 64)
        #expect(InclusionProof.expectedLength(index: .max - 1, size: .max) == 63)
    }

    /// RFC 6962 §2.1.1: PATH(m, D[n]) for n > 1 is PATH of the half holding m plus one hash.
    static func pathLength(_ index: UInt64, _ size: UInt64) -> Int {
        guard size > 1 else { return 0 }
        var split: UInt64 = 1
        while split * 2 < size { split *= 2 }
        return index < split ? 1 + pathLength(index, split) : 1 + pathLength(index - split, size - split)
    }
}
