/// A day of the week, numbered from Sunday as in JIS calendars.
public enum Weekday: Int, Hashable, Sendable, CaseIterable, Comparable {
    /// 日曜日.
    case sunday = 0
    /// 月曜日.
    case monday
    /// 火曜日.
    case tuesday
    /// 水曜日.
    case wednesday
    /// 木曜日.
    case thursday
    /// 金曜日.
    case friday
    /// 土曜日.
    case saturday

    /// Orders from Sunday to Saturday.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The one-character Japanese name (日, 月, 火, 水, 木, 金, 土).
    public var japaneseShortName: String {
        ["日", "月", "火", "水", "木", "金", "土"][rawValue]
    }
}
