import KuraCore
import KuraStore

/// The snapshot conformance suite: a backup taken from one backend restores into any other with
/// nothing lost or changed (BAK-1, BAK-3, REC-5).
///
/// Each check gets a fresh source store and a fresh target store, both migrated and empty, of
/// any pair of backends; tests run every check for every pair (SQLite and PostgreSQL both ways).
public enum SnapshotConformance {
    /// What a check needs of a store.
    public typealias Store = any KuraStoreBackend & SnapshotStore
    /// A check against a fresh source and target.
    public typealias Check = @Sendable (_ source: Store, _ target: Store) async throws -> Void

    /// Every check by name.
    public static let checks: [String: Check] = [
        "a restored store snapshots to the same bytes, every table included": sameBytes,
        "records read back field for field after a restore": recordsReadBack,
        "leaf references resolve to the same positions after a restore": leafReferences,
        "a leaf pending at snapshot time integrates after a restore": pendingIntegrates,
        "a restore refuses a target that holds data and leaves it as it was": refusesNonEmpty,
        "a snapshot that ends early loads nothing": truncatedLoadsNothing,
    ]

    /// The names of every check, sorted, for `arguments:` tables.
    public static var checkNames: [String] { checks.keys.sorted() }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(message()) }
    }

    typealias R = RecordStoreConformance
    typealias I = IdentityStoreConformance

    /// Fills `store` with a row in every table, optionals both set and unset, three leaves
    /// numbered under a checkpoint and one still pending.
    public static func populate(_ store: Store) async throws {
        let recoveryHashes = [I.tokenHash(40), I.tokenHash(41), I.tokenHash(42)]
        _ = try await R.apply(
            store,
            [
                .putAccount(I.fullAccount("acc_doctor", login: "doctor"), expectedRevision: nil),
                .putAccount(I.minimalAccount("acc_clerk", login: "clerk"), expectedRevision: nil),
                .putDevice(I.fullDevice("dev_1", owner: "acc_doctor", token: 1), expectedRevision: nil),
                .putSession(
                    I.fullSession("ses_1", account: "acc_doctor", device: "dev_1", token: 2), expectedRevision: nil),
                .replaceRecoveryCodes(accountID: "acc_doctor", hashes: recoveryHashes, at: I.t0),
                .consumeRecoveryCode(accountID: "acc_doctor", hash: recoveryHashes[1], at: I.t0 + 1),
                .insertBreakGlassGrant(
                    I.grant("bg_1", account: "acc_clerk", patient: "pat_2", expiresAt: I.t0 + 600_000)),
                .putQueueItem(I.openItem("q_1", queue: .review, createdAt: I.t0), expectedRevision: nil),
                .claimOnce(name: "first-administrator", at: I.t0),
                .putPatient(R.fullPatient("pat_1", number: 1), expectedRevision: nil),
                .putPatient(R.minimalPatient("pat_2", number: 2), expectedRevision: nil),
                .addCareTeamMember(
                    CareTeamMember(patientID: "pat_1", accountID: "acc_doctor", addedAt: R.t0, addedBy: "acc_clerk")),
                .putPatientList(R.list("lst_1", patient: "pat_1", kind: .allergies), expectedRevision: nil),
                .putEntry(R.fullEntry("ent_1", patient: "pat_1", state: .finalized), expectedRevision: nil),
                .putEntry(R.draft("ent_2", patient: "pat_2"), expectedRevision: nil),
            ],
            what: "the identity and record rows"
        )
        let file = R.attachment("att_1", patient: "pat_1", chunks: [R.bytes(1, count: 300), R.bytes(2, count: 5)])
        let first = try await R.apply(
            store, R.append(1), .insertRecordVersion(R.fullVersion("ent_1", version: 1, patient: "pat_1")),
            what: "a version"
        )
        let second = try await R.apply(
            store, R.append(2), .insertRecordVersion(R.minimalVersion("ent_2", version: 1, patient: "pat_2")),
            .insertAuditEvent(R.event("aud_1", at: R.t0, patients: ["pat_1", "pat_2"])), what: "a version and an event"
        )
        let third = try await R.apply(
            store, R.append(3), .insertAttachment(file.record, chunks: file.chunks), what: "an attachment"
        )
        let leaves = R.leaves(first) + R.leaves(second) + R.leaves(third)
        try await store.integrate(
            StoreConformance.integration(
                previousSize: 0, previousRoot: RFC6962.emptyRoot, leaves: leaves, root: StoreConformance.hash(3)
            )
        )
        _ = try await R.apply(
            store, R.append(4), .insertRecordVersion(R.minimalVersion("ent_2", version: 2, patient: "pat_2")),
            .insertAuditEvent(R.event("aud_2", at: R.t0 + 1, patients: ["pat_2"])),
            .insertComplianceVersion(R.complianceVersion("cmp_1", version: 1)), what: "a pending version"
        )
    }

    /// Snapshots `store` into memory.
    public static func snapshot(_ store: Store) async throws -> (CollectedSnapshot, SnapshotSummary) {
        var collected = CollectedSnapshot()
        let summary = try await store.writeSnapshot(to: &collected)
        return (collected, summary)
    }

    static let sameBytes: Check = { source, target in
        try await populate(source)
        let (taken, summary) = try await snapshot(source)
        try expect(taken.order == PortableSchema.tables.map(\.name), "tables came in another order than the schema's")
        for table in PortableSchema.tables {
            try expect((summary.rowCounts[table.name] ?? 0) > 0, "\(table.name) has no row in the snapshot")
        }
        try expect(summary.treeSize == 3, "the snapshot's tree size is not the head's")
        try expect(summary.latestCheckpoint == Array("note 3\n".utf8), "the snapshot's checkpoint is not the newest")
        var loading = taken
        try await target.loadSnapshot(from: &loading)
        let (again, againSummary) = try await snapshot(target)
        for name in taken.order {
            try expect(again.files[name] == taken.files[name], "\(name) differs after the restore")
        }
        try expect(againSummary.rowCounts == summary.rowCounts, "row counts differ after the restore")
    }

    static let recordsReadBack: Check = { source, target in
        try await populate(source)
        var (taken, _) = try await snapshot(source)
        try await target.loadSnapshot(from: &taken)
        try expect(try await target.accounts() == source.accounts(), "accounts differ")
        try expect(try await target.session(id: "ses_1") == source.session(id: "ses_1"), "the session differs")
        try expect(try await target.devices() == source.devices(), "devices differ")
        try expect(
            try await target.unusedRecoveryCodeCount(accountID: "acc_doctor") == 2,
            "unused recovery codes were not kept as they were"
        )
        try expect(
            try await target.breakGlassGrant(id: "bg_1") == source.breakGlassGrant(id: "bg_1"), "the grant differs")
        try expect(try await target.queueItem(id: "q_1") == source.queueItem(id: "q_1"), "the queue item differs")
        try expect(try await target.isClaimed("first-administrator"), "the one-time claim was lost")
        for id in ["pat_1", "pat_2"] {
            try expect(try await target.patient(id: id) == source.patient(id: id), "a patient differs")
        }
        try expect(
            try await target.careTeam(patientID: "pat_1") == source.careTeam(patientID: "pat_1"), "the team differs")
        try expect(
            try await target.patientLists(patientID: "pat_1") == source.patientLists(patientID: "pat_1"),
            "the lists differ"
        )
        for id in ["ent_1", "ent_2"] {
            try expect(try await target.entry(id: id) == source.entry(id: id), "an entry differs")
        }
        try expect(
            try await target.attachmentChunks(id: "att_1") == source.attachmentChunks(id: "att_1"), "chunks differ")
        let events = AuditQuery(limit: 10)
        try expect(
            try await target.auditEvents(events).map(\.id) == source.auditEvents(events).map(\.id),
            "the access log differs"
        )
    }

    /// Each version's, event's and attachment's leaf has the same status in both stores.
    static let leafReferences: Check = { source, target in
        try await populate(source)
        var (taken, _) = try await snapshot(source)
        try await target.loadSnapshot(from: &taken)
        func statuses(_ store: Store) async throws -> [LeafStatus] {
            var found: [LeafStatus] = []
            for object in ["ent_1", "ent_2"] {
                for version in try await store.versions(objectID: object) {
                    guard let leaf = version.leafID else { throw ConformanceFailure("a version has no leaf") }
                    found.append(try await store.status(of: leaf))
                }
            }
            guard let leaf = try await store.attachment(id: "att_1")?.leafID else {
                throw ConformanceFailure("the attachment has no leaf")
            }
            found.append(try await store.status(of: leaf))
            return found
        }
        let before = try await statuses(source)
        try expect(
            before == [.integrated(index: 0), .integrated(index: 1), .pending, .integrated(index: 2)],
            "the source's leaves are not where the fixture put them"
        )
        try expect(try await statuses(target) == before, "a leaf reference points elsewhere after the restore")
        for version in try await target.versions(objectID: "ent_2") {
            try expect(version.leafID != nil, "a restored version lost its leaf")
        }
    }

    static let pendingIntegrates: Check = { source, target in
        try await populate(source)
        var (taken, _) = try await snapshot(source)
        try await target.loadSnapshot(from: &taken)
        let pending = try await target.pendingLeaves(limit: 10)
        try expect(pending.map(\.leaf) == [StoreConformance.append(4).leaf], "the pending leaf is not pending")
        try await target.integrate(
            LedgerIntegration(
                previousSize: 3, previousRoot: StoreConformance.hash(3), leaves: pending.map(\.id),
                tiles: [StoredTile(level: 0, index: 0, hashes: [UInt8](repeating: 7, count: 32 * 4))],
                checkpoint: StoredCheckpoint(
                    size: 4, root: StoreConformance.hash(4), note: Array("note 4\n".utf8), sealedAt: 2)
            )
        )
        try expect(
            try await target.status(of: pending[0].id) == .integrated(index: 3), "the pending leaf is not fourth")
        let appended = try await R.apply(target, R.append(5), what: "an append after the restore")
        try expect(
            try await target.status(of: R.leaves(appended)[0]) == .pending,
            "an append after the restore collides with a restored leaf"
        )
        try expect(
            try await target.pendingLeaves(limit: 10).map(\.leaf) == [StoreConformance.append(5).leaf],
            "the new append is lost")
    }

    static let refusesNonEmpty: Check = { source, target in
        try await populate(source)
        var (taken, _) = try await snapshot(source)
        _ = try await R.apply(
            target, .putPatient(R.minimalPatient("pat_9", number: 9), expectedRevision: nil), what: "a patient")
        do {
            try await target.loadSnapshot(from: &taken)
            throw ConformanceFailure("a non-empty target was loaded")
        } catch SnapshotError.targetNotEmpty {}
        try expect(try await target.patient(id: "pat_1") == nil, "a refused load wrote a row")
        try expect(try await target.patient(id: "pat_9") != nil, "a refused load removed a row")
    }

    /// A file cut short fails the load before it completes; the caller discards the target (the
    /// SQLite restore builds under a temporary name), so only the refusal is checked here.
    static let truncatedLoadsNothing: Check = { source, target in
        try await populate(source)
        let (taken, _) = try await snapshot(source)
        var cut = taken
        cut.truncate("record_version", by: 5)
        do {
            try await target.loadSnapshot(from: &cut)
            throw ConformanceFailure("a truncated snapshot was loaded")
        } catch SnapshotError.malformed {}
    }
}

extension CollectedSnapshot {
    /// Drops the last `count` bytes of a table's file (for the fault checks).
    public mutating func truncate(_ table: String, by count: Int) {
        replaceFile(table) { $0.removeLast(count) }
    }
}
