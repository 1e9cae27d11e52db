import Foundation
import KuraCore
import KuraStore

/// The access-log filter as the page's URL carries it (`/audit?account=…&patient=…`), kept as
/// given so the form shows it again, and turned into an ``AccessLogFilter`` only when valid.
/// `patient` is the patient's opaque id: the form posts the patient number, and the page
/// answers with a redirect to the URL with the id, so no patient number sits in a URL, a
/// browser's history or a proxy's log (DESIGN "Interfaces").
struct AuditFilterInput: Sendable, Equatable {
    var account = ""
    var patient = ""
    /// The patient number as typed into the form (posted, never in a URL).
    var patientNumber = ""
    var action = ""
    var from = ""
    var until = ""
    var breakGlassOnly = false
    var beforeAt = ""
    var beforeID = ""

    /// The rows one page shows.
    static let pageSize = 50

    /// Nothing chosen: the newest page of everything.
    init() {}

    /// The filter in `query`.
    init(_ query: (String) -> String?) {
        func value(_ name: String) -> String { (query(name) ?? "").trimmingCharacters(in: .whitespaces) }
        account = value("account")
        patient = value("patient")
        action = value("action")
        from = value("from")
        until = value("until")
        breakGlassOnly = !value("breakGlass").isEmpty
        beforeAt = value("beforeAt")
        beforeID = value("beforeID")
    }

    /// The service's filter; a malformed value is refused by name (never echoed).
    func filter(limit: Int = pageSize) throws(RecordError) -> AccessLogFilter {
        if !account.isEmpty && !StoreWrite.isOpaqueID(account) { throw .invalidInput("account: an account id") }
        if !action.isEmpty && !PageText.auditActions.contains(action) { throw .invalidInput("action: unknown") }
        if !patient.isEmpty && !StoreWrite.isOpaqueID(patient) { throw .invalidInput("patient: a patient id") }
        var start: Int64?
        if !from.isEmpty {
            guard let time = PageTime.startOfDay(from) else { throw .invalidInput("from: a date as YYYY-MM-DD") }
            start = time
        }
        var end: Int64?
        if !until.isEmpty {
            // The end date is included: the period runs to the next midnight JST.
            guard let time = PageTime.startOfDay(until) else { throw .invalidInput("until: a date as YYYY-MM-DD") }
            end = time + 86_400_000
        }
        var cursor: AuditCursor?
        if !beforeAt.isEmpty || !beforeID.isEmpty {
            guard let at = Int64(beforeAt), !beforeID.isEmpty, beforeID.count <= 200 else {
                throw .invalidInput("beforeAt and beforeID: a time and an id")
            }
            cursor = AuditCursor(at: at, id: beforeID)
        }
        return AccessLogFilter(
            accountID: account.isEmpty ? nil : account, patientID: patient.isEmpty ? nil : patient,
            action: action.isEmpty ? nil : action, from: start, until: end, breakGlassOnly: breakGlassOnly,
            before: cursor, limit: limit)
    }

    /// The query string of the filter without its page position, for the CSV and paging links.
    var query: String {
        let pairs: [(String, String)] = [
            ("account", account), ("patient", patient), ("action", action), ("from", from), ("until", until),
            ("breakGlass", breakGlassOnly ? "1" : ""),
        ]
        return Self.encode(pairs.filter { !$0.1.isEmpty })
    }

    /// `name=value&…`, percent-encoded.
    static func encode(_ pairs: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))
        return pairs.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }

    /// `path` with `query`, without a lone `?`.
    static func link(_ path: String, _ query: String) -> String {
        query.isEmpty ? path : "\(path)?\(query)"
    }
}

/// One access-log row as the page and the CSV show it: the time in JST, the account's login,
/// every patient touched with number and name (the auditor is entitled to them), the action,
/// and why access was allowed.
struct AuditRow: Sendable {
    /// A patient touched.
    struct Patient: Sendable {
        let number: String
        let name: String
    }

    let id: String
    let time: String
    let account: String
    let patients: [Patient]
    let action: String
    let actionCode: String
    let access: String
    let kind: String
    let breakGlass: Bool

    init(_ row: AccessLogRow, log: AccessLog, text: PageText) {
        id = row.id
        time = PageTime.jst(row.at)
        account = log.logins[row.actor] ?? row.actor
        patients = row.patientIDs.map { id in
            log.patients[id].map { Patient(number: $0.patientNumber, name: $0.name) } ?? Patient(number: id, name: "")
        }
        action = text.auditAction(row.action)
        actionCode = row.action
        access = row.access.map(text.auditAccess) ?? text["never"]
        kind = text[row.isWrite ? "auditWrite" : "auditRead"]
        breakGlass = row.access == AccessDecision.AllowReason.breakGlass.rawValue
    }
}

/// The access log for auditors (AUD-1, AUD-2, AUD-4, ACC-7): a GET filter form (account,
/// patient number, action, period, break-glass only), newest first with paging, and the CSV link.
struct AuditModel: PageModel {
    static let template = "audit"
    static let titleKey = "titleAudit"

    let filterAction: String
    let accounts: [Option]
    let actions: [Option]
    let patient: String
    let from: String
    let until: String
    let breakGlassOnly: Bool
    let rows: [AuditRow]
    /// Whether a page of rows was read (false when the filter was refused).
    let searched: Bool
    let unknownPatient: Bool
    let csvLink: String?
    let nextLink: String?
    let newestLink: String?

    /// The page for `input`, with `log` when it was read; `accounts` are (id, login) pairs.
    init(
        _ input: AuditFilterInput, log: AccessLog?, accounts: [(id: String, login: String)], canExport: Bool,
        text: PageText
    ) {
        filterAction = PageRoute.audit.path
        self.accounts = accounts.map { Option(value: $0.id, label: $0.login, selected: $0.id == input.account) }
        actions = PageText.auditActions.map {
            Option(value: $0, label: text.auditAction($0), selected: $0 == input.action)
        }
        patient = log?.chosenPatient?.patientNumber ?? input.patientNumber
        from = input.from
        until = input.until
        breakGlassOnly = input.breakGlassOnly
        rows = log.map { log in log.rows.map { AuditRow($0, log: log, text: text) } } ?? []
        searched = log != nil
        unknownPatient = log?.unknownPatient ?? false
        csvLink = canExport ? AuditFilterInput.link(PageRoute.auditCSV.path, input.query) : nil
        nextLink = log?.next.map { cursor in
            let page = AuditFilterInput.encode([("beforeAt", "\(cursor.at)"), ("beforeID", cursor.id)])
            return AuditFilterInput.link(
                PageRoute.audit.path, [input.query, page].filter { !$0.isEmpty }.joined(separator: "&"))
        }
        newestLink =
            input.beforeAt.isEmpty ? nil : AuditFilterInput.link(PageRoute.audit.path, input.query)
    }
}
