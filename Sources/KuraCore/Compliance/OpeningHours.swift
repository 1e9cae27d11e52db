/// A clinic's hours on one weekday in JST, from `opens` up to but not including `closes`, in
/// minutes after midnight: 08:00-19:00 counts 08:00:00.000 and 18:59:59.999 as open and 19:00 as
/// closed (AUD-4, the `off-hours` review).
public struct OpeningHours: Sendable, Hashable, CustomStringConvertible {
    /// The first open minute after JST midnight, 0…1439.
    public let opens: Int
    /// The first closed minute after JST midnight, after `opens`, at most 1440 (24:00).
    public let closes: Int

    /// Creates hours from minutes after midnight.
    /// - Throws: ``AccessReviewError/invalidOpeningHours`` unless `0 ≤ opens < closes ≤ 1440`.
    public init(opens: Int, closes: Int) throws(AccessReviewError) {
        guard 0 <= opens, opens < closes, closes <= 1440 else { throw .invalidOpeningHours }
        self.opens = opens
        self.closes = closes
    }

    /// Parses `HH:MM-HH:MM` as the configuration writes it (`08:00-19:00`; `24:00` closes at
    /// midnight).
    /// - Throws: ``AccessReviewError/invalidOpeningHours`` for any other text.
    public init(parsing text: some StringProtocol) throws(AccessReviewError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let opens = Self.minutes(parts[0]), let closes = Self.minutes(parts[1]) else {
            throw .invalidOpeningHours
        }
        try self.init(opens: opens, closes: closes)
    }

    /// Whether `minute` after JST midnight is within the hours.
    public func contains(minute: Int) -> Bool {
        opens <= minute && minute < closes
    }

    /// `HH:MM-HH:MM`.
    public var description: String {
        Self.text(opens) + "-" + Self.text(closes)
    }

    /// Minutes after midnight of `HH:MM` (00:00…24:00), or nil.
    static func minutes(_ text: some StringProtocol) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
            bytes.enumerated().allSatisfy({ $0.offset == 2 || (0x30...0x39).contains($0.element) })
        else { return nil }
        let digit = { (index: Int) in Int(bytes[index] - 0x30) }
        let hour = digit(0) * 10 + digit(1)
        let minute = digit(3) * 10 + digit(4)
        guard minute < 60, hour < 24 || (hour == 24 && minute == 0) else { return nil }
        return hour * 60 + minute
    }

    /// `HH:MM` of minutes after midnight.
    static func text(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
