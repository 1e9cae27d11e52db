import KuraCore
import KuraStore

/// What an auditor filters the access log by (AUD-1, AUD-4); nil members match everything.
public struct AccessLogFilter: Sendable, Equatable {
    /// Only events of this account (an opaque id).
    public var accountID: String?
    /// Only events touching this patient (an opaque id: what the pages' links carry, so no
    /// patient number sits in a URL).
    public var patientID: String?
    /// Only events touching the patient with this clinic number.
    public var patientNumber: String?
    /// Only this action word (`chart.read`, `entry.amended`, …).
    public var action: String?
    /// Only events at or after this time (ms since the epoch, UTC).
    public var from: Int64?
    /// Only events before this time.
    public var until: Int64?
    /// Only break-glass access (ACC-7).
    public var breakGlassOnly: Bool
    /// Rows strictly older than this position, for paging.
    public var before: AuditCursor?
    /// At most this many rows.
    public var limit: Int

    /// Creates a filter.
    public init(
        accountID: String? = nil, patientID: String? = nil, patientNumber: String? = nil, action: String? = nil,
        from: Int64? = nil, until: Int64? = nil, breakGlassOnly: Bool = false, before: AuditCursor? = nil,
        limit: Int = 50
    ) {
        self.accountID = accountID
        self.patientID = patientID
        self.patientNumber = patientNumber
        self.action = action
        self.from = from
        self.until = until
        self.breakGlassOnly = breakGlassOnly
        self.before = before
        self.limit = limit
    }
}

/// One row of the access log: an audited read, or a write to the record of the chosen patient.
public struct AccessLogRow: Sendable, Equatable {
    /// The audit event id, or for a write the object and version (`ent_…/3`).
    public var id: String
    /// When (ms since the epoch, UTC).
    public var at: Int64
    /// The account.
    public var actor: String
    /// The action word.
    public var action: String
    /// Why access was allowed (`care-team`, `break-glass`, `role`); nil for a write, whose
    /// version row does not keep it.
    public var access: String?
    /// The patients touched.
    public var patientIDs: [String]
    /// Whether the row is a write (a version of the record) rather than a read.
    public var isWrite: Bool

    /// Newest first: descending by time, then by id in byte order, as the store orders events.
    static func newerFirst(_ lhs: AccessLogRow, _ rhs: AccessLogRow) -> Bool {
        lhs.at != rhs.at ? lhs.at > rhs.at : rhs.id.utf8.lexicographicallyPrecedes(lhs.id.utf8)
    }

    /// Whether the row lies strictly after `cursor` in newest-first order.
    func isOlder(than cursor: AuditCursor) -> Bool {
        at != cursor.at ? at < cursor.at : id.utf8.lexicographicallyPrecedes(cursor.id.utf8)
    }
}

/// One page of the access log, with what an auditor needs to read it.
public struct AccessLog: Sendable, Equatable {
    /// The rows, newest first.
    public var rows: [AccessLogRow]
    /// The headers of the patients the rows name, by id (the auditor is entitled to them).
    public var patients: [String: PatientSummary]
    /// The login names of the accounts the rows name, by id.
    public var logins: [String: String]
    /// Where the next page starts, when there may be one.
    public var next: AuditCursor?
    /// The filter named a patient number that no patient has.
    public var unknownPatient: Bool
    /// The patient the filter named, for the form to show its number.
    public var chosenPatient: PatientSummary? = nil
}

extension RecordService {
    /// The most rows one CSV export holds; a wider filter is refused rather than cut short, so an
    /// export is never silently incomplete.
    public static let accessLogExportLimit = 100_000

    /// One page of the access log for an auditor (AUD-1, AUD-2: only `readAuditLog` reads it).
    /// Reading it is itself audited (`audit.read`, with the patients shown) before it is returned;
    /// the filter's text is never recorded, so no patient number reaches the ledger.
    public func accessLog(_ auth: Authenticated, _ filter: AccessLogFilter) async throws(RecordError) -> AccessLog {
        try requireRole(auth, .readAuditLog)
        let log = try await accessLogPage(filter)
        try await audit(
            auth, action: AccessAction.readAuditLog.rawValue, access: .role, patientIDs: log.rows.flatMap(\.patientIDs))
        return log
    }

    /// Every row `filter` matches, for the CSV export (`exportAuditLog`), audited as
    /// `audit.export` with every patient it holds.
    public func accessLogExport(_ auth: Authenticated, _ filter: AccessLogFilter) async throws(RecordError) -> AccessLog
    {
        try requireRole(auth, .exportAuditLog)
        var page = filter
        page.limit = 1000
        page.before = nil
        var all = AccessLog(rows: [], patients: [:], logins: [:], next: nil, unknownPatient: false)
        while true {
            let log = try await accessLogPage(page)
            all.rows += log.rows
            all.patients.merge(log.patients) { first, _ in first }
            all.logins.merge(log.logins) { first, _ in first }
            all.unknownPatient = log.unknownPatient
            guard all.rows.count <= Self.accessLogExportLimit else {
                throw .invalidInput("filter: more than \(Self.accessLogExportLimit) rows; narrow the period")
            }
            guard let next = log.next else { break }
            page.before = next
        }
        try await audit(
            auth, action: AccessAction.exportAuditLog.rawValue, access: .role,
            patientIDs: all.rows.flatMap(\.patientIDs))
        return all
    }

    /// One page of rows, unaudited: the audited events merged with, when a patient is chosen,
    /// the writes to that patient's record (its version rows and attachments), both newest first
    /// under the same cursor.
    func accessLogPage(_ filter: AccessLogFilter) async throws(RecordError) -> AccessLog {
        guard filter.limit > 0 else { throw .invalidInput("limit: at least 1") }
        var patientID: String?
        var chosen: PatientSummary?
        if filter.patientID != nil || filter.patientNumber != nil {
            guard let patient = try await chosenPatient(id: filter.patientID, number: filter.patientNumber) else {
                return AccessLog(rows: [], patients: [:], logins: [:], next: nil, unknownPatient: true)
            }
            patientID = patient.id
            chosen = try summary(of: patient)
        }
        let query = AuditQuery(
            actor: filter.accountID, patientID: patientID, action: filter.action, from: filter.from,
            until: filter.until, breakGlassOnly: filter.breakGlassOnly, before: filter.before, limit: filter.limit)
        let events = try await read { () async throws(StoreError) in try await store.auditEvents(query) }
        var rows = events.map {
            AccessLogRow(
                id: $0.id, at: $0.at, actor: $0.actor, action: $0.action, access: $0.access, patientIDs: $0.patientIDs,
                isWrite: false)
        }
        // Version rows keep no access reason, so a break-glass-only view shows reads alone.
        if let patientID, !filter.breakGlassOnly {
            rows += try await writeRows(patientID: patientID).filter { row in
                (filter.accountID == nil || row.actor == filter.accountID)
                    && (filter.action == nil || row.action == filter.action)
                    && (filter.from.map { row.at >= $0 } ?? true) && (filter.until.map { row.at < $0 } ?? true)
                    && (filter.before.map(row.isOlder(than:)) ?? true)
            }
        }
        rows = Array(rows.sorted(by: AccessLogRow.newerFirst).prefix(filter.limit))
        var patients: [String: PatientSummary] = [:]
        for id in Set(rows.flatMap(\.patientIDs)) where StoreWrite.isOpaqueID(id) {
            if let patient = try await read({ () async throws(StoreError) in try await store.patient(id: id) }) {
                patients[id] = try summary(of: patient)
            }
        }
        let next = rows.count == filter.limit ? rows.last.map { AuditCursor(at: $0.at, id: $0.id) } : nil
        return AccessLog(
            rows: rows, patients: patients, logins: try await logins(of: rows.map(\.actor)), next: next,
            unknownPatient: false, chosenPatient: chosen)
    }

    /// The patient a filter names, by opaque id or by clinic number; nil when there is none.
    func chosenPatient(id: String?, number: String?) async throws(RecordError) -> PatientRecord? {
        if let id {
            guard StoreWrite.isOpaqueID(id) else { return nil }
            return try await read { () async throws(StoreError) in try await store.patient(id: id) }
        }
        guard let number else { return nil }
        let index = numberIndex.index(of: number)
        return try await read { () async throws(StoreError) in try await store.patient(numberIndex: index) }
    }

    /// The opaque id of the patient with clinic `number`, for an auditor's filter form (the
    /// number is posted, and the page's URL carries the id); nil when no patient has it. Not
    /// audited: it reveals only whether the number is in use, and the log read that follows is.
    public func accessLogPatientID(_ auth: Authenticated, number: String) async throws(RecordError) -> String? {
        try requireRole(auth, .readAuditLog)
        return try await chosenPatient(id: nil, number: number)?.id
    }

    /// Every write to `patientID`'s record: each version of its demographics, lists and entries,
    /// and each attachment, named by the ledger event word that recorded it.
    func writeRows(patientID: String) async throws(RecordError) -> [AccessLogRow] {
        var objects = [patientID]
        let lists = try await read { () async throws(StoreError) in try await store.patientLists(patientID: patientID) }
        objects += lists.map(\.id)
        var cursor: AuditCursor?
        while true {
            let page = try await read { () async throws(StoreError) in
                try await store.entries(patientID: patientID, before: cursor, limit: 200)
            }
            objects += page.map(\.id)
            guard page.count == 200, let last = page.last else { break }
            cursor = AuditCursor(at: last.createdAt, id: last.id)
        }
        var rows: [AccessLogRow] = []
        for object in objects {
            let versions = try await read { () async throws(StoreError) in try await store.versions(objectID: object) }
            for (offset, version) in versions.enumerated() {
                rows.append(
                    AccessLogRow(
                        id: "\(object)/\(version.version)", at: version.recordedAt, actor: version.author,
                        action: Self.writeAction(version, previous: offset > 0 ? versions[offset - 1] : nil),
                        access: nil, patientIDs: [patientID], isWrite: true))
            }
        }
        let attachments = try await read { () async throws(StoreError) in
            try await store.attachments(patientID: patientID)
        }
        rows += attachments.map {
            AccessLogRow(
                id: $0.id, at: $0.createdAt, actor: $0.createdBy, action: "attachment.added", access: nil,
                patientIDs: [patientID], isWrite: true)
        }
        return rows
    }

    /// The ledger event word of a version, from its kind and the state it moved from: the same
    /// words the write's leaf was appended under (``entryVersion(_:reason:actor:event:)``).
    static func writeAction(_ version: RecordVersion, previous: RecordVersion?) -> String {
        if version.kind == "patient" {
            guard let previous else { return "patient.registered" }
            if version.state == "merged" { return "patient.merged" }
            return previous.state == "merged" ? "patient.unmerged" : "patient.changed"
        }
        if version.kind.hasPrefix("list.") { return "list.changed" }
        guard previous != nil else { return "entry.created" }
        switch EntryState(rawValue: version.state) {
        case .draft: return "entry.edited"
        case .finalized:
            return previous?.state == EntryState.pendingApproval.rawValue ? "entry.approved" : "entry.finalized"
        case .amended: return "entry.amended"
        case .enteredInError: return "entry.entered-in-error"
        case .rejected: return "entry.rejected"
        case .pendingApproval, nil: return "entry.changed"
        }
    }
}
