import KuraCore
import KuraStore

extension RecordStoreConformance {
    // Every record is written with every optional nil and with every optional set (sealed bytes
    // with NUL and high bytes, Int64 extremes), read back through every read that finds it, and
    // the revisioned ones are then updated into the other shape: a backend that drops, truncates
    // or re-types a field fails here.

    static let patientRoundTrip: Check = { store in
        let minimal = minimalPatient("pat_min", number: 1)
        let full = fullPatient("pat_full", number: 2)
        try await apply(
            store, .putPatient(minimal, expectedRevision: nil), .putPatient(full, expectedRevision: nil),
            what: "insert a minimal and a full patient"
        )
        try expect(try await store.patient(id: minimal.id) == minimal, "a minimal patient read by id differs")
        try expect(try await store.patient(id: full.id) == full, "a full patient read by id differs")
        try expect(
            try await store.patient(numberIndex: minimal.numberIndex) == minimal,
            "a minimal patient read by number index differs")
        try expect(
            try await store.patient(numberIndex: full.numberIndex) == full, "a full patient read by number differs")
        try expect(
            try await store.patients(birthDateIndex: full.birthDateIndex) == [full],
            "a full patient read by birth date differs")
        try expect(try await store.patients(after: nil, limit: 10) == [full, minimal], "the patient walk differs")

        var filled = fullPatient(minimal.id, number: 3, birthDate: 102)
        filled.revision = 2
        var emptied = minimalPatient(full.id, number: 2, birthDate: 101)
        emptied.revision = 2
        try await apply(store, .putPatient(filled, expectedRevision: 1), what: "fill a minimal patient")
        try await apply(store, .putPatient(emptied, expectedRevision: 1), what: "empty a full patient")
        try expect(try await store.patient(id: filled.id) == filled, "a filled patient differs")
        try expect(try await store.patient(id: emptied.id) == emptied, "an emptied patient differs")
        try expect(
            try await store.patient(numberIndex: blindIndex(3)) == filled, "a new number index does not find it")
        try expect(try await store.patient(numberIndex: blindIndex(1)) == nil, "an old number index still finds it")
        try expect(
            try await store.patients(birthDateIndex: blindIndex(100)).isEmpty, "an old birth date still finds it")
        try expect(
            try await store.patients(birthDateIndex: blindIndex(102)) == [filled], "a new birth date does not find it")
    }

    static let listRoundTrip: Check = { store in
        var written: [PatientListRecord] = []
        for (offset, kind) in PatientListKind.allCases.enumerated() {
            let record = list("lst_\(kind.rawValue)", patient: "pat_1", kind: kind, seed: UInt8(offset))
            try await apply(store, .putPatientList(record, expectedRevision: nil), what: "insert a \(kind) list")
            written.append(record)
        }
        let byKind = written.sorted { $0.kind.rawValue.utf8.lexicographicallyPrecedes($1.kind.rawValue.utf8) }
        try expect(try await store.patientLists(patientID: "pat_1") == byKind, "the lists differ")

        var updated = written[0]
        updated.revision = 2
        updated.sealedItems = bytes(99, count: 3)
        updated.updatedAt = Int64.max
        updated.updatedBy = "acc_doctor"
        try await apply(store, .putPatientList(updated, expectedRevision: 1), what: "update a list")
        let lists = try await store.patientLists(patientID: "pat_1")
        try expect(lists.count == 3 && lists.contains(updated), "an updated list differs")
    }

    static let entryRoundTrip: Check = { store in
        let minimal = draft("ent_min", patient: "pat_1")
        try await apply(store, .putEntry(minimal, expectedRevision: nil), what: "insert a minimal entry")
        try expect(try await store.entry(id: minimal.id) == minimal, "a minimal entry differs")
        // One entry in each state: a CHECK list or a stored word that misses one shows.
        for state in EntryState.allCases {
            let full = fullEntry("ent_\(state.rawValue)", patient: "pat_2", state: state)
            try await apply(store, .putEntry(full, expectedRevision: nil), what: "insert a \(state) entry")
            try expect(try await store.entry(id: full.id) == full, "a full \(state) entry differs")
        }

        var filled = fullEntry(minimal.id, patient: "pat_1", state: .finalized)
        filled.revision = 2
        var emptied = draft("ent_finalized", patient: "pat_2")
        emptied.revision = 2
        try await apply(store, .putEntry(filled, expectedRevision: 1), what: "fill a minimal entry")
        try await apply(store, .putEntry(emptied, expectedRevision: 1), what: "empty a full entry")
        try expect(try await store.entry(id: filled.id) == filled, "a filled entry differs")
        try expect(try await store.entry(id: emptied.id) == emptied, "an emptied entry differs")
        try expect(try await store.entries(patientID: "pat_1", before: nil, limit: 10) == [filled], "the chart differs")
    }

    static let versionRoundTrip: Check = { store in
        let minimal = minimalVersion("ent_1", version: 1, patient: "pat_1")
        let full = fullVersion("ent_1", version: 2, patient: "pat_1")
        var emptyReason = minimalVersion("ent_1", version: 3, patient: "pat_1")
        emptyReason.sealedReason = []
        var extreme = fullVersion("ent_1", version: Int64.max, patient: "pat_1")
        extreme.recordedAt = Int64.min
        let outcomes = try await apply(
            store, append(1), .insertRecordVersion(minimal), append(2), .insertRecordVersion(full), append(3),
            .insertRecordVersion(emptyReason), .insertRecordVersion(extreme), what: "insert four versions"
        )
        let leaf = leaves(outcomes)
        try expect(leaf.count == 3, "three appends did not answer three leaves")
        let expected = [
            bound(minimal, leaf[0], \.leafID), bound(full, leaf[1], \.leafID), bound(emptyReason, leaf[2], \.leafID),
            bound(extreme, leaf[2], \.leafID),
        ]
        let read = try await store.versions(objectID: "ent_1")
        try expect(read.count == 4, "the versions were not all stored")
        try expect(read[0] == expected[0], "a minimal version differs")
        try expect(read[1] == expected[1], "a full version differs")
        try expect(read[2].sealedReason == [], "an empty sealed reason did not stay empty")
        try expect(read == expected, "the versions differ")
    }

    static let auditEventRoundTrip: Check = { store in
        // Byte order: '-' (0x2D) < '.' (0x2E) < '_' (0x5F); a locale collation would skip them.
        let many = event(
            "aud_many", at: Int64.max, actor: "acc_x", action: "patient.search", access: "role",
            patients: ["pat-9", "pat.5", "pat_1", "pat_10", "pat_2"])
        let none = event("aud_none", at: -5, action: "audit.export", access: "break-glass", patients: [])
        let one = event("aud_one", at: t0, patients: ["pat_1"])
        let outcomes = try await apply(
            store, append(1), .insertAuditEvent(many), .insertAuditEvent(none), append(2), .insertAuditEvent(one),
            what: "insert three events"
        )
        let leaf = leaves(outcomes)
        let all = try await store.auditEvents(AuditQuery(limit: 10))
        try expect(
            all == [bound(many, leaf[0], \.leafID), bound(one, leaf[1], \.leafID), bound(none, leaf[0], \.leafID)],
            "the events differ")
        try expect(
            try await store.auditEvents(AuditQuery(patientID: "pat_10", limit: 10)) == [bound(many, leaf[0], \.leafID)],
            "an event read through a patient differs")
    }

    static let attachmentRoundTrip: Check = { store in
        // A full 256 KiB chunk, odd sizes, and a one-byte last chunk.
        let chunks = [bytes(1, count: 256 * 1024), bytes(2, count: 1), bytes(3, count: 4_097), [0x00]]
        let full = attachment("att_full", patient: "pat_1", chunks: chunks)
        var minimal = attachment("att_min", patient: "pat_1", chunks: [bytes(4, count: 10)], at: t0 + 1)
        minimal.record.entryID = nil
        minimal.record.receivedAt = nil
        minimal.record.scannedAt = nil
        minimal.record.mediaType = "image/png"
        var jpeg = attachment("att_jpeg", patient: "pat_2", chunks: [bytes(5, count: 20)])
        jpeg.record.mediaType = "image/jpeg"
        let outcomes = try await apply(
            store, append(1), .insertAttachment(full.record, chunks: full.chunks), append(2),
            .insertAttachment(minimal.record, chunks: minimal.chunks),
            .insertAttachment(jpeg.record, chunks: jpeg.chunks), what: "insert three attachments"
        )
        let leaf = leaves(outcomes)
        let storedFull = bound(full.record, leaf[0], \.leafID)
        let storedMinimal = bound(minimal.record, leaf[1], \.leafID)
        try expect(try await store.attachment(id: "att_full") == storedFull, "a full attachment differs")
        try expect(try await store.attachment(id: "att_min") == storedMinimal, "a minimal attachment differs")
        try expect(
            try await store.attachment(id: "att_jpeg") == bound(jpeg.record, leaf[1], \.leafID),
            "a JPEG attachment differs")
        try expect(try await store.attachmentChunks(id: "att_full") == chunks, "the chunks differ or are out of order")
        try expect(try await store.attachmentChunks(id: "att_min") == minimal.chunks, "a single chunk differs")
        try expect(
            try await store.attachments(patientID: "pat_1") == [storedMinimal, storedFull],
            "a patient's attachments are not newest first")
    }
}
