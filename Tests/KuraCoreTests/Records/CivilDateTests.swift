import KuraCore
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    @Test(
        "weekdays of known dates",
        arguments: [
            ("1970-01-01", Weekday.thursday), ("2000-01-01", .saturday), ("2024-02-29", .thursday),
            ("2026-09-22", .tuesday), ("1959-04-10", .friday), ("1969-12-31", .wednesday), ("0001-01-01", .monday),
            ("9999-12-31", .friday),
        ])
    func weekdays(text: String, weekday: Weekday) throws {
        #expect(try CivilDate(parsing: text).weekday == weekday)
    }

    @Test("YYYY-MM-DD round-trips, and day numbers round-trip across the whole range")
    func roundTrips() throws {
        for text in ["0001-01-01", "1970-01-01", "2024-02-29", "2100-03-01", "9999-12-31"] {
            #expect(try CivilDate(parsing: text).description == text)
        }
        var day = CivilDate.minimum.daysSinceEpoch
        var previous: CivilDate?
        while day <= CivilDate.maximum.daysSinceEpoch {
            let date = CivilDate(daysSinceEpoch: day)
            #expect(date.daysSinceEpoch == day)
            #expect(try CivilDate(parsing: date.description) == date)
            if let previous { #expect(previous < date) }
            previous = date
            day += 997
        }
    }

    @Test("days are added across month, leap-day and year ends")
    func adding() throws {
        let leapDay = try CivilDate(year: 2024, month: 2, day: 29)
        #expect(leapDay.adding(days: 1) == (try CivilDate(year: 2024, month: 3, day: 1)))
        #expect(leapDay.adding(days: -29) == (try CivilDate(year: 2024, month: 1, day: 31)))
        #expect(leapDay.adding(days: 366) == (try CivilDate(year: 2025, month: 3, day: 1)))
        #expect(
            (try CivilDate(year: 2025, month: 12, day: 31)).adding(days: 1) == (try CivilDate(parsing: "2026-01-01")))
        #expect((try CivilDate(parsing: "2026-01-01")).days(since: leapDay) == 672)
    }

    @Test(
        "the JST date of an instant changes at 15:00 UTC",
        arguments: [
            ("2024-12-31T14:59:59.999Z", "2024-12-31"), ("2024-12-31T15:00:00.000Z", "2025-01-01"),
            ("1969-12-31T14:59:59.999Z", "1969-12-31"), ("1969-12-31T15:00:00.000Z", "1970-01-01"),
            ("1900-03-01T00:00:00.000Z", "1900-03-01"),
        ])
    func japanStandardTime(instant: String, date: String) throws {
        #expect(CivilDate(japanStandardTime: try CanonicalTime(parsing: instant)).description == date)
    }

    @Test(
        "any other spelling is refused as malformed",
        arguments: [
            "", "2024-2-01", "2024/02/01", "20240201", " 2024-02-01", "2024-02-01 ", "2024-02-01T00:00",
            "２０２４-０２-０１", "+024-02-01", "2024-0a-01", "12024-02-01",
        ])
    func malformed(text: String) {
        #expect(throws: CivilDateError.malformed) { try CivilDate(parsing: text) }
    }

    @Test(
        "days that do not exist are refused",
        arguments: ["2023-02-29", "2100-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "0000-01-01"])
    func invalid(text: String) {
        #expect(throws: CivilDateError.invalidDate) { try CivilDate(parsing: text) }
    }

    @Test("error descriptions are fixed text")
    func descriptions() {
        #expect(CivilDateError.malformed.description == "a date must be written YYYY-MM-DD")
        #expect(CivilDateError.invalidDate.description == "the date does not exist")
    }
}
