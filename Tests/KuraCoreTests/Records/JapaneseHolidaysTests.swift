import KuraCore
import Testing

/// Expected lists written out by hand from the Cabinet Office's published lists (内閣府「国民の
/// 祝日について」, as reported with its wording "祝日法第3条第2項による休日" for 振替休日 and
/// "第3条第3項" for 国民の休日) and, for 2019, the 2018 act on the enthronement days.
@Suite("Japanese public holidays")
struct JapaneseHolidaysTests {
    static let published: [(Int, [(String, String)])] = [
        (
            2019,
            [
                ("01-01", "元日"), ("01-14", "成人の日"), ("02-11", "建国記念の日"), ("03-21", "春分の日"),
                ("04-29", "昭和の日"), ("04-30", "国民の休日"), ("05-01", "天皇の即位の日"), ("05-02", "国民の休日"),
                ("05-03", "憲法記念日"), ("05-04", "みどりの日"), ("05-05", "こどもの日"), ("05-06", "振替休日"),
                ("07-15", "海の日"), ("08-11", "山の日"), ("08-12", "振替休日"), ("09-16", "敬老の日"),
                ("09-23", "秋分の日"), ("10-14", "体育の日"), ("10-22", "即位礼正殿の儀の行われる日"),
                ("11-03", "文化の日"), ("11-04", "振替休日"), ("11-23", "勤労感謝の日"),
            ]
        ),
        (
            2020,
            [
                ("01-01", "元日"), ("01-13", "成人の日"), ("02-11", "建国記念の日"), ("02-23", "天皇誕生日"),
                ("02-24", "振替休日"), ("03-20", "春分の日"), ("04-29", "昭和の日"), ("05-03", "憲法記念日"),
                ("05-04", "みどりの日"), ("05-05", "こどもの日"), ("05-06", "振替休日"), ("07-23", "海の日"),
                ("07-24", "スポーツの日"), ("08-10", "山の日"), ("09-21", "敬老の日"), ("09-22", "秋分の日"),
                ("11-03", "文化の日"), ("11-23", "勤労感謝の日"),
            ]
        ),
        (
            2021,
            [
                ("01-01", "元日"), ("01-11", "成人の日"), ("02-11", "建国記念の日"), ("02-23", "天皇誕生日"),
                ("03-20", "春分の日"), ("04-29", "昭和の日"), ("05-03", "憲法記念日"), ("05-04", "みどりの日"),
                ("05-05", "こどもの日"), ("07-22", "海の日"), ("07-23", "スポーツの日"), ("08-08", "山の日"),
                ("08-09", "振替休日"), ("09-20", "敬老の日"), ("09-23", "秋分の日"), ("11-03", "文化の日"),
                ("11-23", "勤労感謝の日"),
            ]
        ),
        (
            2024,
            [
                ("01-01", "元日"), ("01-08", "成人の日"), ("02-11", "建国記念の日"), ("02-12", "振替休日"),
                ("02-23", "天皇誕生日"), ("03-20", "春分の日"), ("04-29", "昭和の日"), ("05-03", "憲法記念日"),
                ("05-04", "みどりの日"), ("05-05", "こどもの日"), ("05-06", "振替休日"), ("07-15", "海の日"),
                ("08-11", "山の日"), ("08-12", "振替休日"), ("09-16", "敬老の日"), ("09-22", "秋分の日"),
                ("09-23", "振替休日"), ("10-14", "スポーツの日"), ("11-03", "文化の日"), ("11-04", "振替休日"),
                ("11-23", "勤労感謝の日"),
            ]
        ),
        (
            2025,
            [
                ("01-01", "元日"), ("01-13", "成人の日"), ("02-11", "建国記念の日"), ("02-23", "天皇誕生日"),
                ("02-24", "振替休日"), ("03-20", "春分の日"), ("04-29", "昭和の日"), ("05-03", "憲法記念日"),
                ("05-04", "みどりの日"), ("05-05", "こどもの日"), ("05-06", "振替休日"), ("07-21", "海の日"),
                ("08-11", "山の日"), ("09-15", "敬老の日"), ("09-23", "秋分の日"), ("10-13", "スポーツの日"),
                ("11-03", "文化の日"), ("11-23", "勤労感謝の日"), ("11-24", "振替休日"),
            ]
        ),
        (
            2026,
            [
                ("01-01", "元日"), ("01-12", "成人の日"), ("02-11", "建国記念の日"), ("02-23", "天皇誕生日"),
                ("03-20", "春分の日"), ("04-29", "昭和の日"), ("05-03", "憲法記念日"), ("05-04", "みどりの日"),
                ("05-05", "こどもの日"), ("05-06", "振替休日"), ("07-20", "海の日"), ("08-11", "山の日"),
                ("09-21", "敬老の日"), ("09-22", "国民の休日"), ("09-23", "秋分の日"), ("10-12", "スポーツの日"),
                ("11-03", "文化の日"), ("11-23", "勤労感謝の日"),
            ]
        ),
    ]

    @Test("the whole year matches the published list", arguments: published)
    func wholeYear(year: Int, expected: [(String, String)]) {
        let computed = JapaneseHolidays.holidays(in: year).map { ($0.date.description, $0.name) }
        let written = expected.map { ("\(year)-\($0.0)", $0.1) }
        #expect(computed.map(\.0) == written.map(\.0))
        #expect(computed.map(\.1) == written.map(\.1))
    }

    @Test(
        "single days under each rule and era",
        arguments: [
            // 振替休日: the next day until 2006 (from 1973-04-12), the next non-holiday from 2007.
            ("1973-04-30", "振替休日"), ("1987-05-04", "振替休日"), ("2008-05-06", "振替休日"),
            ("2025-02-24", "振替休日"), ("2025-05-06", "振替休日"), ("2026-05-06", "振替休日"),
            // 国民の休日: a day between two national holidays (a Saturday counted until 2006).
            ("1988-05-04", "国民の休日"), ("1991-05-04", "国民の休日"), ("2006-05-04", "国民の休日"),
            ("2009-09-22", "国民の休日"), ("2015-09-22", "国民の休日"), ("2026-09-22", "国民の休日"),
            // 4/29 through three names; 5/4 becomes みどりの日 in 2007.
            ("1988-04-29", "天皇誕生日"), ("1989-04-29", "みどりの日"), ("2006-04-29", "みどりの日"),
            ("2007-04-29", "昭和の日"), ("2007-05-04", "みどりの日"),
            // 天皇誕生日 moves with the reign.
            ("1989-12-23", "天皇誕生日"), ("2018-12-23", "天皇誕生日"), ("2020-02-23", "天皇誕生日"),
            // Fixed days before Happy Monday, and the Happy Monday dates after.
            ("1999-01-15", "成人の日"), ("2000-01-10", "成人の日"), ("1966-09-15", "敬老の日"),
            ("2002-09-15", "敬老の日"), ("2003-09-15", "敬老の日"), ("1966-10-10", "体育の日"),
            ("1999-10-10", "体育の日"), ("2000-10-09", "体育の日"), ("2019-10-14", "体育の日"),
            ("2022-10-10", "スポーツの日"), ("1996-07-20", "海の日"), ("2002-07-20", "海の日"),
            ("2003-07-21", "海の日"), ("2016-08-11", "山の日"), ("1967-02-11", "建国記念の日"),
            // Days made holidays once by their own acts.
            ("1959-04-10", "皇太子明仁親王の結婚の儀"), ("1989-02-24", "昭和天皇の大喪の礼"),
            ("1990-11-12", "即位礼正殿の儀"), ("1993-06-09", "皇太子徳仁親王の結婚の儀"),
            // The last 秋分 on 9/24 (1900–1979 formula).
            ("1979-09-24", "秋分の日"), ("1949-01-01", "元日"), ("2099-11-23", "勤労感謝の日"),
        ])
    func singleDays(date: String, name: String) throws {
        #expect(JapaneseHolidays.name(of: try CivilDate(parsing: date)) == name)
    }

    @Test(
        "ordinary days, including those the rules exclude",
        arguments: [
            "1970-05-04",  // 5/3 on a Sunday before 1973: no substitute
            "1967-01-16",  // the same for 成人の日
            "1986-05-04",  // a Sunday between two holidays is not a 国民の休日 (before 2007)
            "1966-02-11",  // 建国記念の日 was first observed in 1967
            "1995-07-20", "2016-08-10", "2019-12-23", "2019-02-23",
            "2020-10-12", "2021-07-19", "2021-08-11", "2021-10-11",  // moved away by the Olympic acts
            "2024-12-23", "2025-01-02", "2025-06-15",
            "1948-11-03", "2100-01-01",  // outside 1949…2099
        ])
    func ordinaryDays(date: String) throws {
        #expect(JapaneseHolidays.name(of: try CivilDate(parsing: date)) == nil)
    }

    /// 2002–2015 from the National Astronomical Observatory's list (天文ニュース 413, 2001, from
    /// 理科年表); 2016–2027 from published holiday lists; 2000–2001 and 2028–2030 from the
    /// Observatory's stated patterns (春分: the 20th in leap years and the year after from 1993,
    /// also two years after from 2026; 秋分: the 23rd 1980–2011, then the 22nd in leap years until 2044).
    static let equinoxes: [(Int, Int, Int)] = [
        (2000, 20, 23), (2001, 20, 23), (2002, 21, 23), (2003, 21, 23), (2004, 20, 23), (2005, 20, 23),
        (2006, 21, 23), (2007, 21, 23), (2008, 20, 23), (2009, 20, 23), (2010, 21, 23), (2011, 21, 23),
        (2012, 20, 22), (2013, 20, 23), (2014, 21, 23), (2015, 21, 23), (2016, 20, 22), (2017, 20, 23),
        (2018, 21, 23), (2019, 21, 23), (2020, 20, 22), (2021, 20, 23), (2022, 21, 23), (2023, 21, 23),
        (2024, 20, 22), (2025, 20, 23), (2026, 20, 23), (2027, 21, 23), (2028, 20, 22), (2029, 20, 23),
        (2030, 20, 23),
    ]

    @Test("equinox days 2000–2030", arguments: equinoxes)
    func equinox(year: Int, vernal: Int, autumnal: Int) throws {
        #expect(JapaneseHolidays.vernalEquinoxDay(in: year) == vernal)
        #expect(JapaneseHolidays.autumnalEquinoxDay(in: year) == autumnal)
        #expect(JapaneseHolidays.name(of: try CivilDate(year: year, month: 3, day: vernal)) == "春分の日")
        #expect(JapaneseHolidays.name(of: try CivilDate(year: year, month: 9, day: autumnal)) == "秋分の日")
    }

    @Test("every supported year is ordered, has its fixed days, and substitutes never fall on Sunday")
    func allYears() throws {
        for year in JapaneseHolidays.supportedYears {
            let holidays = JapaneseHolidays.holidays(in: year)
            #expect(holidays.map(\.date) == holidays.map(\.date).sorted())
            #expect((9...24).contains(holidays.count), "\(year)")
            for (month, day) in [(1, 1), (5, 3), (5, 5), (11, 3), (11, 23)] {
                #expect(holidays.contains { $0.date == (try? CivilDate(year: year, month: month, day: day)) })
            }
            for holiday in holidays where holiday.name == "振替休日" {
                #expect(holiday.date.weekday != .sunday)
                #expect(JapaneseHolidays.isHoliday(holiday.date.adding(days: -1)))
            }
        }
        #expect(JapaneseHolidays.holidays(in: 1948).isEmpty)
        #expect(JapaneseHolidays.holidays(in: 2100).isEmpty)
    }
}
