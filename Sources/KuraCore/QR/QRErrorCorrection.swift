/// The error-correction level of a QR Code (ISO/IEC 18004:2015 §5.3.8): how much damage a symbol survives.
public enum QRErrorCorrection: String, Sendable, Hashable, CaseIterable {
    /// About 7 % of codewords may be lost.
    case low
    /// About 15 %: the usual choice for a symbol shown on a screen.
    case medium
    /// About 25 %.
    case quartile
    /// About 30 %.
    case high

    /// The two level bits of the format information (ISO/IEC 18004:2015 Table 12): L 01, M 00, Q 11, H 10.
    var formatBits: UInt32 {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }
}
