import KuraCore
import KuraStore

extension RecordStoreConformance {
    // The access log's reads for auditors (AUD-1, AUD-4): every filter alone and together, the
    // half-open time window [from, until), break-glass access only, and paging by (at, id) with
    // ties on the time broken by id in byte order.

    static let auditQueries: Check = { store in
        let events = [
            event("aud_1", at: t0 + 1, actor: "acc_a", patients: ["pat_1"]),
            event("aud_x_1", at: t0 + 2, actor: "acc_b", access: "break-glass", patients: ["pat_1", "pat_2"]),
            event(
                "aud_x-2", at: t0 + 2, actor: "acc_a", action: "patient.search", access: "role",
                patients: ["pat_2", "pat_3"]),
            event("aud_x.3", at: t0 + 2, actor: "acc_a", action: "chart.print", patients: ["pat_1"]),
            event("aud_4", at: t0 + 3, actor: "acc_a", action: "chart.print", patients: []),
            event("aud_5", at: t0 + 4, actor: "acc_b", access: "break-glass", patients: ["pat_3"]),
        ]
        // Written in an order unlike either the time or the id order, two to a unit.
        for pair in [[4, 1], [5, 0], [2, 3]] {
            try await apply(
                store, append(pair[0]), .insertAuditEvent(events[pair[0]]), append(pair[1] + 10),
                .insertAuditEvent(events[pair[1]]), what: "insert two events")
        }
        // The checklist's count: events at or after a time, the bound included.
        for (since, count) in [(t0, 6), (t0 + 2, 5), (t0 + 4, 1), (t0 + 5, 0)] {
            try expect(try await store.auditEventCount(since: since) == count, "the count of events since a time")
        }
        let table: [(AuditQuery, [String])] = [
            (AuditQuery(limit: 100), ["aud_5", "aud_4", "aud_x_1", "aud_x.3", "aud_x-2", "aud_1"]),
            (AuditQuery(limit: 2), ["aud_5", "aud_4"]),
            (AuditQuery(limit: 0), []),
            (AuditQuery(actor: "acc_a", limit: 100), ["aud_4", "aud_x.3", "aud_x-2", "aud_1"]),
            (AuditQuery(actor: "acc_c", limit: 100), []),
            (AuditQuery(patientID: "pat_1", limit: 100), ["aud_x_1", "aud_x.3", "aud_1"]),
            (AuditQuery(patientID: "pat_2", limit: 100), ["aud_x_1", "aud_x-2"]),
            (AuditQuery(patientID: "pat_3", limit: 1), ["aud_5"]),
            (AuditQuery(action: "chart.print", limit: 100), ["aud_4", "aud_x.3"]),
            (AuditQuery(action: "chart", limit: 100), []),
            (AuditQuery(from: t0 + 2, limit: 100), ["aud_5", "aud_4", "aud_x_1", "aud_x.3", "aud_x-2"]),
            (AuditQuery(until: t0 + 2, limit: 100), ["aud_1"]),
            (AuditQuery(from: t0 + 2, until: t0 + 3, limit: 100), ["aud_x_1", "aud_x.3", "aud_x-2"]),
            (AuditQuery(from: t0 + 3, until: t0 + 3, limit: 100), []),
            (AuditQuery(breakGlassOnly: true, limit: 100), ["aud_5", "aud_x_1"]),
            (AuditQuery(actor: "acc_b", patientID: "pat_1", limit: 100), ["aud_x_1"]),
            (AuditQuery(patientID: "pat_3", breakGlassOnly: true, limit: 100), ["aud_5"]),
            (AuditQuery(patientID: "pat_1", action: "chart.read", limit: 100), ["aud_x_1", "aud_1"]),
            (AuditQuery(patientID: "pat_2", from: t0 + 2, until: t0 + 3, limit: 100), ["aud_x_1", "aud_x-2"]),
            (
                AuditQuery(actor: "acc_a", action: "chart.print", from: t0 + 2, until: t0 + 4, limit: 100),
                ["aud_4", "aud_x.3"]
            ),
            (AuditQuery(actor: "acc_b", breakGlassOnly: true, limit: 100), ["aud_5", "aud_x_1"]),
            (AuditQuery(actor: "acc_a", breakGlassOnly: true, limit: 100), []),
            // Cursors: strictly older than (at, id), ties by id; a cursor between stored ids.
            (AuditQuery(before: AuditCursor(at: t0 + 2, id: "aud_x.3"), limit: 100), ["aud_x-2", "aud_1"]),
            (AuditQuery(before: AuditCursor(at: t0 + 2, id: "aud_x/"), limit: 100), ["aud_x.3", "aud_x-2", "aud_1"]),
            (AuditQuery(before: AuditCursor(at: t0 + 1, id: "aud_1"), limit: 100), []),
            (
                AuditQuery(patientID: "pat_1", before: AuditCursor(at: t0 + 2, id: "aud_x_1"), limit: 100),
                ["aud_x.3", "aud_1"]
            ),
            (
                AuditQuery(actor: "acc_a", before: AuditCursor(at: t0 + 3, id: "aud_4"), limit: 2),
                ["aud_x.3", "aud_x-2"]
            ),
            (
                AuditQuery(breakGlassOnly: true, before: AuditCursor(at: t0 + 4, id: "aud_5"), limit: 100),
                ["aud_x_1"]
            ),
        ]
        for (query, expected) in table {
            let found = try await store.auditEvents(query)
            try expect(found.map(\.id) == expected, "the events for \(describe(query)) differ")
        }

        // Paging walks every filter's events exactly once, in order, for every page size.
        let filters = [
            AuditQuery(limit: 0), AuditQuery(actor: "acc_a", limit: 0), AuditQuery(patientID: "pat_1", limit: 0),
            AuditQuery(breakGlassOnly: true, limit: 0), AuditQuery(from: t0 + 2, until: t0 + 4, limit: 0),
        ]
        for filter in filters {
            var all = filter
            all.limit = 100
            let expected = try await store.auditEvents(all).map(\.id)
            for size in 1...3 {
                var query = filter
                query.limit = size
                var seen: [String] = []
                while true {
                    let page = try await store.auditEvents(query)
                    guard let last = page.last else { break }
                    try expect(page.count <= size, "a page of \(size) is longer")
                    seen += page.map(\.id)
                    query.before = AuditCursor(at: last.at, id: last.id)
                }
                try expect(seen == expected, "paging \(describe(filter)) by \(size) did not walk it once in order")
            }
        }
    }

    /// Which filters a query sets, for a failure message (ids and times are fixtures, not PHI).
    static func describe(_ query: AuditQuery) -> String {
        var parts: [String] = []
        if let actor = query.actor { parts.append("actor \(actor)") }
        if let patientID = query.patientID { parts.append("patient \(patientID)") }
        if let action = query.action { parts.append("action \(action)") }
        if let from = query.from { parts.append("from +\(from - t0)") }
        if let until = query.until { parts.append("until +\(until - t0)") }
        if query.breakGlassOnly { parts.append("break-glass") }
        if let before = query.before { parts.append("before (+\(before.at - t0), \(before.id))") }
        parts.append("limit \(query.limit)")
        return parts.joined(separator: ", ")
    }
}
