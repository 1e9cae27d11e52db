/// Years and dates, the commonest numbers in passwords (birthdays, anniversaries, the current year).
///
/// Found in the folded password (full-width digits are already ASCII):
/// - a year 1950–2049;
/// - a compact date: yyyymmdd, ddmmyyyy, mmddyyyy (years 1900–2099), yymmdd, ddmmyy, mmddyy, and
///   mmdd or ddmm;
/// - a date with one kind of separator ("/", "-", "."): y/m/d, d/m/y, m/d/y with two- or four-digit
///   years, and m/d or d/m;
/// - a Japanese era year: the initial and 1–2 digits (h30, r05, s60), or the era's name in romaji
///   or kanji with an optional year (heisei30, showa, 令和5).
enum DatePatterns {
    /// Years a person is likely to use on their own: birth years and recent or near-future years.
    static let years = 1950...2049
    /// Years accepted inside a full date.
    static let dateYears = 1900...2099

    /// Era initials with their last year (Meiji 45, Taishō 15, Shōwa 64, Heisei 31; Reiwa is
    /// open, bounded here at 2049).
    static let eraInitials: [Character: Int] = ["m": 45, "t": 15, "s": 64, "h": 31, "r": 31]

    /// Era names as people type them, with their last year.
    static let eraNames: [(name: [Character], lastYear: Int)] = [
        ("meiji", 45), ("taisho", 15), ("taishou", 15), ("showa", 64), ("shouwa", 64), ("syowa", 64),
        ("heisei", 31), ("reiwa", 31), ("明治", 45), ("大正", 15), ("昭和", 64), ("平成", 31), ("令和", 31),
    ].map { (Array($0.0), $0.1) }

    static func matches(in text: [Character]) -> Set<Range<Int>> {
        compactDates(in: text).union(separatedDates(in: text)).union(eras(in: text))
    }

    /// Years and compact dates anywhere inside runs of digits.
    static func compactDates(in text: [Character]) -> Set<Range<Int>> {
        var found = Set<Range<Int>>()
        for start in text.indices {
            for length in [4, 6, 8] where start + length <= text.count {
                let digits = text[start..<start + length].compactMap(\.asciiDigit)
                guard digits.count == length, isCompactDate(digits) else { continue }
                found.insert(start..<start + length)
            }
        }
        return found
    }

    static func isCompactDate(_ digits: [Int]) -> Bool {
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        switch digits.count {
        case 4:
            return years.contains(number(0..<4)) || isDate(month: number(0..<2), day: number(2..<4))
                || isDate(month: number(2..<4), day: number(0..<2))
        case 6:
            return isDate(month: number(2..<4), day: number(4..<6)) || isDate(month: number(2..<4), day: number(0..<2))
                || isDate(month: number(0..<2), day: number(2..<4))
        default:
            let yearFirst = dateYears.contains(number(0..<4)) && isDate(month: number(4..<6), day: number(6..<8))
            let yearLast =
                dateYears.contains(number(4..<8))
                && (isDate(month: number(2..<4), day: number(0..<2))
                    || isDate(month: number(0..<2), day: number(2..<4)))
            return yearFirst || yearLast
        }
    }

    /// Dates written with separators, starting where a run of digits starts.
    static func separatedDates(in text: [Character]) -> Set<Range<Int>> {
        var found = Set<Range<Int>>()
        for start in text.indices where text[start].asciiDigit != nil {
            guard start == 0 || text[start - 1].asciiDigit == nil else { continue }
            var groups: [[Int]] = []
            var end = start
            var separator: Character?
            while true {
                var group: [Int] = []
                while end < text.count, let digit = text[end].asciiDigit {
                    group.append(digit)
                    end += 1
                }
                groups.append(group)
                guard groups.count < 3, end + 1 < text.count, "/-.".contains(text[end]),
                    separator == nil || separator == text[end], text[end + 1].asciiDigit != nil
                else { break }
                separator = text[end]
                end += 1
            }
            if groups.count >= 2, isSeparatedDate(groups) { found.insert(start..<end) }
        }
        return found
    }

    static func isSeparatedDate(_ groups: [[Int]]) -> Bool {
        let numbers = groups.map { $0.reduce(0) { $0 * 10 + $1 } }
        let widths = groups.map(\.count)
        guard widths.allSatisfy({ (1...4).contains($0) }) else { return false }
        if groups.count == 2 {
            guard widths.allSatisfy({ $0 <= 2 }) else { return false }
            return isDate(month: numbers[0], day: numbers[1]) || isDate(month: numbers[1], day: numbers[0])
        }
        func isYear(_ index: Int) -> Bool {
            widths[index] == 2 || (widths[index] == 4 && dateYears.contains(numbers[index]))
        }
        let yearFirst = isYear(0) && widths[1] <= 2 && widths[2] <= 2 && isDate(month: numbers[1], day: numbers[2])
        let yearLast =
            isYear(2) && widths[0] <= 2 && widths[1] <= 2
            && (isDate(month: numbers[1], day: numbers[0]) || isDate(month: numbers[0], day: numbers[1]))
        return yearFirst || yearLast
    }

    /// Era years: an initial with one or two digits, or an era name with up to two digits.
    static func eras(in text: [Character]) -> Set<Range<Int>> {
        var found = Set<Range<Int>>()
        for start in text.indices {
            if let lastYear = eraInitials[text[start]],
                let end = eraYearEnd(in: text, from: start + 1, lastYear: lastYear)
            {
                found.insert(start..<end)
            }
            for era in eraNames where text[start...].starts(with: era.name) {
                let nameEnd = start + era.name.count
                found.insert(start..<(eraYearEnd(in: text, from: nameEnd, lastYear: era.lastYear) ?? nameEnd))
            }
        }
        return found
    }

    /// The end of a one- or two-digit era year (1…lastYear) at `start`, or nil.
    static func eraYearEnd(in text: [Character], from start: Int, lastYear: Int) -> Int? {
        var year = 0
        var end = start
        while end < text.count, end < start + 2, let digit = text[end].asciiDigit {
            year = year * 10 + digit
            end += 1
        }
        return end > start && (1...lastYear).contains(year) ? end : nil
    }

    /// Whether month and day name a day of the year (29 February included).
    static func isDate(month: Int, day: Int) -> Bool {
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }
}

extension Character {
    /// The value of an ASCII digit, nil for anything else.
    var asciiDigit: Int? {
        guard let ascii = asciiValue, (48...57).contains(ascii) else { return nil }
        return Int(ascii - 48)
    }
}
