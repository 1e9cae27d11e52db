/// Why an access review could not run: malformed input only, never the data (AUD-4). Messages
/// name the parameter, never a value.
public enum AccessReviewError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The period is empty, reversed, or outside 1970-01-01…9999-12-30 (UTC).
    case invalidPeriod
    /// Opening hours are not `HH:MM-HH:MM` with the opening before the closing, within one day.
    case invalidOpeningHours
    /// The mass-access threshold is below 1 or above ``AccessReviewPolicy/maximumThreshold``.
    case invalidThreshold

    /// A message safe to show and log.
    public var description: String {
        switch self {
        case .invalidPeriod: "the review period must be non-empty, from before until, within 1970–9999"
        case .invalidOpeningHours: "opening hours must be HH:MM-HH:MM with opening before closing"
        case .invalidThreshold: "the mass-access threshold must be between 1 and 100000"
        }
    }
}
