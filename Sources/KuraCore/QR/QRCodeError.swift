/// Why a QR Code could not be made.
public enum QRCodeError: Error, Sendable, Equatable {
    /// The data does not fit in a version 40 symbol at the chosen level (2,953 bytes at most, at `low`).
    case dataTooLong
}

extension QRCodeError: CustomStringConvertible {
    /// A fixed message; never the data.
    public var description: String {
        switch self {
        case .dataTooLong: "the data is too long for a QR Code at this error-correction level"
        }
    }
}
