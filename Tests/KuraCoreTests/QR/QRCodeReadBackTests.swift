import KuraCore
import Testing

@Suite("QR Code codewords read back from the symbol")
struct QRCodeReadBackTests {
    /// The expected data codewords (§7.4), built independently of the encoder.
    static func expectedDataCodewords(_ payload: [UInt8], capacity: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in (0..<count).reversed() { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)
        append(payload.count, 8)
        for byte in payload { append(Int(byte), 8) }
        append(0, min(4, capacity * 8 - bits.count))
        while bits.count % 8 != 0 { bits.append(false) }
        var bytes = stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[start + $1] ? 1 : 0) }
        }
        for index in 0..<(capacity - bytes.count) { bytes.append(index.isMultiple(of: 2) ? 0xEC : 0x11) }
        return bytes
    }

    @Test(
        "versions 1–6 at every level: unmasked, de-interleaved codewords are the data and valid Reed–Solomon blocks",
        arguments: 1...6)
    func readBack(version: Int) throws {
        for level in QRErrorCorrection.allCases {
            let capacity = QRCode.byteCapacity(version: version, errorCorrection: level)
            // Full, nearly full and short payloads (the shorter ones exercise terminator and padding).
            for length in [capacity, capacity - 1, capacity / 2] {
                let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + version) }
                let code = try QRCode.encode(payload, errorCorrection: level)
                #expect(code.version == version || length < capacity)
                let structure = QRCode.blockStructure(version: code.version, errorCorrection: level)
                let codewords = QRSymbolReader(code: code).codewords
                #expect(codewords.count == structure.totalCodewords)
                let blocks = Self.deinterleave(codewords, structure: structure)
                let data = blocks.flatMap { $0.dropLast(structure.ecCodewordsPerBlock) }
                #expect(data == Self.expectedDataCodewords(payload, capacity: structure.dataCodewords))
                for block in blocks {
                    // A codeword of the generator (x − α^0)…(x − α^(n−1)) vanishes at each of its roots.
                    var root: UInt8 = 1
                    for _ in 0..<structure.ecCodewordsPerBlock {
                        #expect(GaloisField.evaluate(block, at: root) == 0, "version \(version) \(level)")
                        root = GaloisField.multiply(root, 2)
                    }
                }
            }
        }
    }

    /// Undoes §7.6: data codewords column by column across blocks (short blocks first), then EC codewords.
    static func deinterleave(_ codewords: [UInt8], structure: QRCode.BlockStructure) -> [[UInt8]] {
        let shortCount = structure.blockCount - structure.longBlockCount
        var blocks = [[UInt8]](repeating: [], count: structure.blockCount)
        var index = 0
        for column in 0...structure.shortBlockDataCodewords {
            for block in 0..<structure.blockCount
            where column < structure.shortBlockDataCodewords || block >= shortCount {
                blocks[block].append(codewords[index])
                index += 1
            }
        }
        for _ in 0..<structure.ecCodewordsPerBlock {
            for block in 0..<structure.blockCount {
                blocks[block].append(codewords[index])
                index += 1
            }
        }
        return blocks
    }
}
