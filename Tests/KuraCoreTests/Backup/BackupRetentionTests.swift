import Foundation
import KuraCore
import Testing

@Suite("Backup generation retention in Japan time (BAK-2)")
struct BackupRetentionTests {
    typealias Generation = (id: String, createdAt: Int64)

    /// UTC+9 as a fixed offset, as the reference calendars below use it.
    static let japan = TimeZone(secondsFromGMT: 9 * 3600) ?? .gmt

    /// Milliseconds since the epoch of a wall-clock time in Japan (UTC+9).
    static func jst(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 3, _ minute: Int = 0) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.japan
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        let date = calendar.date(from: components) ?? .distantPast
        return Int64(date.timeIntervalSince1970 * 1000)
    }

    /// Generations named by their JST time, e.g. `2024-01-31T03:00`.
    static func generation(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 3, _ minute: Int = 0) -> Generation {
        let id = String(format: "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute)
        return (id, jst(year, month, day, hour, minute))
    }

    @Test("no generations, nothing kept; one generation is kept whatever the policy")
    func trivial() {
        #expect(BackupRetention().kept([]).isEmpty)
        let only = Self.generation(2024, 5, 1)
        #expect(BackupRetention().kept([only]) == [only.id])
        #expect(BackupRetention(daily: 0, weekly: 0, monthly: 0).kept([only]) == [only.id])
        #expect(BackupRetention(daily: -3, weekly: -1, monthly: -1).kept([only]) == [only.id])
    }

    @Test("several a day: the newest of each of the last 7 days that have one")
    func severalPerDay() {
        var generations: [Generation] = []
        for day in 1...10 {
            for hour in [3, 12, 21] { generations.append(Self.generation(2024, 5, day, hour)) }
        }
        let kept = BackupRetention(daily: 7, weekly: 0, monthly: 0).kept(generations)
        #expect(kept == Set((4...10).map { Self.generation(2024, 5, $0, 21).id }))
    }

    @Test("days without a backup do not use up the daily count")
    func gaps() {
        let days = [1, 5, 20, 21, 40].map { Self.generation(2024, 1, 1).createdAt + Int64($0) * 86_400_000 }
        let generations = days.enumerated().map { (id: "g\($0.offset)", createdAt: $0.element) }
        #expect(BackupRetention(daily: 3, weekly: 0, monthly: 0).kept(generations) == ["g4", "g3", "g2"])
        #expect(BackupRetention(daily: 9, weekly: 0, monthly: 0).kept(generations).count == 5)
    }

    @Test("days turn at midnight in Japan, not in UTC or the machine's zone")
    func japanDays() {
        // 23:59 and 00:00 JST are one minute apart but on two days; 08:59 and 09:00 JST are one UTC
        // day apart but the same Japanese day.
        let lateEvening = Self.generation(2024, 3, 1, 23, 59)
        let midnight = Self.generation(2024, 3, 2, 0, 0)
        let morning = Self.generation(2024, 3, 2, 8, 59)
        let nine = Self.generation(2024, 3, 2, 9, 0)
        let kept = BackupRetention(daily: 2, weekly: 0, monthly: 0).kept([lateEvening, midnight, morning, nine])
        #expect(kept == [lateEvening.id, nine.id])
    }

    @Test("ISO week 53 of 2020 runs from Monday 28 December to Sunday 3 January and counts once")
    func isoWeek53() {
        let sunday = Self.generation(2020, 12, 27)  // 2020-W52
        let monday = Self.generation(2020, 12, 28)  // 2020-W53
        let newYear = Self.generation(2021, 1, 1)  // 2020-W53
        let lastDay = Self.generation(2021, 1, 3)  // 2020-W53
        let nextMonday = Self.generation(2021, 1, 4)  // 2021-W01
        let all = [sunday, monday, newYear, lastDay, nextMonday]
        #expect(BackupRetention(daily: 0, weekly: 2, monthly: 0).kept(all) == [nextMonday.id, lastDay.id])
        #expect(BackupRetention(daily: 0, weekly: 3, monthly: 0).kept(all) == [nextMonday.id, lastDay.id, sunday.id])
    }

    @Test("months cross the year in Japan time: 31 December 23:30 JST is December, 00:30 JST is January")
    func yearBoundaryMonths() {
        let november = Self.generation(2023, 11, 15)
        let december = Self.generation(2023, 12, 31, 23, 30)
        let january = Self.generation(2024, 1, 1, 0, 30)
        let later = Self.generation(2024, 1, 20)
        let all = [november, december, january, later]
        #expect(BackupRetention(daily: 0, weekly: 0, monthly: 2).kept(all) == [later.id, december.id])
        #expect(BackupRetention(daily: 0, weekly: 0, monthly: 12).kept(all) == [later.id, december.id, november.id])
    }

    @Test("input order does not matter; equal times keep the greater id")
    func deterministic() {
        let time = Self.jst(2024, 6, 1)
        let tied = [(id: "b", createdAt: time), (id: "a", createdAt: time), (id: "c", createdAt: time - 1)]
        #expect(BackupRetention(daily: 1, weekly: 0, monthly: 0).kept(tied) == ["b"])
        #expect(BackupRetention(daily: 1, weekly: 0, monthly: 0).kept(tied.reversed()) == ["b"])
    }

    @Test("a year and a half of nightly backups under the default policy keeps 7 days, 4 weeks, 12 months")
    func defaultPolicy() {
        let start = Self.jst(2023, 1, 1)
        let generations = (0..<540).map { (id: "n\($0)", createdAt: start + Int64($0) * 86_400_000) }
        let kept = BackupRetention().kept(generations)
        // The last night is Sunday 2024-06-23: the nights of 17–23 June, the Sundays 16, 9 and 2 June
        // closing the three weeks before, and the last nights of July 2023 to May 2024.
        #expect(kept.count == 7 + 3 + 11)
        #expect(kept == Self.referenceKept(generations, BackupRetention()))
    }

    @Test("random histories agree with a reference built on Foundation's ISO 8601 calendar", arguments: 0..<20)
    func againstReference(seed: Int) {
        let random = SeededRandomBytes(seed: "retention-\(seed)")
        let start = Self.jst(2019, 12, 20)
        var time = start
        var generations: [Generation] = []
        for index in 0..<120 {
            let step = random.bytes(count: 4).reduce(0) { $0 << 8 | Int64($1) } % (5 * 86_400_000)
            time += step
            generations.append((id: "g\(index)", createdAt: time))
        }
        for policy in [BackupRetention(), BackupRetention(daily: 3, weekly: 10, monthly: 2)] {
            #expect(policy.kept(generations.shuffled()) == Self.referenceKept(generations, policy))
        }
    }

    /// The rule written with Foundation's calendars: ISO 8601 weeks (`yearForWeekOfYear`, `weekOfYear`)
    /// and Gregorian days and months, both in a fixed UTC+9 zone.
    static func referenceKept(_ generations: [Generation], _ policy: BackupRetention) -> Set<String> {
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = Self.japan
        let sorted = generations.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        guard let newest = sorted.first else { return [] }
        var kept: Set<String> = [newest.id]
        func components(_ units: Set<Calendar.Component>) -> (Date) -> [Int] {
            { date in units.sorted { "\($0)" < "\($1)" }.map { iso.component($0, from: date) } }
        }
        let periods: [(Int, (Date) -> [Int])] = [
            (policy.daily, components([.year, .month, .day])),
            (policy.weekly, components([.yearForWeekOfYear, .weekOfYear])),
            (policy.monthly, components([.year, .month])),
        ]
        for (count, period) in periods {
            var seen: [[Int]] = []
            for generation in sorted {
                let key = period(Date(timeIntervalSince1970: Double(generation.createdAt) / 1000))
                if !seen.contains(key) && seen.count < count {
                    seen.append(key)
                    kept.insert(generation.id)
                }
            }
        }
        return kept
    }
}
