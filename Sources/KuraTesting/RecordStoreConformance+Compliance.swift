import KuraCore
import KuraStore

extension RecordStoreConformance {
    // The compliance documents (ComplianceStore contract): versions round-trip with their leaf,
    // heads are the newest version per document of one kind in byte order of ids, and nothing
    // once stored changes.

    static func complianceVersion(
        _ objectID: String, version: Int64, kind: String = "registry.vendors", state: String = "current",
        body: [UInt8] = [1, 2, 3]
    ) -> ComplianceVersion {
        ComplianceVersion(
            objectID: objectID, version: version, kind: kind, state: state, author: "acc_1",
            recordedAt: t0 + version, sealedBody: body
        )
    }

    static let complianceRoundTrip: Check = { store in
        let large = complianceVersion(
            "cmp_~!", version: 1, kind: "answer", state: "withdrawn", body: (0..<70_000).map { UInt8($0 & 0xFF) })
        let outcomes = try await apply(
            store, append(1), .insertComplianceVersion(large), append(2),
            .insertComplianceVersion(complianceVersion("cmp_~!", version: 2, kind: "answer", body: [0])),
            what: "two compliance versions")
        let bound = leaves(outcomes)
        let read = try await store.complianceVersions(objectID: "cmp_~!")
        var expected = large
        expected.leafID = bound.first
        try expect(read.count == 2 && read[0] == expected, "a compliance version did not round-trip")
        try expect(read.map(\.leafID) == bound, "compliance versions are not bound to their appends")
        try expect(read.map(\.version) == [1, 2], "compliance versions are not oldest first")
        try expect(
            try await store.complianceVersions(objectID: "cmp_none").isEmpty, "an unknown document has versions")
    }

    static let complianceHeads: Check = { store in
        for (offset, write) in [
            complianceVersion("cmp_b", version: 1), complianceVersion("cmp_a", version: 1),
            complianceVersion("cmp_b", version: 2, state: "withdrawn"), complianceVersion("cmp_c", version: 1),
            complianceVersion("cmp_B", version: 1), complianceVersion("cmp_x", version: 1, kind: "answer"),
            complianceVersion("cmp_a", version: 3), complianceVersion("cmp_a", version: 2),
        ].enumerated() {
            try await apply(store, append(offset + 1), .insertComplianceVersion(write), what: "a compliance version")
        }
        let heads = try await store.complianceHeads(kind: "registry.vendors")
        try expect(
            heads.map(\.objectID) == ["cmp_B", "cmp_a", "cmp_b", "cmp_c"],
            "heads are not one per document in byte order of ids")
        try expect(heads.map(\.version) == [1, 3, 2, 1], "a head is not its document's newest version")
        try expect(heads[2].state == "withdrawn", "a withdrawn head is left out or changed")
        try expect(
            try await store.complianceHeads(kind: "answer").map(\.objectID) == ["cmp_x"],
            "heads mix kinds")
        try expect(try await store.complianceHeads(kind: "report").isEmpty, "an unused kind has heads")
    }

    static let complianceImmutable: Check = { store in
        try await apply(
            store, append(1), .insertComplianceVersion(complianceVersion("cmp_1", version: 1)),
            what: "a compliance version")
        try await refuse(
            store, append(2), .insertComplianceVersion(complianceVersion("cmp_1", version: 1, body: [9])),
            as: .duplicate(.complianceVersion), what: "rewriting a compliance version")
        try expectRefused(
            try await commit(store, [.insertComplianceVersion(complianceVersion("cmp_2", version: 1))]),
            .unboundWrite, "a compliance version without its leaf")
        try await refuse(
            store, append(3), .insertComplianceVersion(complianceVersion("cmp_3", version: 0)),
            as: .constraintViolation("versions start at 1"), what: "a version 0")
        try await refuse(
            store, append(4), .insertComplianceVersion(complianceVersion("cmp_4", version: 1, kind: "Registry")),
            as: .constraintViolation("a compliance kind and state must be short words"), what: "a bad kind")
        let stored = try await store.complianceVersions(objectID: "cmp_1")
        try expect(stored.count == 1 && stored[0].sealedBody == [1, 2, 3], "a refused rewrite changed the version")
        for refused in ["cmp_2", "cmp_3", "cmp_4"] {
            try expect(
                try await store.complianceVersions(objectID: refused).isEmpty, "a refused compliance version was stored"
            )
        }
    }
}
