extension QRCode {
    /// How the codewords of one version at one level are split into Reed–Solomon blocks (ISO/IEC
    /// 18004:2015 Table 9).
    ///
    /// The data codewords are divided as evenly as possible: ``longBlockCount`` blocks (the last ones)
    /// carry one data codeword more than the others. Every block has ``ecCodewordsPerBlock`` EC codewords.
    public struct BlockStructure: Sendable, Hashable {
        /// All codewords of the symbol (ISO/IEC 18004:2015 Table 1, column "number of data codewords"
        /// plus EC codewords; the same at every level).
        public let totalCodewords: Int
        /// The number of Reed–Solomon blocks.
        public let blockCount: Int
        /// The EC codewords in each block.
        public let ecCodewordsPerBlock: Int

        /// All data codewords (total minus EC).
        public var dataCodewords: Int { totalCodewords - blockCount * ecCodewordsPerBlock }
        /// The data codewords in each of the shorter blocks.
        public var shortBlockDataCodewords: Int { dataCodewords / blockCount }
        /// How many blocks carry one data codeword more (they follow the short ones).
        public var longBlockCount: Int { dataCodewords % blockCount }
    }

    /// The block structure of `version` (1…40) at `errorCorrection`.
    public static func blockStructure(version: Int, errorCorrection: QRErrorCorrection) -> BlockStructure {
        precondition((1...40).contains(version), "QR Code versions are 1 to 40")
        let (ec, blocks) =
            switch errorCorrection {
            case .low: (QRTables.ecPerBlockLow, QRTables.blocksLow)
            case .medium: (QRTables.ecPerBlockMedium, QRTables.blocksMedium)
            case .quartile: (QRTables.ecPerBlockQuartile, QRTables.blocksQuartile)
            case .high: (QRTables.ecPerBlockHigh, QRTables.blocksHigh)
            }
        return BlockStructure(
            totalCodewords: QRTables.totalCodewords[version - 1], blockCount: blocks[version - 1],
            ecCodewordsPerBlock: ec[version - 1])
    }

    /// The most bytes a symbol of `version` at `errorCorrection` holds in byte mode: the data codewords
    /// less the 4-bit mode indicator and the 8-bit (versions 1–9) or 16-bit character count.
    public static func byteCapacity(version: Int, errorCorrection: QRErrorCorrection) -> Int {
        let bits = blockStructure(version: version, errorCorrection: errorCorrection).dataCodewords * 8
        return (bits - 4 - characterCountBits(version: version)) / 8
    }

    /// The length of the byte-mode character count field (ISO/IEC 18004:2015 Table 3).
    static func characterCountBits(version: Int) -> Int {
        version < 10 ? 8 : 16
    }
}
