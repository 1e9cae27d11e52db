import Crypto
import KuraCore
import Testing

@Suite("Sealed backup files: round trips and layout (BAK-1, ENC-1)")
struct SealedFileTests {
    let random = SeededRandomBytes(seed: "sealed-file-tests")
    let fixture = BackupFixtures.generationKey()
    var key: GenerationKey { fixture.key }
    var raw: [UInt8] { fixture.raw }

    @Test(
        "a sealed file opens to the same bytes at and around chunk boundaries",
        arguments: [0, 1, 15, 16, 17, 31, 32, 33, 100, 1000])
    func roundTripSmallChunks(length: Int) throws {
        let plaintext = random.bytes(count: length)
        let sealed = BackupFixtures.seal(plaintext, key: key, chunkSize: 16)
        #expect(try BackupFixtures.open(sealed, key: key) == plaintext)
        // Header, then ⌊n/16⌋ full frames and one final frame with n mod 16 bytes.
        #expect(sealed.count == 16 + (length / 16 + 1) * 20 + length)
    }

    @Test(
        "the default 1 MiB chunk: empty, exactly one chunk, one chunk and one byte",
        arguments: [0, 1 << 20, (1 << 20) + 1])
    func roundTripDefaultChunk(length: Int) throws {
        let plaintext = random.bytes(count: length)
        var writer = SealedFileWriter(key: key, fileName: "records.jsonl")
        let sealed = writer.append(plaintext) + writer.finish()
        #expect(try BackupFixtures.open(sealed, key: key) == plaintext)
        #expect(sealed.count == 16 + (length / (1 << 20) + 1) * 20 + length)
        #expect(
            try sealed == BackupFixtures.referenceSeal(plaintext, raw: raw, name: "records.jsonl", chunkSize: 1 << 20))
    }

    @Test("the writer's bytes equal the reference sealer's for every length 0…100 with 7-byte chunks")
    func matchesReference() throws {
        let plaintext = random.bytes(count: 100)
        for length in 0...100 {
            let input = Array(plaintext.prefix(length))
            let sealed = BackupFixtures.seal(input, key: key, name: "audit.jsonl", chunkSize: 7)
            let reference = try BackupFixtures.referenceSeal(input, raw: raw, name: "audit.jsonl", chunkSize: 7)
            #expect(sealed == reference, "length \(length)")
        }
    }

    @Test("the header is KURASEAL, version 1, two zero bytes and the chunk size, all big-endian")
    func header() {
        let sealed = BackupFixtures.seal([], key: key, chunkSize: 0x0001_0203)
        #expect(Array(sealed.prefix(16)) == Array("KURASEAL".utf8) + [0, 1, 0, 0, 0, 1, 2, 3])
        // An empty file is the header and one final frame holding only a tag.
        #expect(sealed.count == 36)
        #expect(Array(sealed[16..<20]) == [0, 0, 0, 16])
    }

    @Test("appending in any pieces gives the same bytes as one append; the header comes first, once")
    func appendSplits() {
        let plaintext = random.bytes(count: 300)
        let whole = BackupFixtures.seal(plaintext, key: key, chunkSize: 32)
        for pieceSize in [1, 3, 31, 32, 33, 64, 299] {
            var writer = SealedFileWriter(key: key, fileName: "records.jsonl", chunkSize: 32)
            var sealed: [UInt8] = []
            for start in stride(from: 0, to: plaintext.count, by: pieceSize) {
                sealed += writer.append(plaintext[start..<min(start + pieceSize, plaintext.count)])
            }
            sealed += writer.finish()
            #expect(sealed == whole, "pieces of \(pieceSize)")
        }
        var writer = SealedFileWriter(key: key, fileName: "records.jsonl", chunkSize: 32)
        #expect(writer.append([UInt8]()).count == 16)
        #expect(writer.append(plaintext.prefix(31)).isEmpty)
        #expect(writer.append(plaintext[31..<32]).count == 4 + 32 + 16)
    }

    @Test("a writer given a non-contiguous collection seals the same bytes")
    func nonContiguousInput() throws {
        let plaintext = random.bytes(count: 100)
        var writer = SealedFileWriter(key: key, fileName: "records.jsonl", chunkSize: 16)
        let sealed = writer.append(plaintext.reversed().reversed()) + writer.finish()
        #expect(sealed == BackupFixtures.seal(plaintext, key: key, chunkSize: 16))
        var reader = SealedFileReader(key: key, fileName: "records.jsonl")
        #expect(try reader.feed(sealed.lazy.map { $0 }) == plaintext)
        try reader.finish()
    }

    @Test("fed one byte at a time, the reader returns each chunk exactly when its frame is complete")
    func oneByteAtATime() throws {
        let plaintext = random.bytes(count: 50)
        let sealed = BackupFixtures.seal(plaintext, key: key, chunkSize: 8)
        var reader = SealedFileReader(key: key, fileName: "records.jsonl")
        var opened: [UInt8] = []
        var frameEnds: [Int] = []
        for (offset, byte) in sealed.enumerated() {
            let output = try reader.feed([byte])
            if !output.isEmpty { frameEnds.append(offset + 1) }
            opened += output
        }
        try reader.finish()
        #expect(opened == plaintext)
        // Six full frames of 28 bytes after the header; the final frame (2 bytes) ends the file.
        #expect(frameEnds == (1...6).map { 16 + 28 * $0 } + [sealed.count])
    }

    @Test("fed in irregular pieces, the reader returns the same plaintext", arguments: [2, 5, 19, 27, 28, 29, 1000])
    func irregularPieces(pieceSize: Int) throws {
        let plaintext = random.bytes(count: 500)
        let sealed = BackupFixtures.seal(plaintext, key: key, chunkSize: 24)
        var reader = SealedFileReader(key: key, fileName: "records.jsonl")
        var opened: [UInt8] = []
        var start = 0
        var size = 1
        while start < sealed.count {
            // Sizes cycle 1, 2, …, pieceSize so that splits fall at every offset within a frame.
            let end = min(start + size, sealed.count)
            opened += try reader.feed(sealed[start..<end])
            start = end
            size = size % pieceSize + 1
        }
        try reader.finish()
        #expect(opened == plaintext)
    }

    @Test("the file name and the generation key are bound: each file gets its own key")
    func perFileKeys() {
        let plaintext = random.bytes(count: 40)
        let first = BackupFixtures.seal(plaintext, key: key, name: "a.jsonl", chunkSize: 16)
        let second = BackupFixtures.seal(plaintext, key: key, name: "b.jsonl", chunkSize: 16)
        #expect(first.prefix(16) == second.prefix(16))
        #expect(first[16...] != second[16...])
    }
}
