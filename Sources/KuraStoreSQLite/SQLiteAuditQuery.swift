import GRDB
import KuraStore

/// The statement of one ``AuditQuery``: fixed SQL fragments chosen by which filters are set, and
/// positional arguments for their values (never spliced into the text), so that the statement
/// cache holds at most one statement per combination of filters.
///
/// The scan follows the most selective filter the indexes serve, newest first, and the other
/// filters are checked on the way: a patient's events through `audit_event_patient_by_patient`
/// ("who viewed this chart", AUD-1), an account's through `audit_event_by_actor`, break-glass
/// access through its partial index, anything else through `audit_event_newest`. The index is
/// named because without statistics the planner may prefer the time range of another one.
struct SQLiteAuditQuery {
    let query: AuditQuery

    init(_ query: AuditQuery) {
        self.query = query
    }

    /// The SQL and its arguments.
    var statement: (sql: String, arguments: StatementArguments) {
        var sql = """
            SELECT e.id, e.at, e.actor, e.action, e.access, e.leaf_id,
                (SELECT coalesce(group_concat(x.patient_id, ' '), '') FROM audit_event_patient AS x
                    WHERE x.event_id = e.id) AS patient_ids
            """
        var conditions: [String] = []
        var arguments = StatementArguments()
        // The (time, id) columns the scan is ordered and paged by: the child table's for a
        // patient, the event's otherwise.
        let time: String
        let id: String
        if let patientID = query.patientID {
            // CROSS JOIN keeps the child table outside: its index gives the order.
            sql += """

                FROM audit_event_patient AS t INDEXED BY audit_event_patient_by_patient
                CROSS JOIN audit_event AS e ON e.id = t.event_id
                """
            (time, id) = ("t.at", "t.event_id")
            conditions.append("t.patient_id = ?")
            arguments += [patientID]
        } else {
            let index =
                query.actor != nil
                ? "audit_event_by_actor" : query.breakGlassOnly ? "audit_event_break_glass" : "audit_event_newest"
            sql += "\nFROM audit_event AS e INDEXED BY \(index)"
            (time, id) = ("e.at", "e.id")
        }
        if let actor = query.actor {
            conditions.append("e.actor = ?")
            arguments += [actor]
        }
        if let action = query.action {
            conditions.append("e.action = ?")
            arguments += [action]
        }
        if query.breakGlassOnly {
            conditions.append("e.access = 'break-glass'")
        }
        if let from = query.from {
            conditions.append("\(time) >= ?")
            arguments += [from]
        }
        if let until = query.until {
            conditions.append("\(time) < ?")
            arguments += [until]
        }
        if let before = query.before {
            conditions.append("(\(time), \(id)) < (?, ?)")
            arguments += [before.at, before.id]
        }
        if !conditions.isEmpty {
            sql += "\nWHERE " + conditions.joined(separator: " AND ")
        }
        sql += "\nORDER BY \(time) DESC, \(id) DESC LIMIT ?"
        arguments += [max(query.limit, 0)]
        return (sql, arguments)
    }
}
