/// The Japanese era (元号) of a date, as clinic forms write birth dates and today's date
/// (昭和15年3月2日, 令和8年11月25日). The eras begin on the day the new emperor acceded
/// (Cabinet Office); dates before 1873, when Japan adopted the Gregorian calendar, have no
/// era here because their era years ran on the old lunisolar calendar.
public struct JapaneseEra: Sendable, Hashable {
    /// 令和, 平成, 昭和, 大正 or 明治.
    public let name: String
    /// The romanised name (Reiwa, …).
    public let romanName: String
    /// The first day of the era.
    public let start: CivilDate

    /// The eras, newest first.
    public static let all: [JapaneseEra] = [
        JapaneseEra(name: "令和", romanName: "Reiwa", start: CivilDate(unchecked: 2019, 5, 1)),
        JapaneseEra(name: "平成", romanName: "Heisei", start: CivilDate(unchecked: 1989, 1, 8)),
        JapaneseEra(name: "昭和", romanName: "Showa", start: CivilDate(unchecked: 1926, 12, 25)),
        JapaneseEra(name: "大正", romanName: "Taisho", start: CivilDate(unchecked: 1912, 7, 30)),
        JapaneseEra(name: "明治", romanName: "Meiji", start: CivilDate(unchecked: 1868, 10, 23)),
    ]

    /// The first date an era is given for (the Gregorian calendar in Japan).
    public static let earliest = CivilDate(unchecked: 1873, 1, 1)

    /// The era of `date` and the year within it (1 is the first, written 元年), or nil before 1873.
    public static func of(_ date: CivilDate) -> (era: JapaneseEra, year: Int)? {
        guard date >= earliest, let era = all.first(where: { $0.start <= date }) else { return nil }
        return (era, date.year - era.start.year + 1)
    }

    /// `令和8年11月25日`, `平成元年1月8日`; the Gregorian `1870年1月1日` before 1873.
    public static func format(_ date: CivilDate) -> String {
        guard let (era, year) = of(date) else { return "\(date.year)年\(date.month)月\(date.day)日" }
        return "\(era.name)\(year == 1 ? "元" : String(year))年\(date.month)月\(date.day)日"
    }
}
