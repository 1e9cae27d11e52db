import KuraCore
import KuraStore

extension RecordStoreConformance {
    // Leaf binding (RecordStore contract): a version, audit event or attachment comes back with
    // the LeafID its unit's most recent earlier append answered, never another unit's; it needs
    // such an append (WriteUnit.validationError); and once stored it never changes.

    static let versionLeaves: Check = { store in
        let first = try await apply(
            store, append(1), .insertRecordVersion(minimalVersion("pat_1", version: 1, patient: "pat_1")),
            what: "a version after an append")
        let second = try await apply(
            store, .putEntry(draft("ent_1", patient: "pat_1"), expectedRevision: nil), append(2),
            .insertRecordVersion(minimalVersion("ent_1", version: 1, patient: "pat_1")), append(3),
            .insertRecordVersion(fullVersion("ent_1", version: 2, patient: "pat_1")),
            what: "two versions after two appends")
        let patientLeaf = leaves(first)
        let entryLeaves = leaves(second)
        try expect(patientLeaf.count == 1 && entryLeaves.count == 2, "the appends did not answer their leaves")
        try expect(entryLeaves[0] != entryLeaves[1], "two appends answered the same leaf")
        try expect(
            try await store.versions(objectID: "pat_1").map(\.leafID) == patientLeaf,
            "a version is not bound to its unit's append")
        try expect(
            try await store.versions(objectID: "ent_1").map(\.leafID) == entryLeaves,
            "two versions are not bound to the appends just before each")

        // Two units in one batch: each binds to its own append, never to the other unit's.
        let results = try await store.commit([
            WriteUnit([append(4), .insertRecordVersion(minimalVersion("lst_1", version: 2, patient: "pat_1"))]),
            WriteUnit([
                append(5), .insertRecordVersion(minimalVersion("lst_1", version: 3, patient: "pat_1")),
                .insertAuditEvent(event("aud_1", at: t0, patients: ["pat_1"])),
            ]),
            WriteUnit([append(6), .insertRecordVersion(minimalVersion("lst_1", version: 1, patient: "pat_1"))]),
        ])
        let batchLeaves = try results.map { result in
            guard case .success(let outcomes) = result, let leaf = leaves(outcomes).first else {
                throw ConformanceFailure("a unit of a batch of versions failed")
            }
            return leaf
        }
        let lists = try await store.versions(objectID: "lst_1")
        try expect(lists.map(\.version) == [1, 2, 3], "versions written out of order are not oldest first")
        try expect(
            lists.map(\.leafID) == [batchLeaves[2], batchLeaves[0], batchLeaves[1]],
            "versions in a batch are not bound to their own unit's append")
        try expect(
            try await store.auditEvents(AuditQuery(limit: 10)).map(\.leafID) == [batchLeaves[1]],
            "an event in a batch is not bound to its unit's append")
        // Every bound LeafID is a real reference to its leaf in the ledger.
        for leaf in patientLeaf + entryLeaves + batchLeaves {
            try expect(try await store.status(of: leaf) == .pending, "a bound leaf is not pending in the ledger")
        }
        try expect(
            Set(patientLeaf + entryLeaves + batchLeaves).count == 6, "different appends answered the same leaf")
    }

    static let bindingNeedsAppend: Check = { store in
        let file = attachment("att_1", patient: "pat_1", chunks: [bytes(1, count: 10)])
        let unbound: [[StoreWrite]] = [
            [.insertRecordVersion(minimalVersion("ent_1", version: 1, patient: "pat_1"))],
            [.insertAuditEvent(event("aud_1", at: t0, patients: [])), append(1)],
            [
                .putEntry(draft("ent_1", patient: "pat_1"), expectedRevision: nil),
                .insertAttachment(file.record, chunks: file.chunks),
            ],
        ]
        for writes in unbound {
            guard let error = WriteUnit(writes).validationError else {
                throw ConformanceFailure("the shared validation accepts a binding write without an append")
            }
            try expectRefused(try await commit(store, writes), error, "a binding write without an append")
        }
        // An append in an earlier unit of the same batch does not count.
        let results = try await store.commit([
            WriteUnit([append(2)]),
            WriteUnit([.insertRecordVersion(minimalVersion("ent_1", version: 1, patient: "pat_1"))]),
        ])
        guard results.count == 2, case .success = results[0], case .failure = results[1] else {
            throw ConformanceFailure("a version bound to another unit's append was not refused alone")
        }
        try expect(try await store.versions(objectID: "ent_1").isEmpty, "an unbound version was stored")
        try expect(try await store.auditEvents(AuditQuery(limit: 10)).isEmpty, "an unbound event was stored")
        try expect(try await store.attachment(id: "att_1") == nil, "an unbound attachment was stored")
        try expect(try await store.attachmentChunks(id: "att_1").isEmpty, "an unbound attachment's chunks remain")
        try expect(try await store.entry(id: "ent_1") == nil, "a refused unit's entry was stored")
        try expect(
            try await store.pendingLeaves(limit: 10).map(\.leaf) == [StoreConformance.append(2).leaf],
            "a refused unit's leaf was kept or a good unit's lost")
    }

    static let immutableInserts: Check = { store in
        let version = minimalVersion("ent_1", version: 1, patient: "pat_1")
        let original = event("aud_1", at: t0, patients: ["pat_1", "pat_2"])
        let file = attachment("att_1", patient: "pat_1", chunks: [bytes(1, count: 10), bytes(2, count: 5)])
        let leaf = leaves(
            try await apply(
                store, append(1), .insertRecordVersion(version), .insertAuditEvent(original),
                .insertAttachment(file.record, chunks: file.chunks), what: "insert one of each"))[0]

        var rewritten = fullVersion("ent_1", version: 1, patient: "pat_1")
        rewritten.sealedBody = bytes(99, count: 10)
        try await refuse(
            store, append(2), .insertRecordVersion(rewritten), as: .duplicate(.recordVersion),
            what: "a second version 1")
        let moved = event("aud_1", at: t0 + 1, actor: "acc_x", patients: ["pat_1", "pat_3"])
        try await refuse(
            store, append(3), .insertAuditEvent(moved), as: .duplicate(.auditEvent), what: "an event id again")
        var replaced = attachment("att_1", patient: "pat_2", chunks: [bytes(3, count: 7)])
        replaced.record.mediaType = "image/png"
        try await refuse(
            store, append(4), .insertAttachment(replaced.record, chunks: replaced.chunks), as: .duplicate(.attachment),
            what: "an attachment id again")

        try expect(
            try await store.versions(objectID: "ent_1") == [bound(version, leaf, \.leafID)], "a version was changed")
        try expect(
            try await store.auditEvents(AuditQuery(limit: 10)) == [bound(original, leaf, \.leafID)],
            "an audit event was changed")
        try expect(
            try await store.auditEvents(AuditQuery(patientID: "pat_3", limit: 10)).isEmpty,
            "a refused event's patient was recorded")
        try expect(
            try await store.attachment(id: "att_1") == bound(file.record, leaf, \.leafID), "an attachment was changed")
        try expect(try await store.attachmentChunks(id: "att_1") == file.chunks, "an attachment's chunks were changed")
        try expect(try await store.attachments(patientID: "pat_2").isEmpty, "a refused attachment was listed")
        try expect(try await store.pendingLeaves(limit: 10).count == 1, "a refused insert's leaf was kept")
    }
}
