/// An instant as a clinic in Japan reads it: the JST date (UTC+9, no daylight saving) and the
/// minute after JST midnight. Times are stored in UTC and shown in JST (DESIGN "Time"), so a
/// read at 23:30 UTC on a Sunday is 08:30 on Monday here.
public struct JSTInstant: Sendable, Hashable {
    /// The earliest instant accepted: 1970-01-01T00:00Z, before any Kura log.
    public static let earliest: Int64 = 0
    /// The first instant not accepted: 9999-12-31T00:00Z, so that every JST date exists.
    public static let end: Int64 = CanonicalTime.days(fromCivilYear: 9999, month: 12, day: 31) * millisecondsPerDay

    static let millisecondsPerDay: Int64 = 86_400_000
    static let offset: Int64 = 9 * 3_600_000

    /// The JST date.
    public let date: CivilDate
    /// Minutes after JST midnight, 0…1439.
    public let minuteOfDay: Int

    /// The instant `epochMilliseconds` after 1970-01-01T00:00Z, or nil outside
    /// ``earliest``..<``end``.
    public init?(epochMilliseconds: Int64) {
        guard (Self.earliest..<Self.end).contains(epochMilliseconds) else { return nil }
        let shifted = epochMilliseconds + Self.offset
        let days = shifted / Self.millisecondsPerDay
        date = CivilDate(daysSinceEpoch: Int(days))
        minuteOfDay = Int((shifted - days * Self.millisecondsPerDay) / 60_000)
    }
}
