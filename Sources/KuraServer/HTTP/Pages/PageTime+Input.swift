import Foundation
import KuraCore

extension PageTime {
    /// `2027-01-15T09:30`, the value of an `<input type="datetime-local">`, in JST.
    static func inputValue(_ milliseconds: Int64) -> String {
        jst(milliseconds).replacingOccurrences(of: " ", with: "T")
    }

    /// The time an `<input type="datetime-local">` names in JST (`YYYY-MM-DDTHH:MM`, seconds
    /// allowed), or nil when it is not one.
    static func parseInput(_ text: String) -> Int64? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = try? CivilDate(parsing: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count),
            clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { ("0"..."9").contains($0) } })
        else { return nil }
        let (hour, minute, second) = (Int(clock[0]) ?? 0, Int(clock[1]) ?? 0, clock.count == 3 ? Int(clock[2]) ?? 0 : 0)
        guard hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - 9 * 3600
        return seconds * 1000
    }

    /// Midnight JST at the start of a `YYYY-MM-DD` day, or nil when it is not a date.
    static func startOfDay(_ text: String) -> Int64? {
        (try? CivilDate(parsing: text)).map { Int64($0.daysSinceEpoch) * 86_400_000 - 9 * 3_600_000 }
    }
}
