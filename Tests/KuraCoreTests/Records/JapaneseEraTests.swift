import KuraCore
import Testing

/// Era dates as clinic forms write them: the first day of each era, 元年, and no era before 1873.
@Suite("Japanese era dates")
struct JapaneseEraTests {
    @Test(
        "each era begins on its accession day",
        arguments: [
            ((2019, 5, 1), "令和元年5月1日"), ((2019, 4, 30), "平成31年4月30日"), ((1989, 1, 8), "平成元年1月8日"),
            ((1989, 1, 7), "昭和64年1月7日"), ((1926, 12, 25), "昭和元年12月25日"), ((1926, 12, 24), "大正15年12月24日"),
            ((1912, 7, 30), "大正元年7月30日"), ((1912, 7, 29), "明治45年7月29日"), ((1873, 1, 1), "明治6年1月1日"),
            ((2026, 11, 25), "令和8年11月25日"), ((1940, 2, 29), "昭和15年2月29日"),
        ])
    func boundaries(date: (Int, Int, Int), expected: String) throws {
        let civil = try CivilDate(year: date.0, month: date.1, day: date.2)
        #expect(JapaneseEra.format(civil) == expected)
    }

    @Test("before the Gregorian calendar was adopted there is no era, only the year")
    func beforeGregorian() throws {
        let civil = try CivilDate(year: 1872, month: 12, day: 31)
        #expect(JapaneseEra.of(civil) == nil)
        #expect(JapaneseEra.format(civil) == "1872年12月31日")
    }
}
