import KuraCore
import KuraStore

/// The dry run of a purge (RET-1, RET-2): which entries could be purged on a day, and which
/// must still be kept and until when. Ids and counts only, no PHI. The purge itself, an
/// explicit and audited administrator action, comes with the backup issue; until then nothing
/// is ever deleted.
public struct RetentionReport: Sendable, Equatable, Codable {
    /// One patient's entries of one kind and their standing.
    public struct Line: Sendable, Equatable, Codable {
        /// The patient.
        public var patientID: String
        /// The entry kind.
        public var kind: String
        /// How many entries.
        public var entries: Int
        /// `purgeable`, `retained` or `indefinite` (care has not ended).
        public var decision: String
        /// The last day they must be kept (`retained`), or the first day they may go (`purgeable`).
        public var date: String?

        /// Creates a line.
        public init(patientID: String, kind: String, entries: Int, decision: String, date: String?) {
            self.patientID = patientID
            self.kind = kind
            self.entries = entries
            self.decision = decision
            self.date = date
        }
    }

    /// The day the report is for (JST).
    public var asOf: String
    /// The years kept per kind.
    public var years: [String: Int]
    /// Entries that may be purged, by patient and kind.
    public var purgeable: [Line]
    /// Entries still within their retention period.
    public var retained: Int
    /// Entries of patients whose care has not ended.
    public var indefinite: Int
}

extension RecordService {
    /// The retention report for `date` (default today, JST): administrators only.
    public func retentionReport(
        _ auth: Authenticated, on date: CivilDate? = nil
    ) async throws(RecordError) -> RetentionReport {
        try requireRole(auth, .manageAccounts)
        let today: CivilDate
        if let date { today = date } else { today = try Self.today(clock()) }
        var report = RetentionReport(
            asOf: today.description,
            years: Dictionary(
                uniqueKeysWithValues: RecordKind.allCases.map { ($0.rawValue, retention.years[$0] ?? 0) }),
            purgeable: [], retained: 0, indefinite: 0)
        var after: String?
        while true {
            let page = try await read { () async throws(StoreError) in
                try await store.patients(after: after, limit: 500)
            }
            for patient in page {
                let careEnded = try patient.careEndedAt.map { (time: Int64) throws(RecordError) in try Self.today(time)
                }
                var lines: [String: RetentionReport.Line] = [:]
                var cursor: AuditCursor?
                while true {
                    let entries = try await read { () async throws(StoreError) in
                        try await store.entries(patientID: patient.id, before: cursor, limit: 500)
                    }
                    for entry in entries {
                        guard let kind = RecordKind(rawValue: entry.kind) else { continue }
                        let decision = retention.decision(
                            kind: kind, careEnded: careEnded, recorded: try Self.today(entry.careAt ?? entry.createdAt),
                            on: today)
                        switch decision {
                        case .indefinite: report.indefinite += 1
                        case .retained: report.retained += 1
                        case .purgeable(let since):
                            let key = entry.kind + "|" + since.description
                            lines[
                                key,
                                default: .init(
                                    patientID: patient.id, kind: entry.kind, entries: 0, decision: "purgeable",
                                    date: since.description)
                            ].entries += 1
                        }
                    }
                    guard entries.count == 500, let last = entries.last else { break }
                    cursor = AuditCursor(at: last.createdAt, id: last.id)
                }
                report.purgeable += lines.keys.sorted().compactMap { lines[$0] }
            }
            guard page.count == 500, let last = page.last else { break }
            after = last.id
        }
        return report
    }

    /// The civil date in Japan of `milliseconds` since the epoch.
    static func today(_ milliseconds: Int64) throws(RecordError) -> CivilDate {
        do {
            return CivilDate(japanStandardTime: try CanonicalTime(epochMilliseconds: milliseconds))
        } catch {
            throw .invalidInput("a time outside the supported range")
        }
    }
}
