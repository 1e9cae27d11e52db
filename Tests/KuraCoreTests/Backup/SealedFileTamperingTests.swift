import KuraCore
import Testing

@Suite("Sealed backup files: damaged, cut, extended, reordered or misnamed files are refused")
struct SealedFileTamperingTests {
    let key = BackupFixtures.generationKey().key
    let chunkSize = 16
    /// 40 bytes in 16-byte chunks: header 0..<16, frames at 16..<52, 52..<88 and the final 88..<116.
    var plaintext: [UInt8] { SeededRandomBytes(seed: "plaintext").bytes(count: 40) }
    var sealed: [UInt8] { BackupFixtures.seal(plaintext, key: key, chunkSize: chunkSize) }
    let frameStarts = [16, 52, 88]

    /// Reads `bytes` one byte at a time, as a file read in unlucky pieces; returns the plaintext that came
    /// out and the error that stopped it (from `feed` or `finish`).
    func readByteByByte(_ bytes: [UInt8], name: String = "records.jsonl") -> ([UInt8], BackupCryptoError?) {
        var reader = SealedFileReader(key: key, fileName: name)
        var output: [UInt8] = []
        do throws(BackupCryptoError) {
            for byte in bytes { output += try reader.feed([byte]) }
            try reader.finish()
            return (output, nil)
        } catch {
            return (output, error)
        }
    }

    @Test("the layout assumed by these tests")
    func layout() {
        #expect(sealed.count == 116)
        #expect(frameStarts.map { Array(sealed[$0..<$0 + 4]) } == [[0, 0, 0, 32], [0, 0, 0, 32], [0, 0, 0, 24]])
    }

    @Test("every single-bit flip anywhere is refused, and only plaintext of frames before it comes out")
    func everyFlipRefused() {
        let original = sealed
        for index in original.indices {
            for mask: UInt8 in [0x01, 0x80] {
                var tampered = original
                tampered[index] ^= mask
                let (output, error) = readByteByByte(tampered)
                #expect(error != nil, "byte \(index) flipped with \(mask) was accepted")
                #expect(plaintext.starts(with: output), "byte \(index): plaintext of a bad frame came out")
                // Nothing of the frame holding the flip, or of any later one, may come out; a flip in the
                // header (bound into every frame) lets nothing out.
                let allowed = index < 16 ? 0 : [52, 88].filter { $0 <= index }.count * chunkSize
                #expect(output.count <= allowed, "byte \(index)")
            }
        }
    }

    @Test(
        "a flipped byte names what is wrong where it can",
        arguments: [
            (0, BackupCryptoError.notASealedFile), (7, .notASealedFile), (9, .unsupportedSealedFileVersion(0)),
            (10, .malformedSealedFileHeader), (11, .malformedSealedFileHeader),
            (16, .frameLengthOutOfRange), (19, .frameLengthOutOfRange),  // length: high byte, low byte
            (20, .fileDamaged), (40, .fileDamaged),  // ciphertext of the first frame
            (36, .fileDamaged), (51, .fileDamaged),  // its tag
            (95, .fileDamaged), (115, .fileDamaged),  // the final frame's ciphertext and tag
        ])
    func namedRefusals(index: Int, expected: BackupCryptoError) {
        var tampered = sealed
        tampered[index] ^= index == 9 ? 0x01 : 0x10
        #expect(readByteByByte(tampered).1 == expected)
        #expect(throws: expected) { try BackupFixtures.open(tampered, key: key) }
    }

    @Test("a changed chunk size in the header is refused (bound into every frame)", arguments: [12, 13, 14, 15])
    func chunkSizeEdited(index: Int) {
        for mask: UInt8 in [0x01, 0x10, 0x80] {
            var tampered = sealed
            tampered[index] ^= mask
            let (output, error) = readByteByByte(tampered)
            #expect(error != nil)
            #expect(output.isEmpty)
        }
    }

    @Test("a file cut at any point, at a frame boundary or inside a frame or the header, is truncated")
    func truncation() throws {
        let original = sealed
        for length in 0..<original.count {
            let (output, error) = readByteByByte(Array(original.prefix(length)))
            #expect(error == .truncated, "cut at \(length)")
            #expect(plaintext.starts(with: output))
        }
        // Cut exactly after the full frames: everything fed authenticates, only `finish` notices.
        var reader = SealedFileReader(key: key, fileName: "records.jsonl")
        #expect(try reader.feed(original.prefix(88)) == Array(plaintext.prefix(32)))
        #expect(throws: BackupCryptoError.truncated) { try reader.finish() }
    }

    @Test("bytes after the final frame are refused, whatever they are")
    func trailingData() {
        let original = sealed
        let finalFrame = Array(original[88...])
        for extra in [[0], [0, 0, 0, 16], finalFrame, original] as [[UInt8]] {
            #expect(throws: BackupCryptoError.trailingData) { try BackupFixtures.open(original + extra, key: key) }
            #expect(readByteByByte(original + extra).1 == .trailingData)
        }
    }

    @Test("swapped, dropped or repeated frames do not open")
    func reorderedFrames() {
        let original = sealed
        let header = Array(original[..<16])
        let first = Array(original[16..<52])
        let second = Array(original[52..<88])
        let last = Array(original[88...])
        let variants: [[UInt8]] = [
            header + second + first + last,  // swapped
            header + second + last,  // first dropped
            header + first + last,  // second dropped
            header + first + first + second + last,  // repeated
            header + first + second + last + last,  // final repeated
            header + last,  // only the final frame
        ]
        for variant in variants {
            let (output, error) = readByteByByte(variant)
            #expect(error == .fileDamaged || error == .trailingData)
            #expect(plaintext.starts(with: output))
        }
        // The final frame moved to the front opens under the wrong counter.
        #expect(throws: BackupCryptoError.fileDamaged) { try BackupFixtures.open(header + last + first, key: key) }
    }

    @Test("a file opened under another name or another generation's key does not open")
    func wrongNameOrKey() {
        let original = sealed
        #expect(throws: BackupCryptoError.fileDamaged) {
            try BackupFixtures.open(original, key: key, name: "records.jsonl.bak")
        }
        #expect(throws: BackupCryptoError.fileDamaged) {
            try BackupFixtures.open(original, key: BackupFixtures.generationKey(seed: "other").key)
        }
        // The same content sealed under another name cannot be swapped in.
        let other = BackupFixtures.seal(plaintext, key: key, name: "audit.jsonl", chunkSize: chunkSize)
        #expect(throws: BackupCryptoError.fileDamaged) { try BackupFixtures.open(other, key: key) }
    }

    @Test("a frame announcing more than a chunk and tag is refused before its bytes arrive")
    func oversizedFrame() throws {
        var reader = SealedFileReader(key: key, fileName: "records.jsonl")
        _ = try reader.feed(sealed.prefix(16))
        #expect(throws: BackupCryptoError.frameLengthOutOfRange) { try reader.feed([0, 0, 0, 33]) }
        var short = SealedFileReader(key: key, fileName: "records.jsonl")
        _ = try short.feed(sealed.prefix(16))
        #expect(throws: BackupCryptoError.frameLengthOutOfRange) { try short.feed([0, 0, 0, 15]) }
    }

    @Test("after a refusal the reader stays refused")
    func staysRefused() throws {
        var tampered = sealed
        tampered[30] ^= 1
        var reader = SealedFileReader(key: key, fileName: "records.jsonl")
        #expect(throws: BackupCryptoError.fileDamaged) { try reader.feed(tampered) }
        #expect(throws: BackupCryptoError.fileDamaged) { try reader.feed(sealed[52...]) }
        #expect(throws: BackupCryptoError.fileDamaged) { try reader.finish() }
    }

    @Test(
        "headers that are not version 1, or have reserved bits or a chunk size out of range, are refused",
        arguments: [
            ([0, 2, 0, 0, 0, 0, 0, 16], BackupCryptoError.unsupportedSealedFileVersion(2)),
            ([0, 0, 0, 0, 0, 0, 0, 16], .unsupportedSealedFileVersion(0)),
            ([0, 1, 1, 0, 0, 0, 0, 16], .malformedSealedFileHeader),
            ([0, 1, 0, 0, 0, 0, 0, 0], .malformedSealedFileHeader),
            ([0, 1, 0, 0, 1, 0, 0, 1], .malformedSealedFileHeader),
        ] as [([UInt8], BackupCryptoError)])
    func badHeaders(tail: [UInt8], expected: BackupCryptoError) {
        var reader = SealedFileReader(key: key, fileName: "records.jsonl")
        #expect(throws: expected) { try reader.feed(Array("KURASEAL".utf8) + tail) }
    }

    @Test("a file that is plainly something else is refused from its first byte")
    func notSealed() {
        var reader = SealedFileReader(key: key, fileName: "records.jsonl")
        #expect(throws: BackupCryptoError.notASealedFile) { try reader.feed(Array("{".utf8)) }
    }
}
