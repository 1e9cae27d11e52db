/// How long each kind of record is kept (RET-1, RET-2), and whether one may be purged.
///
/// Both legal periods run from the day care is complete (完結の日): 5 years for the 診療録
/// (医師法 art. 24 para. 2; 療担規則 art. 9), 3 years for other records of insurance care
/// (療担規則 art. 9). Kura starts the clock at the later of the end of care and the record's own
/// date, so that a record made after care ended (a reply letter, a late scan) is never kept for
/// less than the period from its own date. Until care has ended nothing may be purged.
///
/// Periods are counted as the Civil Code counts years (民法 arts. 140, 143): the first day is
/// not counted, and the period ends on the day before the corresponding day of the last year,
/// or at the end of February when that day would be 29 February of a common year.
public struct RetentionPolicy: Hashable, Sendable {
    /// The longest period accepted, in years.
    public static let maximumYears = 100

    /// Years kept per kind.
    public let years: [RecordKind: Int]

    /// The legal minimums: 5 years for medical records, 3 for the rest.
    public init() {
        years = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { ($0, Self.legalMinimumYears(for: $0)) })
    }

    /// The legal minimums with some kinds kept longer, keyed by ``RecordKind`` raw value as in
    /// the configuration file (`{"progress-note": 10}`).
    /// - Throws: ``RetentionPolicyError`` for an unknown kind, or a period shorter than the law's
    ///   or longer than ``maximumYears``.
    public init(years overrides: [String: Int]) throws(RetentionPolicyError) {
        var years = RetentionPolicy().years
        for (name, value) in overrides {
            guard let kind = RecordKind(rawValue: name) else { throw .unknownKind }
            guard value >= Self.legalMinimumYears(for: kind) else { throw .belowLegalMinimum(kind) }
            guard value <= Self.maximumYears else { throw .tooLong(kind) }
            years[kind] = value
        }
        self.years = years
    }

    /// The period the law sets for a kind: 5 years for the 診療録, 3 for other records.
    public static func legalMinimumYears(for kind: RecordKind) -> Int {
        kind.isMedicalRecord ? 5 : 3
    }

    /// The last day a record must be kept, or nil while care has not ended (kept indefinitely).
    public func retainedUntil(kind: RecordKind, careEnded: CivilDate?, recorded: CivilDate) -> CivilDate? {
        guard let careEnded else { return nil }
        let start = max(careEnded, recorded)
        guard start < .maximum else { return nil }
        let firstDay = start.adding(days: 1)  // 民法 art. 140: the first day is not counted
        let lastYear = firstDay.year + (years[kind] ?? Self.legalMinimumYears(for: kind))
        guard lastYear <= CivilDate.maximum.year else { return nil }
        if firstDay.month == 2 && firstDay.day == 29 {
            // No 29 February in the last year ends the period on the last day of February
            // (art. 143 para. 2 proviso); with one, the day before it is the 28th as well.
            return CivilDate(unchecked: lastYear, 2, 28)
        }
        return CivilDate(unchecked: lastYear, firstDay.month, firstDay.day).adding(days: -1)
    }

    /// Whether a record may be purged on `date` (RET-1: never before its retention date).
    public func decision(
        kind: RecordKind, careEnded: CivilDate?, recorded: CivilDate, on date: CivilDate
    )
        -> PurgeDecision
    {
        guard let until = retainedUntil(kind: kind, careEnded: careEnded, recorded: recorded) else {
            return .indefinite
        }
        return date <= until ? .retained(until: until) : .purgeable(since: until.adding(days: 1))
    }
}
