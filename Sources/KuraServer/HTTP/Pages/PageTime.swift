import Foundation
import KuraCore

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

    /// A date as the reader's language writes it: `令和8年11月25日（水）` in Japanese (with the
    /// era, as clinic forms do), `Wed 25 Nov 2026` in English; the weekday only when asked.
    static func japaneseDate(_ date: CivilDate, _ text: PageText, weekday: Bool = false) -> String {
        if text.language == "en" {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
            let base = "\(date.day) \(months[date.month - 1]) \(date.year)"
            return weekday ? "\(days[date.weekday.rawValue]) \(base)" : base
        }
        let base = JapaneseEra.format(date)
        return weekday ? "\(base)（\(date.weekday.japaneseShortName)）" : base
    }

    /// A birth date with the era and the Western year, as staff read them off insurance cards:
    /// `昭和15年3月2日（1940年）`; the stored text as it is when it is not a date.
    static func birthDate(_ stored: String, _ text: PageText) -> String {
        guard let date = try? CivilDate(parsing: stored) else { return stored }
        let shown = japaneseDate(date, text)
        return text.language == "en" || JapaneseEra.of(date) == nil ? shown : "\(shown)（\(date.year)年）"
    }
}
