import KuraCore
import Testing

@Suite struct CheckpointTests {
    static let root = LedgerFixtures.hash(hex: LedgerFixtures.emptyHashHex)

    @Test("formats the note text as origin, size, base64 root and extension lines")
    func formatsText() throws {
        let checkpoint = try Checkpoint(origin: LedgerFixtures.origin, size: 5, root: Self.root)
        #expect(checkpoint.text == "kura.example/test-log\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
        let extended = try Checkpoint(origin: "o", size: 0, root: Self.root, extensionLines: ["x y", "— z"])
        #expect(extended.text == "o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\nx y\n— z\n")
        #expect(try Checkpoint(parsing: extended.text) == extended)
    }

    @Test("signing matches the known answer note and opens with the verifier")
    func signsKnownAnswer() throws {
        let checkpoint = try Checkpoint(origin: LedgerFixtures.origin, size: 5, root: Self.root)
        let note = try checkpoint.signed(by: LedgerFixtures.signer())
        #if os(Linux)
            #expect(note.formatted == LedgerFixtures.signedCheckpoint)
        #endif
        let verifier = try LedgerFixtures.verifier()
        #expect(Checkpoint.open(note.bytes, verifier: verifier) == .verified(checkpoint))
        #expect(
            Checkpoint.open(Array(LedgerFixtures.signedCheckpoint.utf8), verifier: verifier) == .verified(checkpoint))
    }

    @Test("round-trips sizes at the edges", arguments: [UInt64(0), 1, 9, 10, 1 << 32, .max])
    func roundTripsSizes(size: UInt64) throws {
        let checkpoint = try Checkpoint(origin: LedgerFixtures.origin, size: size, root: LedgerFixtures.hash(7))
        let parsed = try Checkpoint(parsing: checkpoint.text)
        #expect(parsed == checkpoint)
        #expect(parsed.size == size)
    }

    static let root64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
    static let malformed: [(String, CheckpointError)] = [
        ("o\n5\n\(root64)", .textNotEndingInNewline),
        ("", .textNotEndingInNewline),
        ("o\n5\n", .tooFewLines),
        ("\n", .tooFewLines),
        ("\n5\n\(root64)\n", .invalidOrigin),
        ("o\n05\n\(root64)\n", .invalidSize),
        ("o\n00\n\(root64)\n", .invalidSize),
        ("o\n+5\n\(root64)\n", .invalidSize),
        ("o\n-1\n\(root64)\n", .invalidSize),
        ("o\n 5\n\(root64)\n", .invalidSize),
        ("o\n\n\(root64)\n", .invalidSize),
        ("o\n5x\n\(root64)\n", .invalidSize),
        ("o\n18446744073709551616\n\(root64)\n", .invalidSize),
        ("o\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\n", .invalidRoot),
        ("o\n5\n47DEQpj8HBSa-_TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", .invalidRoot),
        ("o\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=\n", .invalidRoot),
        ("o\n5\nAAAA\n", .invalidRoot),
        ("o\n5\n\(root64) \n", .invalidRoot),
        ("o\n5\n\(root64)\n\n", .invalidExtensionLine),
        ("o\n5\n\(root64)\next\n\nmore\n", .invalidExtensionLine),
        ("o\n5\n\(root64)\nex\tt\n", .invalidExtensionLine),
        ("o\tx\n5\n\(root64)\n", .invalidOrigin),
    ]

    @Test("refuses malformed checkpoint text", arguments: malformed)
    func refusesMalformed(text: String, error: CheckpointError) {
        #expect(throws: error) { try Checkpoint(parsing: text) }
    }

    @Test("accepts the largest size and any non-empty origin the spec allows")
    func accepts() throws {
        let parsed = try Checkpoint(parsing: "example.com/log with spaces+plus\n18446744073709551615\n\(Self.root64)\n")
        #expect(parsed.size == .max)
        #expect(parsed.origin == "example.com/log with spaces+plus")
    }

    @Test("refuses to sign with a key whose name is not the origin")
    func refusesForeignSigner() throws {
        let checkpoint = try Checkpoint(origin: "kura.example/other-log", size: 1, root: Self.root)
        #expect(throws: CheckpointError.originIsNotKeyName) { try checkpoint.signed(by: LedgerFixtures.signer()) }
    }

    @Test("opening refuses a checkpoint whose origin is not the verifier's name")
    func refusesOriginMismatch() throws {
        // A key named like the log signs a note whose first line names another origin.
        let signer = try LedgerFixtures.signer()
        let note = try SignedNote(signing: "kura.example/other-log\n1\n\(Self.root64)\n", with: [signer])
        #expect(Checkpoint.open(note.bytes, verifier: signer.verifier) == .rejected(.originMismatch))
    }

    @Test("opening refuses signed text that is not a checkpoint")
    func refusesSignedNonCheckpoint() throws {
        let signer = try LedgerFixtures.signer()
        let note = try SignedNote(signing: "kura.example/test-log\n01\n\(Self.root64)\n", with: [signer])
        #expect(Checkpoint.open(note, verifier: signer.verifier) == .rejected(.malformedCheckpoint(.invalidSize)))
    }

    @Test("opening refuses tampered, foreign and malformed notes")
    func refusesBadNotes() throws {
        let verifier = try LedgerFixtures.verifier()
        let good = LedgerFixtures.signedCheckpoint
        let biggerSize = good.replacing("\n5\n", with: "\n6\n")
        #expect(
            Checkpoint.open(Array(biggerSize.utf8), verifier: verifier)
                == .rejected(.note(.badSignature(keyName: LedgerFixtures.origin, keyID: verifier.keyID))))
        let peter = try NoteVerifier(parsing: NoteKeyTests.peterVerifierKey)
        #expect(Checkpoint.open(Array(good.utf8), verifier: peter) == .rejected(.note(.unknownKey)))
        let noBlankLine = good.replacing("=\n\n", with: "=\n")
        #expect(
            Checkpoint.open(Array(noBlankLine.utf8), verifier: verifier)
                == .rejected(.note(.malformed(.missingBlankLine))))
    }

    @Test("witness cosignatures from unknown keys are ignored")
    func ignoresCosignatures() throws {
        let verifier = try LedgerFixtures.verifier()
        let cosigned = LedgerFixtures.signedCheckpoint + "\u{2014} witness.example AAAAAAEC\n"
        let checkpoint = try Checkpoint(origin: LedgerFixtures.origin, size: 5, root: Self.root)
        #expect(Checkpoint.open(Array(cosigned.utf8), verifier: verifier) == .verified(checkpoint))
    }

    @Test("refuses invalid lines when creating a checkpoint")
    func refusesInvalidLines() {
        #expect(throws: CheckpointError.invalidOrigin) { try Checkpoint(origin: "", size: 0, root: Self.root) }
        #expect(throws: CheckpointError.invalidOrigin) { try Checkpoint(origin: "a\nb", size: 0, root: Self.root) }
        #expect(throws: CheckpointError.invalidExtensionLine) {
            try Checkpoint(origin: "o", size: 0, root: Self.root, extensionLines: [""])
        }
        #expect(throws: CheckpointError.invalidExtensionLine) {
            try Checkpoint(origin: "o", size: 0, root: Self.root, extensionLines: ["a\nb"])
        }
    }
}
