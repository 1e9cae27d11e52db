/// An instant in the one fixed UTC text format the ledger uses: `YYYY-MM-DDTHH:MM:SS.mmmZ`.
///
/// DESIGN.md "The ledger" asks for one fixed UTC time format inside canonical JSON, so that the
/// same instant always has the same bytes. The format is RFC 3339 restricted to four-digit years,
/// exactly three fraction digits, `Z` and no leap seconds. Conversion is pure arithmetic on the
/// proleptic Gregorian calendar (days-from-civil), with no Foundation formatter or time zone.
public struct CanonicalTime: Hashable, Comparable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00.000Z (negative before).
    public let epochMilliseconds: Int64

    /// The first representable instant, 0000-01-01T00:00:00.000Z.
    public static let minimumEpochMilliseconds: Int64 = -62_167_219_200_000
    /// The last representable instant, 9999-12-31T23:59:59.999Z.
    public static let maximumEpochMilliseconds: Int64 = 253_402_300_799_999

    private static let millisecondsPerDay: Int64 = 86_400_000

    /// Creates an instant; throws for instants outside years 0000–9999.
    public init(epochMilliseconds: Int64) throws(CanonicalTimeError) {
        guard (Self.minimumEpochMilliseconds...Self.maximumEpochMilliseconds).contains(epochMilliseconds) else {
            throw .outOfRange
        }
        self.epochMilliseconds = epochMilliseconds
    }

    /// Orders instants by time.
    public static func < (lhs: CanonicalTime, rhs: CanonicalTime) -> Bool {
        lhs.epochMilliseconds < rhs.epochMilliseconds
    }

    /// The 24-character text, e.g. `2009-02-13T23:31:30.123Z`.
    public var text: String {
        let days = floorDivide(epochMilliseconds, Self.millisecondsPerDay)
        var rest = epochMilliseconds - days * Self.millisecondsPerDay
        let (year, month, day) = Self.civil(fromDays: days)
        let hour = rest / 3_600_000
        rest %= 3_600_000
        let minute = rest / 60_000
        rest %= 60_000
        let second = rest / 1000
        let millisecond = rest % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))Z"
    }

    /// The text as a canonical JSON string value.
    public var json: CanonicalJSON { .string(text) }

    /// Parses exactly the 24-character format; refuses any other spelling of an instant.
    public init(parsing text: some StringProtocol) throws(CanonicalTimeError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 24 else { throw .malformed }
        let separators: [(Int, Character)] = [
            (4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z"),
        ]
        for (offset, separator) in separators where bytes[offset] != separator.asciiValue {
            throw .malformed
        }
        func number(_ range: Range<Int>) throws(CanonicalTimeError) -> Int64 {
            var value: Int64 = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw .malformed }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let year = try number(0..<4)
        let month = try number(5..<7)
        let day = try number(8..<10)
        let hour = try number(11..<13)
        let minute = try number(14..<16)
        let second = try number(17..<19)
        let millisecond = try number(20..<23)
        guard (1...12).contains(month), (1...Self.daysInMonth(year: year, month: month)).contains(day),
            hour < 24, minute < 60, second < 60  // no leap seconds: UTC here is POSIX time
        else { throw .malformed }
        let days = Self.days(fromCivilYear: year, month: month, day: day)
        let milliseconds = days * Self.millisecondsPerDay + hour * 3_600_000 + minute * 60_000 + second * 1000
        try self.init(epochMilliseconds: milliseconds + millisecond)
    }

    static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (eras of 400 years, March-based years).
    static func days(fromCivilYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = floorDivide(marchYear, 400)
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day number (the inverse of `days(fromCivilYear:…)`).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

extension CanonicalTime: CustomStringConvertible {
    /// The canonical text.
    public var description: String { text }
}

/// Why a time cannot be represented or parsed.
public enum CanonicalTimeError: Error, Equatable, Sendable {
    /// Outside 0000-01-01T00:00:00.000Z … 9999-12-31T23:59:59.999Z.
    case outOfRange
    /// Not exactly `YYYY-MM-DDTHH:MM:SS.mmmZ` with valid field values.
    case malformed
}

private func floorDivide(_ dividend: Int64, _ divisor: Int64) -> Int64 {
    let quotient = dividend / divisor
    return (dividend % divisor != 0 && (dividend < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
