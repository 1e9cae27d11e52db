/// The module grid of a QR Code while it is being built: colours plus which modules are function patterns.
///
/// Coordinates are x (column, left to right) and y (row, top to bottom), both from 0, as in ISO/IEC
/// 18004:2015 §6.3. Function modules (finder, separator, timing, alignment, format and version areas, the
/// dark module) are never touched by data placement or masking.
struct QRMatrix {
    /// Modules per side: 17 + 4 × version.
    let size: Int
    /// Whether each module is dark, row by row.
    private(set) var dark: [Bool]
    /// Whether each module belongs to a function pattern, row by row.
    private(set) var isFunction: [Bool]

    /// A grid with every function pattern of `version` drawn; the format areas are reserved (light for now).
    init(version: Int) {
        size = 17 + 4 * version
        dark = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
        drawTimingPatterns()
        drawFinderPattern(centreX: 3, centreY: 3)
        drawFinderPattern(centreX: size - 4, centreY: 3)
        drawFinderPattern(centreX: 3, centreY: size - 4)
        drawAlignmentPatterns(version: version)
        // Reserve the format areas now so data placement skips them; the mask decides their content.
        drawFormatInformation(0)
        if version >= 7 { drawVersionInformation(version: version) }
    }

    private mutating func setFunction(x: Int, y: Int, dark isDark: Bool) {
        dark[y * size + x] = isDark
        isFunction[y * size + x] = true
    }

    /// Row 6 and column 6 alternate dark and light, dark on even coordinates (§6.3.5).
    private mutating func drawTimingPatterns() {
        for index in 0..<size {
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
    }

    /// A 7 × 7 finder pattern (dark ring, light ring, 3 × 3 dark core) with its light separator (§6.3.3).
    private mutating func drawFinderPattern(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centreX + dx
                let y = centreY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// 5 × 5 alignment patterns at every pair of Table E.1 positions, except the three that would overlap
    /// a finder pattern (§6.3.6).
    private mutating func drawAlignmentPatterns(version: Int) {
        let positions = QRTables.alignmentPositions[version - 1]
        guard let last = positions.last else { return }
        for centreY in positions {
            for centreX in positions {
                let first = positions[0]
                if (centreX == first && centreY == first) || (centreX == first && centreY == last)
                    || (centreX == last && centreY == first)
                {
                    continue
                }
                for dy in -2...2 {
                    for dx in -2...2 {
                        setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
    }

    /// Draws the 15 format bits (already masked with 0x5412) twice, and the dark module (§7.9.1, Figure 25).
    ///
    /// Bit 14 is the most significant. Copy one: bits 0–5 down column 8 from row 0, bit 6 at row 7, bit 7
    /// at (8, 8), bit 8 at column 7 of row 8, bits 9–14 along row 8 from column 5 leftwards. Copy two:
    /// bits 0–7 along row 8 from the right edge leftwards, bits 8–14 up column 8 to the bottom edge.
    mutating func drawFormatInformation(_ bits: UInt32) {
        func bit(_ index: Int) -> Bool { (bits >> UInt32(index)) & 1 == 1 }
        for index in 0...5 { setFunction(x: 8, y: index, dark: bit(index)) }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for index in 9...14 { setFunction(x: 14 - index, y: 8, dark: bit(index)) }
        for index in 0...7 { setFunction(x: size - 1 - index, y: 8, dark: bit(index)) }
        for index in 8...14 { setFunction(x: 8, y: size - 15 + index, dark: bit(index)) }
        // The dark module above the lower copy is always dark (§7.9.1).
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// Draws the 18 version bits twice for versions 7 and up (§7.10, Figure 27): a 6 × 3 block left of
    /// the top-right finder and its transpose above the bottom-left finder, bit 0 nearest the origin.
    private mutating func drawVersionInformation(version: Int) {
        let bits = QRFormatCodes.versionBits(version: version)
        for index in 0..<18 {
            let isDark = (bits >> UInt32(index)) & 1 == 1
            let near = index / 3
            let far = size - 11 + index % 3
            setFunction(x: far, y: near, dark: isDark)
            setFunction(x: near, y: far, dark: isDark)
        }
    }

    /// Places the codewords in the two-module-wide zigzag from the bottom-right corner (§7.7.3).
    ///
    /// Column pairs run right to left, alternately upwards and downwards, skipping the vertical timing
    /// column; within a pair the right module comes first. Modules left over after the last codeword are
    /// the remainder bits and stay light (0).
    mutating func place(codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        var upward = true
        while right >= 1 {
            if right == 6 { right = 5 }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction[y * size + x] {
                    if bitIndex < bitCount {
                        dark[y * size + x] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                    }
                    bitIndex += 1
                }
            }
            upward.toggle()
            right -= 2
        }
        precondition(bitIndex >= bitCount, "more codewords than data modules")
    }

    /// Inverts every data module for which mask pattern `mask` (0…7) holds (§7.8.2, Table 10).
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && Self.maskCondition(mask, x: x, y: y) {
                dark[y * size + x].toggle()
            }
        }
    }

    /// The mask pattern conditions of Table 10, with i the row and j the column.
    static func maskCondition(_ mask: Int, x j: Int, y i: Int) -> Bool {
        switch mask {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        case 7: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        default: preconditionFailure("QR mask patterns are 0 to 7")
        }
    }
}
