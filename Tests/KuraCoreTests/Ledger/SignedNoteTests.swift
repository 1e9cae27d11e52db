import KuraCore
import Testing

@Suite struct SignedNoteTests {
    /// golang.org/x/mod/sumdb/note's published example note, signed by PeterNeumann.
    static let peterText =
        "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let peterNote =
        peterText + "\n\u{2014} PeterNeumann "
        + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"

    static func peterVerifier() throws -> NoteVerifier { try NoteVerifier(parsing: NoteKeyTests.peterVerifierKey) }

    @Test("verifies the sumdb example note with the sumdb example verifier key (known answer)")
    func verifiesPeterNeumann() throws {
        let verifier = try Self.peterVerifier()
        let result = SignedNote.open(Array(Self.peterNote.utf8), verifiers: [verifier])
        #expect(result == .verified(text: Self.peterText, by: [verifier]))
        let note = try SignedNote.parse(Array(Self.peterNote.utf8))
        #expect(note.signatures.count == 1)
        #expect(note.signatures[0].keyID == 0xC74F_20A3)
        #expect(note.formatted == Self.peterNote)
    }

    @Test("signing the sumdb example text with its key reproduces the published note")
    func signsPeterNeumann() throws {
        let signer = try NoteSigner(parsing: NoteKeyTests.peterSignerKey)
        let note = try SignedNote(signing: Self.peterText, with: [signer])
        #expect(note.verify(with: try Self.peterVerifier()) == .verified(text: Self.peterText, by: [signer.verifier]))
        #if os(Linux)
            // BoringSSL's Ed25519 is the deterministic RFC 8032 scheme; Apple's CryptoKit hedges
            // signatures with randomness, so only there the bytes may differ.
            #expect(note.formatted == Self.peterNote)
        #endif
    }

    @Test("round-trips a note with several signers and blank lines in the text")
    func roundTrip() throws {
        let ours = try LedgerFixtures.signer()
        let peter = try NoteSigner(parsing: NoteKeyTests.peterSignerKey)
        let text = "first\n\nthird line — with an em dash\n\n"
        let note = try SignedNote(signing: text, with: [ours, peter])
        let parsed = try SignedNote.parse(note.bytes)
        #expect(parsed == note)
        #expect(parsed.text == text)
        #expect(parsed.verify(with: [ours.verifier]) == .verified(text: text, by: [ours.verifier]))
        #expect(
            parsed.verify(with: [peter.verifier, ours.verifier])
                == .verified(text: text, by: [ours.verifier, peter.verifier]))
    }

    @Test("every single corrupted signature byte is refused as a bad signature")
    func corruptedSignatureBytes() throws {
        let verifier = try Self.peterVerifier()
        let note = try SignedNote.parse(Array(Self.peterNote.utf8))
        let original = note.signatures[0]
        for index in original.signature.indices {
            var bytes = original.signature
            bytes[index] ^= 0x01
            let corrupted = try SignedNote(
                text: note.text,
                signatures: [NoteSignature(keyName: original.keyName, keyID: original.keyID, signature: bytes)]
            )
            #expect(
                corrupted.verify(with: verifier)
                    == .rejected(.badSignature(keyName: "PeterNeumann", keyID: 0xC74F_20A3)))
            // And the same through the text form.
            #expect(SignedNote.open(corrupted.bytes, verifiers: [verifier]) == corrupted.verify(with: verifier))
        }
    }

    @Test("a changed text byte makes the signature fail")
    func corruptedText() throws {
        let verifier = try Self.peterVerifier()
        let changed = Self.peterNote.replacing("cryptography", with: "cryptographY")
        #expect(
            SignedNote.open(Array(changed.utf8), verifiers: [verifier])
                == .rejected(.badSignature(keyName: "PeterNeumann", keyID: 0xC74F_20A3)))
    }

    @Test("a signature with a truncated or extended length fails")
    func wrongSignatureLength() throws {
        let verifier = try Self.peterVerifier()
        let original = try SignedNote.parse(Array(Self.peterNote.utf8)).signatures[0]
        for bytes in [Array(original.signature.dropLast()), original.signature + [0]] {
            let note = try SignedNote(
                text: Self.peterText,
                signatures: [NoteSignature(keyName: "PeterNeumann", keyID: original.keyID, signature: bytes)])
            #expect(
                note.verify(with: verifier) == .rejected(.badSignature(keyName: "PeterNeumann", keyID: 0xC74F_20A3)))
        }
    }

    @Test("a signature under a wrong key ID or a wrong name is from an unknown key")
    func unknownKeys() throws {
        let verifier = try Self.peterVerifier()
        let original = try SignedNote.parse(Array(Self.peterNote.utf8)).signatures[0]
        let wrongID = NoteSignature(keyName: "PeterNeumann", keyID: 0xC74F_20A4, signature: original.signature)
        let wrongName = NoteSignature(keyName: "PeterNeuman", keyID: original.keyID, signature: original.signature)
        for signature in [wrongID, wrongName] {
            let note = try SignedNote(text: Self.peterText, signatures: [signature])
            #expect(note.verify(with: verifier) == .rejected(.unknownKey))
        }
        // Unknown signatures are ignored when a known one verifies (signed-note "Signatures").
        let mixed = try SignedNote(text: Self.peterText, signatures: [wrongID, wrongName, original])
        #expect(mixed.verify(with: verifier) == .verified(text: Self.peterText, by: [verifier]))
        // A verifier for another key does not make the note verified.
        #expect(
            SignedNote.open(Array(Self.peterNote.utf8), verifiers: [try LedgerFixtures.verifier()])
                == .rejected(.unknownKey))
        #expect(SignedNote.open(Array(Self.peterNote.utf8), verifiers: []) == .rejected(.unknownKey))
    }

    @Test("a failing known signature rejects the note even if another known one verifies")
    func failingKnownSignatureRejects() throws {
        let ours = try LedgerFixtures.signer()
        let peter = try NoteSigner(parsing: NoteKeyTests.peterSignerKey)
        let note = try SignedNote(signing: "hello\n", with: [ours, peter])
        var bad = note.signatures[1].signature
        bad[0] ^= 0xFF
        let tampered = try SignedNote(
            text: note.text,
            signatures: [note.signatures[0], NoteSignature(keyName: peter.name, keyID: peter.keyID, signature: bad)])
        #expect(
            tampered.verify(with: [ours.verifier, peter.verifier])
                == .rejected(.badSignature(keyName: "PeterNeumann", keyID: peter.keyID)))
        #expect(tampered.verify(with: [ours.verifier]) == .verified(text: "hello\n", by: [ours.verifier]))
    }

    /// The base64 of the sumdb example signature, without its padding character.
    static let sig = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM"
    static let signatureLine = "\u{2014} PeterNeumann \(sig)=\n"
    static let malformedNotes: [(String, SignedNoteError)] = [
        ("text\n" + signatureLine, .missingBlankLine),
        ("text" + signatureLine, .missingBlankLine),
        ("", .missingBlankLine),
        ("text\n\n", .noSignatures),
        ("text\n\n" + signatureLine.dropLast(), .malformedSignatureLine),
        ("text\n\n" + signatureLine + "\n", .noSignatures),
        ("text\n\n- PeterNeumann \(sig)=\n", .malformedSignatureLine),
        ("text\n\n\u{2014}PeterNeumann \(sig)=\n", .malformedSignatureLine),
        ("text\n\n\u{2014} PeterNeumann\n", .malformedSignatureLine),
        ("text\n\n\u{2014}  \(sig)=\n", .invalidKeyName),
        ("text\n\n\u{2014} Peter+Neumann \(sig)=\n", .invalidKeyName),
        ("text\n\n\u{2014} PeterNeumann \(sig)\n", .invalidSignatureEncoding),
        ("text\n\n\u{2014} PeterNeumann \(sig)= \n", .invalidSignatureEncoding),
        ("text\n\n\u{2014} PeterNeumann \(sig.replacing("/", with: "_"))=\n", .invalidSignatureEncoding),
        ("text\n\n\u{2014} PeterNeumann \(sig.prefix(8)) \(sig.dropFirst(8))=\n", .invalidSignatureEncoding),
        ("text\n\n\u{2014} PeterNeumann AAAAAA==\n", .invalidSignatureEncoding),
        ("text\n\n\u{2014} PeterNeumann \n", .invalidSignatureEncoding),
        ("te\txt\n\n" + signatureLine, .controlCharacter),
        ("text\r\n\n" + signatureLine, .controlCharacter),
        ("text\n\n" + signatureLine.replacing("\n", with: "\r\n"), .controlCharacter),
    ]

    @Test("refuses malformed notes with the reason", arguments: malformedNotes)
    func refusesMalformed(note: String, error: SignedNoteError) throws {
        #expect(throws: error) { try SignedNote.parse(Array(note.utf8)) }
        #expect(
            SignedNote.open(Array(note.utf8), verifiers: [try Self.peterVerifier()]) == .rejected(.malformed(error)))
    }

    @Test("refuses invalid UTF-8")
    func refusesInvalidUTF8() {
        let bytes = Array("te".utf8) + [0xFF] + Array(("xt\n\n" + Self.signatureLine).utf8)
        #expect(throws: SignedNoteError.invalidUTF8) { try SignedNote.parse(bytes) }
    }

    @Test("accepts up to the signature limit and refuses one more")
    func signatureLimit() throws {
        let atLimit =
            Self.peterText + "\n" + String(repeating: Self.signatureLine, count: SignedNote.maximumSignatureCount)
        #expect(try SignedNote.parse(Array(atLimit.utf8)).signatures.count == SignedNote.maximumSignatureCount)
        #expect(SignedNote.open(Array(atLimit.utf8), verifiers: [try Self.peterVerifier()]) != .rejected(.unknownKey))
        let overLimit = atLimit + Self.signatureLine
        #expect(throws: SignedNoteError.tooManySignatures) { try SignedNote.parse(Array(overLimit.utf8)) }
    }

    @Test("refuses to make notes whose text is not valid")
    func refusesInvalidText() throws {
        let signer = try LedgerFixtures.signer()
        #expect(throws: SignedNoteError.textNotEndingInNewline) {
            try SignedNote(signing: "no newline", with: [signer])
        }
        #expect(throws: SignedNoteError.textNotEndingInNewline) { try SignedNote(signing: "", with: [signer]) }
        #expect(throws: SignedNoteError.controlCharacter) { try SignedNote(signing: "a\u{7}b\n", with: [signer]) }
        #expect(throws: SignedNoteError.noSignatures) { try SignedNote(signing: "ok\n", with: []) }
        #expect(throws: SignedNoteError.invalidKeyName) {
            try SignedNote(text: "ok\n", signatures: [NoteSignature(keyName: "a b", keyID: 1, signature: [1])])
        }
    }
}
