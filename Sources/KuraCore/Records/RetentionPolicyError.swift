/// Why a retention configuration was refused at start; messages name kinds, never values read.
public enum RetentionPolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A key is not a ``RecordKind`` raw value.
    case unknownKind
    /// The period is shorter than the law requires for the kind.
    case belowLegalMinimum(RecordKind)
    /// The period is longer than ``RetentionPolicy/maximumYears``.
    case tooLong(RecordKind)

    /// A fixed message per case.
    public var description: String {
        switch self {
        case .unknownKind:
            "retention settings name an unknown record kind; known kinds are "
                + RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
        case .belowLegalMinimum(let kind):
            "retention for \(kind.rawValue) must be at least \(RetentionPolicy.legalMinimumYears(for: kind)) years"
        case .tooLong(let kind):
            "retention for \(kind.rawValue) must be at most \(RetentionPolicy.maximumYears) years"
        }
    }
}
