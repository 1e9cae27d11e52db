import KuraStore
import PostgresNIO

/// The statement of one ``AuditQuery``: fixed SQL fragments chosen by which filters are set, and
/// a bound parameter for every value (never spliced into the text).
///
/// A patient's events are read through the child table's (patient_id, at DESC, event_id DESC)
/// index ("who viewed this chart", AUD-1) and joined to their events; everything else scans
/// `audit_event` newest first, where the planner picks the actor, break-glass or time index.
struct PostgresAuditQuery {
    let query: AuditQuery

    init(_ query: AuditQuery) {
        self.query = query
    }

    /// The query with its binds.
    var statement: PostgresQuery {
        var binds = PostgresBindings()
        var conditions: [String] = []
        /// Binds `value` and returns its placeholder.
        func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        var sql = RecordColumns.auditEvent
        let time: String
        let id: String
        if let patientID = query.patientID {
            sql += "\nFROM audit_event_patient AS t JOIN audit_event AS e ON e.id = t.event_id"
            (time, id) = ("t.at", "t.event_id")
            conditions.append("t.patient_id = \(bind(patientID))")
        } else {
            sql += "\nFROM audit_event AS e"
            (time, id) = ("e.at", "e.id")
        }
        if let actor = query.actor { conditions.append("e.actor = \(bind(actor))") }
        if let action = query.action { conditions.append("e.action = \(bind(action))") }
        if query.breakGlassOnly { conditions.append("e.access = 'break-glass'") }
        if let from = query.from { conditions.append("\(time) >= \(bind(from))") }
        if let until = query.until { conditions.append("\(time) < \(bind(until))") }
        if let before = query.before {
            conditions.append("(\(time), \(id)) < (\(bind(before.at)), \(bind(before.id)))")
        }
        if !conditions.isEmpty {
            sql += "\nWHERE " + conditions.joined(separator: " AND ")
        }
        sql += "\nORDER BY \(time) DESC, \(id) DESC LIMIT \(bind(Int64(max(query.limit, 0))))"
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }
}
