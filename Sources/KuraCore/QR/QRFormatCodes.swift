/// The BCH-protected format and version information of a symbol (ISO/IEC 18004:2015 §7.9, §7.10, Annex C, D).
enum QRFormatCodes {
    /// The 15 format bits for `level` and `mask`: 5 data bits, 10 bits of BCH(15,5) with generator
    /// x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 (0x537), XORed with 0x5412 so no format word is all light.
    static func formatBits(level: QRErrorCorrection, mask: Int) -> UInt32 {
        let data = level.formatBits << 3 | UInt32(mask)
        return (data << 10 | remainder(data, generator: 0x537, degree: 10)) ^ 0x5412
    }

    /// The 18 version bits for `version` (7…40): 6 data bits and 12 bits of BCH(18,6) with generator
    /// x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1 (0x1F25); not masked.
    static func versionBits(version: Int) -> UInt32 {
        let data = UInt32(version)
        return data << 12 | remainder(data, generator: 0x1F25, degree: 12)
    }

    /// The remainder of data(x) · x^degree divided by generator(x) over GF(2).
    static func remainder(_ data: UInt32, generator: UInt32, degree: Int) -> UInt32 {
        var value = data << UInt32(degree)
        for bit in stride(from: 31, through: degree, by: -1) where (value >> UInt32(bit)) & 1 == 1 {
            value ^= generator << UInt32(bit - degree)
        }
        return value
    }
}
