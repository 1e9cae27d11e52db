import KuraCore

/// An independent reading of a symbol's fixed parts, for the structure tests: it knows the layout rules of
/// ISO/IEC 18004:2015 but shares no code with the encoder.
struct QRSymbolReader {
    let code: QRCode
    var size: Int { code.size }

    /// Alignment pattern centres (Annex E): evenly spaced back from size − 7 with the smallest even step
    /// that reaches 6 in `count − 1` gaps; version 32 is the one exception, with step 26.
    static func alignmentCentres(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let last = 17 + 4 * version - 7
        let gaps = count - 1
        var step = (last - 6 + gaps - 1) / gaps
        if step % 2 == 1 { step += 1 }
        if version == 32 { step = 26 }
        return [6] + (0..<count - 1).reversed().map { last - $0 * step }
    }

    /// The data modules a symbol of `version` has: everything but finder patterns with separators (3 × 64),
    /// timing patterns between them, alignment patterns (less their overlap with the timing patterns),
    /// two format copies and the dark module (31) and, from version 7, two version blocks (36).
    static func dataModuleCount(version: Int) -> Int {
        let size = 17 + 4 * version
        let positions = alignmentCentres(version: version).count
        let alignment = positions == 0 ? 0 : 25 * (positions * positions - 3) - 10 * (positions - 2)
        let function = 3 * 64 + 2 * (size - 16) + alignment + 31 + (version >= 7 ? 36 : 0)
        return size * size - function
    }

    /// The 15 format bits of copy one (around the top-left finder), bit 14 first read.
    var formatCopyOne: UInt32 {
        var cells: [(Int, Int)] = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)]
        cells += (9...14).map { (14 - $0, 8) }
        return bits(cells)
    }

    /// The 15 format bits of copy two (beside the other two finders).
    var formatCopyTwo: UInt32 {
        bits((0...7).map { (size - 1 - $0, 8) } + (8...14).map { (8, size - 15 + $0) })
    }

    /// The 18 version bits of the block left of the top-right finder and of the one above the bottom-left.
    var versionCopies: (UInt32, UInt32) {
        let topRight = bits((0..<18).map { (size - 11 + $0 % 3, $0 / 3) })
        let bottomLeft = bits((0..<18).map { ($0 / 3, size - 11 + $0 % 3) })
        return (topRight, bottomLeft)
    }

    /// Reads cells as bits 0, 1, 2, … of a number.
    private func bits(_ cells: [(Int, Int)]) -> UInt32 {
        cells.enumerated().reduce(0) { value, cell in
            value | (code.isDark(x: cell.element.0, y: cell.element.1) ? 1 << UInt32(cell.offset) : 0)
        }
    }

    /// Whether (x, y) is a function module in versions 1…6 (no version blocks, at most one alignment pattern).
    func isFunctionModule(x: Int, y: Int) -> Bool {
        precondition(code.version <= 6)
        if x < 9 && y < 9 { return true }  // finder, separator and format area, top left
        if x >= size - 8 && y < 9 { return true }  // top right
        if x < 9 && y >= size - 8 { return true }  // bottom left, with the dark module
        if x == 6 || y == 6 { return true }  // timing
        if code.version >= 2 && abs(x - (size - 7)) <= 2 && abs(y - (size - 7)) <= 2 { return true }
        return false
    }

    /// The codewords of a version 1…6 symbol, read in placement order and unmasked.
    var codewords: [UInt8] {
        var bits: [Bool] = []
        var right = size - 1
        var upward = true
        while right > 0 {
            if right == 6 { right -= 1 }
            let rows = upward ? Array((0..<size).reversed()) : Array(0..<size)
            for y in rows {
                for x in [right, right - 1] where !isFunctionModule(x: x, y: y) {
                    bits.append(code.isDark(x: x, y: y) != Self.maskInverts(code.mask, row: y, column: x))
                }
            }
            upward.toggle()
            right -= 2
        }
        return stride(from: 0, through: bits.count - 8, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[start + $1] ? 1 : 0) }
        }
    }

    /// Table 10 of ISO/IEC 18004:2015.
    static func maskInverts(_ mask: Int, row i: Int, column j: Int) -> Bool {
        let conditions: [Bool] = [
            (i + j) % 2 == 0, i % 2 == 0, j % 3 == 0, (i + j) % 3 == 0, (i / 2 + j / 3) % 2 == 0,
            (i * j) % 2 + (i * j) % 3 == 0, ((i * j) % 2 + (i * j) % 3) % 2 == 0,
            ((i + j) % 2 + (i * j) % 3) % 2 == 0,
        ]
        return conditions[mask]
    }
}

/// GF(256) with the QR polynomial 0x11D, computed bit by bit (no tables), for checking syndromes.
enum GaloisField {
    static func multiply(_ lhs: UInt8, _ rhs: UInt8) -> UInt8 {
        var a = UInt16(lhs)
        var b = rhs
        var product: UInt16 = 0
        while b != 0 {
            if b & 1 == 1 { product ^= a }
            a <<= 1
            if a & 0x100 != 0 { a ^= 0x11D }
            b >>= 1
        }
        return UInt8(product)
    }

    /// The codeword polynomial (first codeword = highest degree) evaluated at `point`.
    static func evaluate(_ codewords: [UInt8], at point: UInt8) -> UInt8 {
        codewords.reduce(0) { multiply($0, point) ^ $1 }
    }
}

/// The remainder of `value` divided by `generator` over GF(2), for checking BCH codes.
func bchRemainder(_ value: UInt32, generator: UInt32) -> UInt32 {
    var value = value
    let degree = 31 - generator.leadingZeroBitCount
    while value != 0 && 31 - value.leadingZeroBitCount >= degree {
        value ^= generator << UInt32(31 - value.leadingZeroBitCount - degree)
    }
    return value
}
