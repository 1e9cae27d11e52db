import KuraCore
import KuraStore

extension RecordStoreConformance {
    // Group commit (DESIGN "Writes, durability, audit"): every unit behaves as if it ran in its
    // own savepoint, so a record unit refused in the database takes its ledger leaf, its version
    // and every other write with it while its neighbours in the batch commit.

    static let failingUnitAlone: Check = { store in
        try await apply(
            store, .putPatient(minimalPatient("pat_1", number: 1), expectedRevision: nil),
            .putEntry(draft("ent_1", patient: "pat_1"), expectedRevision: nil),
            .addCareTeamMember(CareTeamMember(patientID: "pat_1", accountID: "acc_1", addedAt: t0, addedBy: "acc_1")),
            what: "seed")
        var stale = draft("ent_1", patient: "pat_1")
        stale.revision = 3
        let file = attachment("att_1", patient: "pat_2", chunks: [bytes(1, count: 10)])
        let units = [
            // A taken number index, found in the database after an append and a version.
            WriteUnit([
                append(1), .insertRecordVersion(minimalVersion("pat_9", version: 1, patient: "pat_9")),
                .putPatient(minimalPatient("pat_9", number: 1), expectedRevision: nil),
            ]),
            WriteUnit([
                append(2), .putPatient(minimalPatient("pat_2", number: 2), expectedRevision: nil),
                .insertRecordVersion(minimalVersion("pat_2", version: 1, patient: "pat_2")),
            ]),
            // A stale entry after an append and a list.
            WriteUnit([
                append(3), .putPatientList(list("lst_1", patient: "pat_1", kind: .allergies), expectedRevision: nil),
                .putEntry(stale, expectedRevision: 2),
            ]),
            WriteUnit([append(4), .insertAuditEvent(event("aud_1", at: t0, patients: ["pat_1", "pat_2"]))]),
            // The event id the unit before stored, in the same batch.
            WriteUnit([append(5), .insertAuditEvent(event("aud_1", at: t0 + 1, patients: ["pat_3"]))]),
            // A care team member who is not on the team, after a member that is added.
            WriteUnit([
                .addCareTeamMember(CareTeamMember(patientID: "pat_2", accountID: "acc_2", addedAt: t0, addedBy: "x")),
                .removeCareTeamMember(patientID: "pat_1", accountID: "acc_9"),
            ]),
            WriteUnit([
                .addCareTeamMember(CareTeamMember(patientID: "pat_2", accountID: "acc_1", addedAt: t0, addedBy: "x")),
                append(6), .insertAttachment(file.record, chunks: file.chunks),
            ]),
            // Refused by the shared validation before the database.
            WriteUnit([.insertRecordVersion(minimalVersion("pat_2", version: 2, patient: "pat_2")), append(7)]),
        ]
        let results = try await store.commit(units)
        try expect(results.count == units.count, "a batch did not answer one result per unit")
        try expectRefused(results[0], .duplicate(.patient), "a taken number index in a batch")
        try expectRefused(results[2], .staleRevision(.entry), "a stale entry in a batch")
        try expectRefused(results[4], .duplicate(.auditEvent), "an event id stored by the unit before")
        try expectRefused(results[5], .careTeamMemberNotFound, "removing a member not on the team")
        try expectRefused(results[7], WriteUnit(units[7].writes).validationError!, "an unbound version")
        var kept: [Int: LeafID] = [:]
        for index in [1, 3, 6] {
            guard case .success(let outcomes) = results[index], let leaf = leaves(outcomes).first else {
                throw ConformanceFailure("a good unit next to failing ones did not commit")
            }
            try expect(outcomes.count == units[index].writes.count, "a good unit did not answer every write")
            kept[index] = leaf
        }

        try expect(
            try await store.pendingLeaves(limit: 100).map(\.leaf)
                == [2, 4, 6].map { StoreConformance.append($0).leaf },
            "a failing unit's leaf was kept or a good unit's leaf was lost")
        try expect(try await store.patient(id: "pat_9") == nil, "a failing unit's patient was kept")
        try expect(try await store.versions(objectID: "pat_9").isEmpty, "a failing unit's version was kept")
        try expect(try await store.patient(numberIndex: blindIndex(1))?.id == "pat_1", "a number index moved")
        try expect(try await store.patientLists(patientID: "pat_1").isEmpty, "a failing unit's list was kept")
        try expect(try await store.entry(id: "ent_1")?.revision == 1, "a stale update changed the entry")
        try expect(
            try await store.careTeam(patientID: "pat_2").map(\.accountID) == ["acc_1"],
            "a failing unit's member was kept or a good unit's lost")
        try expect(try await store.auditEvents(AuditQuery(patientID: "pat_3", limit: 10)).isEmpty, "a refused event")
        try expect(
            try await store.versions(objectID: "pat_2").map(\.leafID) == [kept[1]],
            "a good unit's version is not bound to its own leaf")
        try expect(
            try await store.auditEvents(AuditQuery(limit: 10)).map(\.leafID) == [kept[3]],
            "a good unit's event is not bound to its own leaf")
        try expect(try await store.attachment(id: "att_1")?.leafID == kept[6], "an attachment is not bound to its leaf")
    }

    static let outcomes: Check = { store in
        let file = attachment("att_1", patient: "pat_1", chunks: [bytes(1, count: 10)])
        let writes: [StoreWrite] = [
            .putPatient(minimalPatient("pat_1", number: 1), expectedRevision: nil),
            .addCareTeamMember(CareTeamMember(patientID: "pat_1", accountID: "acc_1", addedAt: t0, addedBy: "acc_1")),
            .putPatientList(list("lst_1", patient: "pat_1", kind: .medications), expectedRevision: nil),
            .putEntry(draft("ent_1", patient: "pat_1"), expectedRevision: nil),
            append(1),
            .insertRecordVersion(minimalVersion("ent_1", version: 1, patient: "pat_1")),
            .insertAuditEvent(event("aud_1", at: t0, patients: ["pat_1"])),
            .insertAttachment(file.record, chunks: file.chunks),
            .removeCareTeamMember(patientID: "pat_1", accountID: "acc_1"),
        ]
        let outcomes = try await apply(store, writes, what: "a unit with every kind of record write")
        try expect(outcomes.count == writes.count, "a unit did not answer one outcome per write")
        for (offset, outcome) in outcomes.enumerated() where offset != 4 {
            try expect(outcome == .applied, "a record write did not answer applied")
        }
        guard case .leafAppended = outcomes[4] else { throw ConformanceFailure("an append did not answer a leaf") }
    }

    static let unitOrder: Check = { store in
        let patient = minimalPatient("pat_1", number: 1)
        var updated = patient
        updated.revision = 2
        updated.careStartedAt = t0
        var entry = draft("ent_1", patient: "pat_1")
        var finalized = entry
        finalized.revision = 2
        finalized.state = .finalized
        finalized.finalizedBy = "acc_doctor"
        finalized.finalizedAt = t0 + 1
        let member = CareTeamMember(patientID: "pat_1", accountID: "acc_1", addedAt: t0, addedBy: "acc_1")
        try await apply(
            store, .putPatient(patient, expectedRevision: nil), .putPatient(updated, expectedRevision: 1),
            .putEntry(entry, expectedRevision: nil), .putEntry(finalized, expectedRevision: 1),
            .addCareTeamMember(member), .removeCareTeamMember(patientID: "pat_1", accountID: "acc_1"),
            .addCareTeamMember(member), what: "a unit whose writes build on each other"
        )
        try expect(try await store.patient(id: "pat_1") == updated, "a later patient write did not see an earlier one")
        try expect(try await store.entry(id: "ent_1") == finalized, "a later entry write did not see an earlier one")
        try expect(try await store.careTeam(patientID: "pat_1") == [member], "a re-added member is missing")
        entry.revision = 3
        try await refuse(
            store, .putEntry(entry, expectedRevision: 2), .putEntry(entry, expectedRevision: 2),
            as: .staleRevision(.entry), what: "a unit that updates the same revision twice"
        )
        try expect(try await store.entry(id: "ent_1") == finalized, "half a refused unit was kept")
    }
}
