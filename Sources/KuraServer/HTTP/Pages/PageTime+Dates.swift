import Foundation
import KuraCore

extension PageTime {
    /// A `YYYY-MM-DD` date as the reader writes it: `令和9年1月15日` in Japanese (the era, as
    /// clinic forms write dates), `15 Jan 2027` in English; text that is not a date shows as it is.
    static func date(_ iso: String, _ text: PageText) -> String {
        guard let date = try? CivilDate(parsing: iso) else { return iso }
        return japaneseDate(date, text)
    }

    /// A time in JST as the reader writes it: `令和9年1月15日 17:00` in Japanese, `15 Jan 2027 17:00`
    /// in English.
    static func dateTime(_ milliseconds: Int64, _ text: PageText) -> String {
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute],
            from: Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000))
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return "\(date(day, text)) \(String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0))"
    }

    /// The JST calendar day of a time, as days since the epoch.
    static func jstDay(_ milliseconds: Int64) -> Int64 {
        (milliseconds + 9 * 3_600_000).floorDivided(by: 86_400_000)
    }
}

extension Int64 {
    /// Division rounding towards minus infinity (times before 1970 stay on their day).
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
