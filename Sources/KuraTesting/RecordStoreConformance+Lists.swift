import KuraCore
import KuraStore

extension RecordStoreConformance {
    // Filters and orders of the list reads. Ties on a time are broken by id in byte order, and
    // the ids mix '-', '.' and '_' so that a locale collation (which skips punctuation) shows.

    static let chartPaging: Check = { store in
        // Written out of order; three share a creation time.
        let entries = [
            draft("ent_b", patient: "pat_1", at: t0 + 2),
            draft("ent_x_1", patient: "pat_1", at: t0 + 3),
            draft("ent_a", patient: "pat_1", at: t0 + 1),
            draft("ent_x-2", patient: "pat_1", at: t0 + 3),
            draft("ent_x.3", patient: "pat_1", at: t0 + 3),
            draft("ent_c", patient: "pat_1", at: t0 + 4),
            draft("ent_other", patient: "pat_2", at: t0 + 3),
        ]
        for entry in entries {
            try await apply(store, .putEntry(entry, expectedRevision: nil), what: "insert an entry")
        }
        let newestFirst = ["ent_c", "ent_x_1", "ent_x.3", "ent_x-2", "ent_b", "ent_a"]
        try expect(
            try await store.entries(patientID: "pat_1", before: nil, limit: 10).map(\.id) == newestFirst,
            "a chart is not newest first with ties by id")
        // Every page size walks the whole chart exactly once.
        for size in 1...4 {
            var seen: [String] = []
            var cursor: AuditCursor?
            while true {
                let page = try await store.entries(patientID: "pat_1", before: cursor, limit: size)
                try expect(page.count <= size, "a page of \(size) is longer")
                guard let last = page.last else { break }
                seen += page.map(\.id)
                cursor = AuditCursor(at: last.createdAt, id: last.id)
            }
            try expect(seen == newestFirst, "paging by \(size) did not walk the chart once in order")
        }
        let table: [(AuditCursor, Int, [String])] = [
            (AuditCursor(at: t0 + 3, id: "ent_x.3"), 10, ["ent_x-2", "ent_b", "ent_a"]),
            // A cursor between stored ids, and one past every id of its time.
            (AuditCursor(at: t0 + 3, id: "ent_x/"), 10, ["ent_x.3", "ent_x-2", "ent_b", "ent_a"]),
            (AuditCursor(at: t0 + 3, id: "ent_zzz"), 2, ["ent_x_1", "ent_x.3"]),
            (AuditCursor(at: t0 + 1, id: "ent_a"), 10, []),
            (AuditCursor(at: Int64.max, id: ""), 1, ["ent_c"]),
            (AuditCursor(at: t0 + 4, id: "ent_c"), 0, []),
        ]
        for (cursor, limit, expected) in table {
            let page = try await store.entries(patientID: "pat_1", before: cursor, limit: limit)
            try expect(page.map(\.id) == expected, "the page before (+\(cursor.at - t0), \(cursor.id)) differs")
        }
        try expect(
            try await store.entries(patientID: "pat_2", before: nil, limit: 10).map(\.id) == ["ent_other"],
            "another patient's chart differs")
    }

    static let entryQueues: Check = { store in
        func proxy(_ id: String, author: String, for physician: String, at: Int64) -> EntryRecord {
            var entry = draft(id, patient: "pat_\(id.suffix(1))", author: author, at: at)
            entry.state = .pendingApproval
            entry.onBehalfOf = physician
            return entry
        }
        let ownDraft = draft("ent_1", patient: "pat_1", author: "acc_nurse", at: t0 + 1)
        let forDoctor = proxy("ent_2", author: "acc_clerk", for: "acc_doctor", at: t0 + 2)
        let byNurseForDoctor = proxy("ent_3", author: "acc_nurse", for: "acc_doctor", at: t0 + 3)
        let forOther = proxy("ent_4", author: "acc_clerk", for: "acc_other", at: t0 + 4)
        let tieA = draft("ent_5-a", patient: "pat_2", author: "acc_nurse", at: t0 + 5)
        let tieB = draft("ent_5_b", patient: "pat_3", author: "acc_nurse", at: t0 + 5)
        var final = fullEntry("ent_6", patient: "pat_1", state: .finalized)
        final.author = "acc_nurse"
        final.onBehalfOf = nil
        for entry in [tieB, ownDraft, forOther, final, byNurseForDoctor, tieA, forDoctor] {
            try await apply(store, .putEntry(entry, expectedRevision: nil), what: "insert an entry")
        }
        let table: [(EntryState, String?, String?, Int, [String])] = [
            (.pendingApproval, nil, "acc_doctor", 10, ["ent_3", "ent_2"]),
            // With a physician named, the author plays no part (the approval queue).
            (.pendingApproval, "acc_clerk", "acc_doctor", 10, ["ent_3", "ent_2"]),
            (.pendingApproval, nil, "acc_doctor", 1, ["ent_3"]),
            (.pendingApproval, nil, "acc_other", 10, ["ent_4"]),
            (.pendingApproval, nil, "acc_nurse", 10, []),
            (.pendingApproval, "acc_clerk", nil, 10, ["ent_4", "ent_2"]),
            (.draft, "acc_nurse", nil, 10, ["ent_5_b", "ent_5-a", "ent_1"]),
            (.draft, "acc_nurse", nil, 2, ["ent_5_b", "ent_5-a"]),
            (.draft, "acc_nurse", nil, 0, []),
            (.draft, "acc_clerk", nil, 10, []),
            (.draft, "acc_nurse", "acc_doctor", 10, []),
            (.draft, nil, nil, 10, []),
            (.finalized, "acc_nurse", nil, 10, ["ent_6"]),
            (.rejected, "acc_nurse", nil, 10, []),
        ]
        for (state, author, onBehalfOf, limit, expected) in table {
            let found = try await store.entries(state: state, author: author, onBehalfOf: onBehalfOf, limit: limit)
            try expect(
                found.map(\.id) == expected,
                "the \(state) entries of \(author ?? "-") for \(onBehalfOf ?? "-") (limit \(limit)) differ")
        }
        // Approving moves an entry out of the queue.
        var approved = forDoctor
        approved.revision = 2
        approved.state = .finalized
        approved.finalizedBy = "acc_doctor"
        approved.finalizedAt = t0 + 10
        try await apply(store, .putEntry(approved, expectedRevision: 1), what: "approve a proxy entry")
        try expect(
            try await store.entries(state: .pendingApproval, author: nil, onBehalfOf: "acc_doctor", limit: 10)
                == [byNurseForDoctor],
            "an approved entry is still waiting")
        try expect(
            try await store.entries(state: .finalized, author: nil, onBehalfOf: "acc_doctor", limit: 10) == [approved],
            "an approved entry is not final for its physician")
    }

    static let listOrders: Check = { store in
        let ids = ["pat_b", "pat_a-c", "pat_a", "pat_a_d", "pat_a.b", "pat_ab"]
        for (offset, id) in ids.enumerated() {
            let patient = minimalPatient(id, number: UInt8(offset), birthDate: offset % 2 == 0 ? 50 : 51)
            try await apply(store, .putPatient(patient, expectedRevision: nil), what: "insert a patient")
        }
        let byID = ["pat_a", "pat_a-c", "pat_a.b", "pat_a_d", "pat_ab", "pat_b"]
        try expect(try await store.patients(after: nil, limit: 100).map(\.id) == byID, "patients are not by id")
        try expect(
            try await store.patients(after: "pat_a-c", limit: 2).map(\.id) == ["pat_a.b", "pat_a_d"],
            "a page of patients after an id differs")
        try expect(
            try await store.patients(after: "pat_a-", limit: 100).map(\.id) == Array(byID.dropFirst()),
            "patients after an id between stored ones differ")
        try expect(try await store.patients(after: "pat_b", limit: 100).isEmpty, "patients after the last exist")
        try expect(try await store.patients(after: nil, limit: 0).isEmpty, "a walk of no patients found some")
        try expect(
            try await store.patients(birthDateIndex: blindIndex(50)).map(\.id) == ["pat_a", "pat_a.b", "pat_b"],
            "patients sharing a birth date are not by id")

        for (offset, account) in ["acc_b", "acc_a_2", "acc_a-1", "acc_a"].enumerated() {
            let member = CareTeamMember(
                patientID: "pat_a", accountID: account, addedAt: t0 - Int64(offset), addedBy: "x")
            try await apply(store, .addCareTeamMember(member), what: "add a member")
        }
        for patient in ["pat_b", "pat_a_d", "pat_a-c"] {
            let member = CareTeamMember(patientID: patient, accountID: "acc_a", addedAt: t0, addedBy: "x")
            try await apply(store, .addCareTeamMember(member), what: "add a member")
        }
        try expect(
            try await store.careTeam(patientID: "pat_a").map(\.accountID) == ["acc_a", "acc_a-1", "acc_a_2", "acc_b"],
            "a care team is not by account id")
        try expect(
            try await store.careTeamPatients(accountID: "acc_a") == ["pat_a", "pat_a-c", "pat_a_d", "pat_b"],
            "an account's patients are not by id")

        let attachments = [("att_x_1", t0 + 3), ("att_a", t0 + 1), ("att_x-2", t0 + 3), ("att_b", t0 + 2)]
        for (offset, (id, at)) in attachments.enumerated() {
            let file = attachment(id, patient: "pat_a", chunks: [bytes(1, count: 5)], at: at)
            try await apply(
                store, append(offset), .insertAttachment(file.record, chunks: file.chunks),
                what: "insert an attachment")
        }
        try expect(
            try await store.attachments(patientID: "pat_a").map(\.id) == ["att_x_1", "att_x-2", "att_b", "att_a"],
            "attachments are not newest first with ties by id")
    }

    static let unknownReads: Check = { store in
        try await expectNothing(store, "an empty store")
        let file = attachment("att_1", patient: "pat_1", chunks: [bytes(1, count: 3)])
        try await apply(
            store, .putPatient(minimalPatient("pat_1", number: 1), expectedRevision: nil),
            .addCareTeamMember(CareTeamMember(patientID: "pat_1", accountID: "acc_1", addedAt: t0, addedBy: "acc_1")),
            .putPatientList(list("lst_1", patient: "pat_1", kind: .problems), expectedRevision: nil),
            .putEntry(draft("ent_1", patient: "pat_1"), expectedRevision: nil), append(1),
            .insertRecordVersion(minimalVersion("ent_1", version: 1, patient: "pat_1")),
            .insertAuditEvent(event("aud_1", at: t0, patients: ["pat_1"])),
            .insertAttachment(file.record, chunks: file.chunks), what: "insert one of each"
        )
        try await expectNothing(store, "a store with other records")
        try expect(try await store.patient(id: "PAT_1") == nil, "a patient id lookup ignores case")
        try expect(try await store.patient(id: "ent_1") == nil, "an entry id finds a patient")
        try expect(try await store.entry(id: "pat_1") == nil, "a patient id finds an entry")
        try expect(try await store.attachmentChunks(id: "ent_1").isEmpty, "an entry id finds chunks")
        try expect(try await store.versions(objectID: "pat_1").isEmpty, "a patient without versions has some")
        try expect(
            try await store.patient(numberIndex: blindIndex(100)) == nil, "a birth-date index finds a patient by number"
        )
    }

    /// Every read of ids and indexes that were never written answers nothing.
    static func expectNothing(_ store: Store, _ situation: String) async throws {
        try expect(try await store.patient(id: "pat_none") == nil, "\(situation): an unknown patient is found")
        try expect(
            try await store.patient(numberIndex: blindIndex(200)) == nil, "\(situation): an unknown number is found")
        try expect(
            try await store.patients(birthDateIndex: blindIndex(201)).isEmpty, "\(situation): a birth date is found")
        try expect(try await store.careTeam(patientID: "pat_none").isEmpty, "\(situation): an unknown team exists")
        try expect(
            try await store.careTeamPatients(accountID: "acc_none").isEmpty, "\(situation): an account has patients")
        try expect(try await store.patientLists(patientID: "pat_none").isEmpty, "\(situation): lists exist")
        try expect(try await store.entry(id: "ent_none") == nil, "\(situation): an unknown entry is found")
        try expect(
            try await store.entries(patientID: "pat_none", before: nil, limit: 10).isEmpty,
            "\(situation): an unknown chart has entries")
        try expect(
            try await store.entries(state: .pendingApproval, author: nil, onBehalfOf: "acc_none", limit: 10).isEmpty,
            "\(situation): an unknown physician has a queue")
        try expect(try await store.versions(objectID: "ent_none").isEmpty, "\(situation): versions exist")
        try expect(
            try await store.auditEvents(AuditQuery(patientID: "pat_none", limit: 10)).isEmpty,
            "\(situation): an unknown patient was viewed")
        try expect(try await store.attachment(id: "att_none") == nil, "\(situation): an unknown attachment is found")
        try expect(try await store.attachments(patientID: "pat_none").isEmpty, "\(situation): attachments exist")
        try expect(try await store.attachmentChunks(id: "att_none").isEmpty, "\(situation): chunks exist")
    }
}
