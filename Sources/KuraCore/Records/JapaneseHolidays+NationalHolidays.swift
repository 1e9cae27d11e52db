extension JapaneseHolidays {
    /// The 国民の祝日 (art. 2 of the act, as amended) on `date`, including the days that special
    /// acts made holidays or moved, or nil. Only these days count as neighbours for art. 3.
    static func nationalHoliday(on date: CivilDate) -> String? {
        let year = date.year
        let day = date.day
        guard supportedYears.contains(year) else { return nil }
        if let name = specialDays[date] { return name }
        switch date.month {
        case 1:
            if day == 1 { return "元日" }
            // 1/15 until 1999; the second Monday from 2000 (act of 1998, "Happy Monday").
            if day == (year <= 1999 ? 15 : nthMonday(2, year: year, month: 1)) { return "成人の日" }
        case 2:
            if day == 11 && year >= 1967 { return "建国記念の日" }  // added 1966, first observed 1967
            if day == 23 && year >= 2020 { return "天皇誕生日" }
        case 3:
            if day == vernalEquinoxDay(in: year) { return "春分の日" }
        case 4:
            // 天皇誕生日 (Shōwa) until 1988; みどりの日 1989–2006; 昭和の日 from 2007.
            if day == 29 { return year <= 1988 ? "天皇誕生日" : year <= 2006 ? "みどりの日" : "昭和の日" }
        case 5:
            if day == 3 { return "憲法記念日" }
            if day == 4 && year >= 2007 { return "みどりの日" }
            if day == 5 { return "こどもの日" }
        case 7:
            if day == marineDay(in: year) { return "海の日" }
            if day == sportsDayInJuly(in: year) { return "スポーツの日" }
        case 8:
            if day == mountainDay(in: year) { return "山の日" }
        case 9:
            // 9/15 from 1966 to 2002; the third Monday from 2003.
            if year >= 1966 && day == (year <= 2002 ? 15 : nthMonday(3, year: year, month: 9)) { return "敬老の日" }
            if day == autumnalEquinoxDay(in: year) { return "秋分の日" }
        case 10:
            // 体育の日 10/10 1966–1999, the second Monday 2000–2019; スポーツの日 from 2020,
            // except in 2020 and 2021 when the Olympic acts moved it to July.
            if year >= 1966 && year <= 1999 && day == 10 { return "体育の日" }
            if year >= 2000 && year <= 2019 && day == nthMonday(2, year: year, month: 10) { return "体育の日" }
            if year >= 2022 && day == nthMonday(2, year: year, month: 10) { return "スポーツの日" }
        case 11:
            if day == 3 { return "文化の日" }
            if day == 23 { return "勤労感謝の日" }
        case 12:
            if day == 23 && year >= 1989 && year <= 2018 { return "天皇誕生日" }
        default:
            break
        }
        return nil
    }

    /// Days made holidays once by their own acts; each counts as a national holiday for art. 3
    /// (the 2019 act says so, which is what made 2019-04-30 and 2019-05-02 holidays).
    static let specialDays: [CivilDate: String] = [
        CivilDate(unchecked: 1959, 4, 10): "皇太子明仁親王の結婚の儀",
        CivilDate(unchecked: 1989, 2, 24): "昭和天皇の大喪の礼",
        CivilDate(unchecked: 1990, 11, 12): "即位礼正殿の儀",
        CivilDate(unchecked: 1993, 6, 9): "皇太子徳仁親王の結婚の儀",
        CivilDate(unchecked: 2019, 5, 1): "天皇の即位の日",
        CivilDate(unchecked: 2019, 10, 22): "即位礼正殿の儀の行われる日",
    ]

    /// 海の日: 7/20 from 1996 to 2002, the third Monday from 2003; 7/23 in 2020 and 7/22 in
    /// 2021 under the Tokyo Olympic special measures acts. Nil before 1996.
    static func marineDay(in year: Int) -> Int? {
        switch year {
        case ..<1996: nil
        case 1996...2002: 20
        case 2020: 23
        case 2021: 22
        default: nthMonday(3, year: year, month: 7)
        }
    }

    /// スポーツの日 on the Olympic opening days: 7/24 in 2020 and 7/23 in 2021.
    static func sportsDayInJuly(in year: Int) -> Int? {
        switch year {
        case 2020: 24
        case 2021: 23
        default: nil
        }
    }

    /// 山の日: 8/11 from 2016; 8/10 in 2020 and 8/8 in 2021 under the Olympic acts.
    static func mountainDay(in year: Int) -> Int? {
        switch year {
        case ..<2016: nil
        case 2020: 10
        case 2021: 8
        default: 11
        }
    }

    /// The day of the month of the `n`th Monday.
    static func nthMonday(_ n: Int, year: Int, month: Int) -> Int {
        let first = CivilDate(unchecked: year, month, 1).weekday.rawValue
        let firstMonday = 1 + (Weekday.monday.rawValue - first + 7) % 7
        return firstMonday + 7 * (n - 1)
    }

    /// The March day of 春分日 by the usual approximation (新こよみ便利帳), valid 1900–2099:
    /// ⌊20.8357 + 0.242194 (y − 1980) − ⌊(y − 1983) / 4⌋⌋ until 1979 and
    /// ⌊20.8431 + 0.242194 (y − 1980) − ⌊(y − 1980) / 4⌋⌋ from 1980. Integer arithmetic in
    /// millionths, so no rounding of binary fractions can move a day.
    public static func vernalEquinoxDay(in year: Int) -> Int {
        equinoxDay(year: year, before1980: 20_835_700, from1980: 20_843_100)
    }

    /// The September day of 秋分日 by the same approximation, with 23.2588 until 1979 and
    /// 23.2488 from 1980.
    public static func autumnalEquinoxDay(in year: Int) -> Int {
        equinoxDay(year: year, before1980: 23_258_800, from1980: 23_248_800)
    }

    private static func equinoxDay(year: Int, before1980: Int, from1980: Int) -> Int {
        let constant = year < 1980 ? before1980 : from1980
        let leapShift = floorDivide(year - (year < 1980 ? 1983 : 1980), 4)
        return floorDivide(constant + 242_194 * (year - 1980) - 1_000_000 * leapShift, 1_000_000)
    }

    private static func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
        let quotient = dividend / divisor
        return dividend % divisor != 0 && (dividend < 0) != (divisor < 0) ? quotient - 1 : quotient
    }
}
