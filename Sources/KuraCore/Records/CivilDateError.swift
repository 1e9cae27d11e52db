/// Why a civil date could not be made or parsed; messages never repeat the input.
public enum CivilDateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not `YYYY-MM-DD` with ASCII digits.
    case malformed
    /// The year, month and day do not name a day in 0001-01-01…9999-12-31.
    case invalidDate

    /// A fixed message per case.
    public var description: String {
        switch self {
        case .malformed: "a date must be written YYYY-MM-DD"
        case .invalidDate: "the date does not exist"
        }
    }
}
