import KuraCore
import Testing

@Suite("QR Code structure (ISO/IEC 18004:2015)")
struct QRCodeStructureTests {
    /// A payload of exactly the capacity of `version` at `level`, so the encoder must pick that version.
    static func fullPayload(version: Int, level: QRErrorCorrection) -> [UInt8] {
        let count = QRCode.byteCapacity(version: version, errorCorrection: level)
        return (0..<count).map { UInt8(0x21 + ($0 * 7 + version) % 94) }
    }

    @Test("per version, data plus EC codewords of every level fill exactly the symbol's data modules")
    func codewordCounts() {
        // Remainder bits per version (Table 1): what is left after the last whole codeword.
        let remainderBits =
            [0] + [Int](repeating: 7, count: 5) + [Int](repeating: 0, count: 7)
            + [Int](repeating: 3, count: 7) + [Int](repeating: 4, count: 7) + [Int](repeating: 3, count: 7)
            + [Int](repeating: 0, count: 6)
        for version in 1...40 {
            let modules = QRSymbolReader.dataModuleCount(version: version)
            #expect(modules % 8 == remainderBits[version - 1], "version \(version)")
            for level in QRErrorCorrection.allCases {
                let blocks = QRCode.blockStructure(version: version, errorCorrection: level)
                #expect(blocks.totalCodewords == modules / 8, "version \(version)")
                #expect(
                    blocks.dataCodewords + blocks.blockCount * blocks.ecCodewordsPerBlock == blocks.totalCodewords)
                #expect(blocks.shortBlockDataCodewords > 0)
                #expect(blocks.longBlockCount < blocks.blockCount)
            }
            // More protection costs data, level by level.
            let data = QRErrorCorrection.allCases.map {
                QRCode.blockStructure(version: version, errorCorrection: $0).dataCodewords
            }
            #expect(data == data.sorted(by: >) && Set(data).count == 4, "version \(version)")
        }
    }

    @Test(
        "byte capacities match Table 7 of the standard",
        arguments: [
            (1, [17, 14, 11, 7]), (2, [32, 26, 20, 14]), (3, [53, 42, 32, 24]), (4, [78, 62, 46, 34]),
            (5, [106, 84, 60, 44]), (6, [134, 106, 74, 58]), (7, [154, 122, 86, 64]), (9, [230, 180, 130, 98]),
            (10, [271, 213, 151, 119]), (20, [858, 666, 482, 382]), (27, [1465, 1125, 805, 625]),
            (40, [2953, 2331, 1663, 1273]),
        ])
    func capacities(version: Int, expected: [Int]) {
        #expect(
            QRErrorCorrection.allCases.map { QRCode.byteCapacity(version: version, errorCorrection: $0) } == expected)
    }

    @Test("the smallest version that fits is chosen, and one byte more moves up a version")
    func versionChoice() throws {
        for level in QRErrorCorrection.allCases {
            for version in [1, 2, 9, 10, 26] {
                let payload = Self.fullPayload(version: version, level: level)
                #expect(try QRCode.encode(payload, errorCorrection: level).version == version)
                #expect(try QRCode.encode(payload + [0x41], errorCorrection: level).version == version + 1)
            }
        }
        #expect(try QRCode.encode([]).version == 1)
    }

    @Test("data beyond the version 40 capacity is refused", arguments: QRErrorCorrection.allCases)
    func tooLong(level: QRErrorCorrection) throws {
        let payload = Self.fullPayload(version: 40, level: level)
        #expect(try QRCode.encode(payload, errorCorrection: level).version == 40)
        #expect(throws: QRCodeError.dataTooLong) { try QRCode.encode(payload + [0], errorCorrection: level) }
    }

    @Test("finder patterns, separators, timing patterns, alignment patterns and the dark module", arguments: 1...40)
    func functionPatterns(version: Int) throws {
        let level = QRErrorCorrection.allCases[version % 4]
        let code = try QRCode.encode(Self.fullPayload(version: version, level: level), errorCorrection: level)
        let size = code.size
        #expect(code.version == version && size == 17 + 4 * version)
        for (left, top) in [(0, 0), (size - 7, 0), (0, size - 7)] {
            for dy in -1...7 {
                for dx in -1...7 {
                    let x = left + dx
                    let y = top + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                    // Rings from the outside: separator light, border dark, light ring, 3 × 3 dark centre.
                    let ring = min(dx, dy, 6 - dx, 6 - dy)
                    #expect(code.isDark(x: x, y: y) == (ring == 0 || ring >= 2), "finder at (\(x), \(y))")
                }
            }
        }
        for index in 8..<(size - 8) {
            #expect(code.isDark(x: index, y: 6) == index.isMultiple(of: 2))
            #expect(code.isDark(x: 6, y: index) == index.isMultiple(of: 2))
        }
        #expect(code.isDark(x: 8, y: size - 8))
        let centres = QRSymbolReader.alignmentCentres(version: version)
        for cy in centres {
            for cx in centres
            where !(cx == 6 && cy == 6) && !(cx == 6 && cy == size - 7) && !(cx == size - 7 && cy == 6) {
                for dy in -2...2 {
                    for dx in -2...2 {
                        #expect(code.isDark(x: cx + dx, y: cy + dy) == (max(abs(dx), abs(dy)) != 1))
                    }
                }
            }
        }
        #expect(!code.isDark(x: -1, y: 0) && !code.isDark(x: 0, y: size) && !code.isDark(x: size, y: size))
    }

    @Test("both copies of the format information decode to the level and the chosen mask", arguments: 1...12)
    func formatInformation(version: Int) throws {
        for level in QRErrorCorrection.allCases {
            let code = try QRCode.encode(Self.fullPayload(version: version, level: level), errorCorrection: level)
            let reader = QRSymbolReader(code: code)
            #expect(reader.formatCopyOne == reader.formatCopyTwo)
            let unmasked = reader.formatCopyOne ^ 0x5412
            #expect(bchRemainder(unmasked, generator: 0x537) == 0)
            let levelBits: [QRErrorCorrection: UInt32] = [.low: 0b01, .medium: 0b00, .quartile: 0b11, .high: 0b10]
            #expect(unmasked >> 13 == levelBits[level])
            #expect(Int((unmasked >> 10) & 0b111) == code.mask)
        }
    }

    @Test("all eight masks get chosen for some payload")
    func maskVariety() throws {
        var masks: Set<Int> = []
        for index in 0..<300 where masks.count < 8 {
            masks.insert(try QRCode.encode(Array("kura-\(index)".utf8)).mask)
        }
        #expect(masks == Set(0..<8))
    }

    @Test("versions 7 and up carry both copies of the BCH(18,6) version information", arguments: 1...40)
    func versionInformation(version: Int) throws {
        let code = try QRCode.encode(Self.fullPayload(version: version, level: .low), errorCorrection: .low)
        let (topRight, bottomLeft) = QRSymbolReader(code: code).versionCopies
        guard version >= 7 else { return }
        #expect(topRight == bottomLeft)
        #expect(topRight >> 12 == UInt32(version))
        #expect(bchRemainder(topRight, generator: 0x1F25) == 0)
        // Annex D lists version 7 as 000111 110010 010100.
        if version == 7 { #expect(topRight == 0x07C94) }
    }
}
