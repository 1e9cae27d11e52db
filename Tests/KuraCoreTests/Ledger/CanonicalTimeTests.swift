import KuraCore
import Testing

@Suite struct CanonicalTimeTests {
    static let knownAnswers: [(Int64, String)] = [
        (0, "1970-01-01T00:00:00.000Z"),
        (1, "1970-01-01T00:00:00.001Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (951_868_800_000, "2000-03-01T00:00:00.000Z"),
        (1_234_567_890_123, "2009-02-13T23:31:30.123Z"),
        (4_107_542_400_000, "2100-03-01T00:00:00.000Z"),
        (-2_208_988_800_000, "1900-01-01T00:00:00.000Z"),
        (-62_135_596_800_000, "0001-01-01T00:00:00.000Z"),
        (CanonicalTime.minimumEpochMilliseconds, "0000-01-01T00:00:00.000Z"),
        (CanonicalTime.maximumEpochMilliseconds, "9999-12-31T23:59:59.999Z"),
    ]

    @Test("formats and parses known instants", arguments: knownAnswers)
    func knownAnswer(milliseconds: Int64, text: String) throws {
        let time = try CanonicalTime(epochMilliseconds: milliseconds)
        #expect(time.text == text)
        #expect(try CanonicalTime(parsing: text).epochMilliseconds == milliseconds)
        #expect(time.json == .string(text))
    }

    @Test("agrees with a slow day-by-day reference across the whole range")
    func matchesReference() throws {
        var generator = LedgerFixtures.SeededGenerator(seed: 42)
        var samples = (0..<2_000).map { _ in
            Int64.random(
                in: CanonicalTime.minimumEpochMilliseconds...CanonicalTime.maximumEpochMilliseconds, using: &generator)
        }
        // Every year boundary's last and first millisecond from 1599 to 2401.
        for year in Int64(1599)...2401 {
            let start = Self.referenceMilliseconds(year: year, month: 1, day: 1)
            samples += [start - 1, start]
        }
        for milliseconds in samples {
            let time = try CanonicalTime(epochMilliseconds: milliseconds)
            #expect(time.text == Self.referenceText(milliseconds), "\(milliseconds)")
            #expect(try CanonicalTime(parsing: time.text) == time)
        }
    }

    static let malformed: [String] = [
        "1970-01-01T00:00:00Z",
        "1970-01-01T00:00:00.0Z",
        "1970-01-01T00:00:00.0000Z",
        "1970-01-01T00:00:00.000+00:00",
        "1970-01-01t00:00:00.000Z",
        "1970-01-01T00:00:00.000z",
        "1970-01-01 00:00:00.000Z",
        "1970/01/01T00:00:00.000Z",
        "+970-01-01T00:00:00.000Z",
        "1970-1-01T00:00:00.000Z ",
        "1970-00-01T00:00:00.000Z",
        "1970-13-01T00:00:00.000Z",
        "1970-01-00T00:00:00.000Z",
        "1970-01-32T00:00:00.000Z",
        "1970-04-31T00:00:00.000Z",
        "1900-02-29T00:00:00.000Z",
        "2023-02-29T00:00:00.000Z",
        "1970-01-01T24:00:00.000Z",
        "1970-01-01T00:60:00.000Z",
        "1970-01-01T00:00:60.000Z",
        "1970-01-01T00:00:00.00aZ",
        "１970-01-01T00:00:00.000Z",
        "",
    ]

    @Test("refuses every other spelling", arguments: malformed)
    func refusesMalformed(text: String) {
        #expect(throws: CanonicalTimeError.malformed) { try CanonicalTime(parsing: text) }
    }

    @Test("accepts leap days that exist")
    func leapDays() throws {
        for text in ["2000-02-29T12:00:00.000Z", "2024-02-29T00:00:00.000Z", "0000-02-29T00:00:00.000Z"] {
            #expect(try CanonicalTime(parsing: text).text == text)
        }
    }

    @Test("refuses instants outside years 0000–9999")
    func refusesOutOfRange() {
        #expect(throws: CanonicalTimeError.outOfRange) {
            try CanonicalTime(epochMilliseconds: CanonicalTime.maximumEpochMilliseconds + 1)
        }
        #expect(throws: CanonicalTimeError.outOfRange) {
            try CanonicalTime(epochMilliseconds: CanonicalTime.minimumEpochMilliseconds - 1)
        }
    }

    // MARK: - Reference: walk whole years and months; slow but obviously right.

    static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func monthLengths(_ year: Int64) -> [Int64] {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    }

    static func referenceMilliseconds(year: Int64, month: Int64, day: Int64) -> Int64 {
        var days: Int64 = 0
        if year >= 1970 {
            for y in 1970..<year { days += isLeap(y) ? 366 : 365 }
        } else {
            for y in year..<1970 { days -= isLeap(y) ? 366 : 365 }
        }
        days += monthLengths(year).prefix(Int(month - 1)).reduce(0, +) + day - 1
        return days * 86_400_000
    }

    static func referenceText(_ milliseconds: Int64) -> String {
        var days = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        var rest = milliseconds - days * 86_400_000
        var year: Int64 = 1970
        while days < 0 {
            year -= 1
            days += isLeap(year) ? 366 : 365
        }
        while days >= (isLeap(year) ? 366 : 365) {
            days -= isLeap(year) ? 366 : 365
            year += 1
        }
        var month = 1
        for length in monthLengths(year) {
            if days < length { break }
            days -= length
            month += 1
        }
        let hour = rest / 3_600_000
        rest %= 3_600_000
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(repeating: "0", count: 4 - String(year).count) + String(year)
        let millisecond = rest % 1000
        let milliText = String(repeating: "0", count: 3 - String(millisecond).count) + String(millisecond)
        return "\(yearText)-\(two(Int64(month)))-\(two(days + 1))T\(two(hour)):\(two(rest / 60_000)):"
            + "\(two(rest % 60_000 / 1000)).\(milliText)Z"
    }
}
