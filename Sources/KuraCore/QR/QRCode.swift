/// A QR Code symbol (ISO/IEC 18004:2015), made here because no package in Kura's allowed set encodes one.
///
/// Kura needs it for one thing: showing the `otpauth://` URI at TOTP enrolment (MFA-1) so a phone can
/// scan it. It encodes bytes in byte mode only, picks the smallest version 1…40 that fits at the chosen
/// error-correction level, splits the codewords into the standard Reed–Solomon blocks, tries all eight
/// masks and keeps the one with the lowest penalty (ties go to the lower mask number). The result is a
/// plain grid of modules; ``svg(moduleSize:quietZone:)`` and ``pgm(scale:quietZone:)`` draw it.
public struct QRCode: Sendable {
    /// The symbol version, 1…40.
    public let version: Int
    /// The error-correction level.
    public let errorCorrection: QRErrorCorrection
    /// The mask pattern chosen, 0…7.
    public let mask: Int
    /// Modules per side (17 + 4 × version), without the quiet zone.
    public let size: Int
    /// Whether each module is dark, row by row.
    let modules: [Bool]

    /// Encodes `data` in byte mode in the smallest symbol that holds it at `errorCorrection`.
    public static func encode(
        _ data: [UInt8], errorCorrection: QRErrorCorrection = .medium
    ) throws(QRCodeError) -> QRCode {
        guard
            let version = (1...40).first(where: {
                byteCapacity(version: $0, errorCorrection: errorCorrection) >= data.count
            })
        else { throw .dataTooLong }
        let structure = blockStructure(version: version, errorCorrection: errorCorrection)
        let codewords = interleavedCodewords(
            dataCodewords(data, version: version, capacity: structure.dataCodewords), structure: structure)
        var matrix = QRMatrix(version: version)
        matrix.place(codewords: codewords)
        var best: (mask: Int, penalty: Int, matrix: QRMatrix)?
        for mask in 0..<8 {
            var candidate = matrix
            candidate.applyMask(mask)
            candidate.drawFormatInformation(QRFormatCodes.formatBits(level: errorCorrection, mask: mask))
            let penalty = candidate.penalty
            if best.map({ penalty < $0.penalty }) ?? true { best = (mask, penalty, candidate) }
        }
        guard let best else { preconditionFailure("no mask was tried") }
        return QRCode(
            version: version, errorCorrection: errorCorrection, mask: best.mask, size: best.matrix.size,
            modules: best.matrix.dark)
    }

    /// Whether the module at column `x`, row `y` is dark; anything outside the symbol is the light quiet zone.
    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// The data codewords (§7.4): mode 0100, the byte count, the bytes, a terminator of up to four 0 bits,
    /// 0 bits to the next codeword boundary, then the pad codewords 0xEC and 0x11 alternately.
    static func dataCodewords(_ data: [UInt8], version: Int, capacity: Int) -> [UInt8] {
        var buffer = QRBitBuffer()
        buffer.append(0b0100, bitCount: 4)
        buffer.append(data.count, bitCount: characterCountBits(version: version))
        for byte in data { buffer.append(Int(byte), bitCount: 8) }
        let capacityBits = capacity * 8
        buffer.append(0, bitCount: min(4, capacityBits - buffer.bits.count))
        buffer.append(0, bitCount: (8 - buffer.bits.count % 8) % 8)
        var codewords = buffer.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits the data into blocks, appends each block's EC codewords and interleaves them (§7.6): first the
    /// i-th data codeword of every block in turn (short blocks have none at the last index), then the
    /// i-th EC codeword of every block.
    static func interleavedCodewords(_ data: [UInt8], structure: BlockStructure) -> [UInt8] {
        let encoder = QRReedSolomon(degree: structure.ecCodewordsPerBlock)
        var blocks: [(data: ArraySlice<UInt8>, ec: [UInt8])] = []
        var start = 0
        for index in 0..<structure.blockCount {
            let isLong = index >= structure.blockCount - structure.longBlockCount
            let length = structure.shortBlockDataCodewords + (isLong ? 1 : 0)
            let block = data[start..<start + length]
            blocks.append((block, encoder.errorCorrection(for: block)))
            start += length
        }
        var result: [UInt8] = []
        result.reserveCapacity(structure.totalCodewords)
        for index in 0...structure.shortBlockDataCodewords {
            for block in blocks where index < block.data.count {
                result.append(block.data[block.data.startIndex + index])
            }
        }
        for index in 0..<structure.ecCodewordsPerBlock {
            for block in blocks { result.append(block.ec[index]) }
        }
        return result
    }
}
