import KuraCore
import KuraStore

/// A failed conformance check, naming the check and what differed (no data values).
public struct ConformanceFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String

    /// Creates a failure.
    public init(_ description: String) { self.description = description }
}

/// The store conformance suite: the behaviour every backend (in-memory, SQLite, PostgreSQL)
/// must show, written once against the protocols (STYLE 7).
///
/// Each check gets a fresh, migrated store whose log is empty. Checks throw
/// ``ConformanceFailure``; tests run every check against every backend by name.
public enum StoreConformance {
    /// A check against a fresh store.
    public typealias Check = @Sendable (any KuraStoreBackend) async throws -> Void

    /// Every check by name.
    public static let checks: [String: Check] = [
        "a fresh store is migrated and empty": freshStore,
        "a batch answers one result per unit in order": batchOutcomes,
        "a failing unit rolls back alone": failingUnitAlone,
        "a unit is all or nothing": unitAllOrNothing,
        "integration numbers pending leaves contiguously": integrationNumbers,
        "integration refuses a stale head and changes nothing": integrationCompareAndSwap,
        "integration refuses leaves that are not pending": integrationUnknownLeaf,
        "integration refuses a checkpoint of the wrong size": integrationWrongSize,
        "tiles are upserted as they grow": tilesGrow,
        "rows expose a missing side": rowsJoin,
    ]

    /// The names of every check, sorted, for `arguments:` tables.
    public static var checkNames: [String] { checks.keys.sorted() }

    /// A deterministic append whose bytes depend on `n` only.
    public static func append(_ n: Int, saltLength: Int = 32) -> LedgerAppend {
        let tag = Array("\(n)".utf8)
        return LedgerAppend(
            leaf: Array("{\"c\":\"".utf8) + tag + Array("\",\"v\":1}".utf8),
            salt: [UInt8](repeating: UInt8(truncatingIfNeeded: n), count: saltLength),
            details: Array("{\"n\":".utf8) + tag + Array("}".utf8),
            appendedAt: 1_700_000_000_000 + Int64(n)
        )
    }

    /// A hash whose every byte is `byte`.
    static func hash(_ byte: UInt8) -> LogHash {
        LogHash(bytes: [UInt8](repeating: byte, count: 32))!
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(message()) }
    }

    static func appendAll(_ store: any KuraStoreBackend, _ numbers: [Int]) async throws -> [LeafID] {
        let results = try await store.commit(numbers.map { WriteUnit([.appendLeaf(append($0))]) })
        return try results.map { result in
            guard case .success(let outcomes) = result, case .leafAppended(let id) = outcomes.first else {
                throw ConformanceFailure("an append failed")
            }
            return id
        }
    }

    static func integration(
        previousSize: UInt64,
        previousRoot: LogHash,
        leaves: [LeafID],
        root: LogHash
    ) -> LedgerIntegration {
        let size = previousSize + UInt64(leaves.count)
        return LedgerIntegration(
            previousSize: previousSize,
            previousRoot: previousRoot,
            leaves: leaves,
            tiles: [StoredTile(level: 0, index: 0, hashes: [UInt8](repeating: 7, count: 32 * Int(size)))],
            checkpoint: StoredCheckpoint(size: size, root: root, note: Array("note \(size)\n".utf8), sealedAt: 1)
        )
    }

    static let freshStore: Check = { store in
        try expect(try await store.schemaVersion() == store.currentVersion, "schema version is not current")
        try expect(try await store.migrate().isEmpty, "a second migrate applied something")
        try expect(try await store.latestCheckpoint() == nil, "a fresh log has a checkpoint")
        try expect(try await store.storedExtent() == 0, "a fresh log has rows")
        try expect(try await store.pendingLeaves(limit: 10).isEmpty, "a fresh log has pending leaves")
        try expect(try await store.checkpoints().isEmpty, "a fresh log lists checkpoints")
    }

    static let batchOutcomes: Check = { store in
        let ids = try await appendAll(store, Array(0..<5))
        try expect(Set(ids).count == 5, "leaf ids are not distinct")
        let pending = try await store.pendingLeaves(limit: 100)
        try expect(pending.map(\.id) == ids, "pending order differs from commit order")
        try expect(pending.map(\.leaf) == (0..<5).map { append($0).leaf }, "pending leaf bytes differ")
        for id in ids {
            try expect(try await store.status(of: id) == .pending, "an appended leaf is not pending")
        }
        try expect(try await store.pendingLeaves(limit: 2).count == 2, "the limit is not honoured")
    }

    static let failingUnitAlone: Check = { store in
        let units = [
            WriteUnit([.appendLeaf(append(1))]),
            WriteUnit([.appendLeaf(append(2, saltLength: 3))]),
            WriteUnit([.appendLeaf(append(3))]),
        ]
        let results = try await store.commit(units)
        try expect(results.count == 3, "one result per unit")
        guard case .success = results[0], case .failure(let error) = results[1], case .success = results[2] else {
            throw ConformanceFailure("only the bad unit must fail")
        }
        try expect(error.description.contains("constraint"), "the failure is not a constraint violation")
        let pending = try await store.pendingLeaves(limit: 10)
        try expect(pending.map(\.leaf) == [append(1).leaf, append(3).leaf], "the failing unit left a trace")
    }

    static let unitAllOrNothing: Check = { store in
        let results = try await store.commit([
            WriteUnit([.appendLeaf(append(1)), .appendLeaf(append(2, saltLength: 0))])
        ])
        guard case .failure = results.first else { throw ConformanceFailure("the unit did not fail") }
        try expect(try await store.pendingLeaves(limit: 10).isEmpty, "half a unit was applied")
        let again = try await appendAll(store, [4])
        try expect(try await store.pendingLeaves(limit: 10).map(\.id) == again, "the next unit is not alone")
    }

    static let integrationNumbers: Check = { store in
        let first = try await appendAll(store, [0, 1, 2])
        try await store.integrate(
            integration(previousSize: 0, previousRoot: RFC6962.emptyRoot, leaves: first, root: hash(1))
        )
        let second = try await appendAll(store, [3, 4])
        try expect(try await store.status(of: second[0]) == .pending, "a new leaf is not pending")
        try await store.integrate(
            integration(previousSize: 3, previousRoot: hash(1), leaves: second, root: hash(2))
        )
        for (offset, id) in (first + second).enumerated() {
            try expect(
                try await store.status(of: id) == .integrated(index: UInt64(offset)),
                "leaf \(offset) is not integrated at its index"
            )
        }
        try expect(try await store.pendingLeaves(limit: 10).isEmpty, "integrated leaves are still pending")
        try expect(
            try await store.leaves(in: 0..<5) == (0..<5).map { append($0).leaf },
            "numbered leaves differ from the appended ones"
        )
        try expect(try await store.leaves(in: 1..<3).count == 2, "a leaf range is wrong")
        let latest = try await store.latestCheckpoint()
        try expect(latest?.size == 5 && latest?.root == hash(2), "the latest checkpoint is wrong")
        try expect(try await store.checkpoints().map(\.size) == [3, 5], "checkpoints are not all kept")
        try expect(try await store.storedExtent() == 5, "the stored extent is wrong")
        let rows = try await store.rows(in: 0..<5)
        try expect(rows.map(\.index) == [0, 1, 2, 3, 4], "rows are not one per index")
        try expect(rows.map(\.details) == (0..<5).map { append($0).details }, "details differ")
        try expect(rows.map(\.salt) == (0..<5).map { append($0).salt }, "salts differ")
        try expect(try await store.status(of: LeafID(rawValue: 999_999)) == .unknown, "an unknown id is known")
    }

    static let integrationCompareAndSwap: Check = { store in
        let ids = try await appendAll(store, [0, 1])
        let stale = integration(previousSize: 1, previousRoot: RFC6962.emptyRoot, leaves: ids, root: hash(1))
        do {
            try await store.integrate(stale)
            throw ConformanceFailure("a stale size was accepted")
        } catch StoreError.conflict {}
        let wrongRoot = integration(previousSize: 0, previousRoot: hash(9), leaves: ids, root: hash(1))
        do {
            try await store.integrate(wrongRoot)
            throw ConformanceFailure("a stale root was accepted")
        } catch StoreError.conflict {}
        try expect(try await store.latestCheckpoint() == nil, "a refused integration stored a checkpoint")
        try expect(try await store.pendingLeaves(limit: 10).map(\.id) == ids, "a refused integration moved leaves")
        try await store.integrate(
            integration(previousSize: 0, previousRoot: RFC6962.emptyRoot, leaves: ids, root: hash(1))
        )
        do {
            try await store.integrate(
                integration(previousSize: 0, previousRoot: RFC6962.emptyRoot, leaves: [], root: hash(3))
            )
            throw ConformanceFailure("a second integrator from the same head was accepted")
        } catch StoreError.conflict {}
    }

    static let integrationUnknownLeaf: Check = { store in
        let ids = try await appendAll(store, [0])
        let bogus = LeafID(rawValue: ids[0].rawValue + 1000)
        do {
            try await store.integrate(
                integration(previousSize: 0, previousRoot: RFC6962.emptyRoot, leaves: [ids[0], bogus], root: hash(1))
            )
            throw ConformanceFailure("a leaf that is not pending was integrated")
        } catch StoreError.conflict {}
        try expect(try await store.latestCheckpoint() == nil, "a refused integration stored a checkpoint")
        try expect(try await store.status(of: ids[0]) == .pending, "a refused integration numbered a leaf")
    }

    static let integrationWrongSize: Check = { store in
        let ids = try await appendAll(store, [0, 1])
        var wrong = integration(previousSize: 0, previousRoot: RFC6962.emptyRoot, leaves: ids, root: hash(1))
        wrong.checkpoint.size = 3
        do {
            try await store.integrate(wrong)
            throw ConformanceFailure("a checkpoint of the wrong size was accepted")
        } catch StoreError.constraintViolation {}
        try expect(try await store.latestCheckpoint() == nil, "a refused integration stored a checkpoint")
        try expect(try await store.pendingLeaves(limit: 10).map(\.id) == ids, "a refused integration moved leaves")
    }

    static let tilesGrow: Check = { store in
        let first = try await appendAll(store, [0, 1])
        var step = integration(previousSize: 0, previousRoot: RFC6962.emptyRoot, leaves: first, root: hash(1))
        step.tiles = [StoredTile(level: 0, index: 0, hashes: [UInt8](repeating: 1, count: 64))]
        try await store.integrate(step)
        try expect(try await store.tile(level: 0, index: 0)?.width == 2, "the partial tile is not stored")
        let second = try await appendAll(store, [2])
        step = integration(previousSize: 2, previousRoot: hash(1), leaves: second, root: hash(2))
        step.tiles = [
            StoredTile(level: 0, index: 0, hashes: [UInt8](repeating: 2, count: 96)),
            StoredTile(level: 1, index: 0, hashes: [UInt8](repeating: 3, count: 32)),
        ]
        try await store.integrate(step)
        let grown = try await store.tile(level: 0, index: 0)
        try expect(grown?.hashes == [UInt8](repeating: 2, count: 96), "the tile did not grow")
        try expect(try await store.tile(level: 1, index: 0)?.width == 1, "an upper tile is missing")
        try expect(try await store.tile(level: 0, index: 1) == nil, "a tile that was never stored exists")
    }

    static let rowsJoin: Check = { store in
        let ids = try await appendAll(store, [0, 1, 2])
        try await store.integrate(
            integration(previousSize: 0, previousRoot: RFC6962.emptyRoot, leaves: ids, root: hash(1))
        )
        let rows = try await store.rows(in: 1..<10)
        try expect(rows.map(\.index) == [1, 2], "the range is not honoured")
        try expect(rows.allSatisfy { $0.leaf != nil && $0.details != nil }, "a side is missing")
    }
}
