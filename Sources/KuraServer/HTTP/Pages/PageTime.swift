import Foundation

/// Times as the pages show them: stored in UTC, shown in Japan Standard Time (DESIGN "Writes,
/// durability, audit"). JST has no daylight saving, so a fixed offset is exact and needs no
/// time-zone database on the server.
enum PageTime {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 9 * 3600)!
        return calendar
    }()

    /// `2027-01-15 09:30` for `milliseconds` since the epoch.
    static func jst(_ milliseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }

    /// ``jst(_:)``, or the text's dash for a time that never happened.
    static func jst(_ milliseconds: Int64?, _ text: PageText) -> String {
        milliseconds.map(jst) ?? text["never"]
    }
}
