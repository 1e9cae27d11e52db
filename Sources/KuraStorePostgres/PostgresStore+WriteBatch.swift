import KuraStore
import PostgresNIO

extension PostgresStore: WriteBatchStore {
    /// Applies `units` in one transaction and answers after `COMMIT` (group commit).
    ///
    /// Each unit is all or nothing, the outcomes are in unit order, and a failing unit fails
    /// alone. A unit fails alone in one of two ways, and the plan follows from them:
    /// 1. **Its values break a rule the store checks before any SQL** (``StoreWrite/validationError``:
    ///    a salt that is not 32 bytes, a leaf outside 1…65,535 bytes — the same rules as the
    ///    schema's CHECK constraints). Such a unit is answered at once and never sent.
    /// 2. **The database refuses one of its statements** (``StoreWrite/mayFailInDatabase``, e.g.
    ///    a future unique constraint). No write can do that today.
    ///
    /// - **Bulk plan** (no remaining write may fail in the database — every batch today):
    ///   `BEGIN`, one statement inserting every leaf of every valid unit, `COMMIT`. A savepoint
    ///   per unit would cost two round trips per unit and change nothing, because the only
    ///   failures left are the transaction's own (connection, disk, shutdown), which fail every
    ///   unit anyway.
    /// - **Savepoint plan** (otherwise): `SAVEPOINT` before each unit, `RELEASE` after it; when
    ///   the server refuses a statement of the unit, `ROLLBACK TO SAVEPOINT`, the unit's result is
    ///   the error and the batch goes on. Consecutive appends in a unit still share a statement.
    ///
    /// Errors that are not one unit's own (the connection, a savepoint command, the `COMMIT`)
    /// throw, and then no unit is durable (WriteBatchStore contract).
    public func commit(
        _ units: [WriteUnit]
    ) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        try await commit(units, plan: nil)
    }

    /// How ``commit(_:)`` applies the valid units of a batch.
    enum CommitPlan {
        /// One statement for the whole batch, no savepoints.
        case bulk
        /// A savepoint per unit.
        case savepoints
    }

    /// Applies `units`, choosing the plan unless a test forces one.
    func commit(
        _ units: [WriteUnit],
        plan forcedPlan: CommitPlan?
    ) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        try await ready()
        var results: [Result<[StoreWriteOutcome], StoreError>?] = units.map { unit in
            unit.validationError.map { .failure($0) }
        }
        let valid = results.indices.filter { results[$0] == nil }
        guard !valid.isEmpty else { return results.compactMap { $0 } }
        let validUnits = valid.map { units[$0] }
        let mayFail = validUnits.contains(where: \.mayFailInDatabase)
        let plan = forcedPlan ?? (mayFail ? .savepoints : .bulk)
        let applied = try await withTransaction { connection in
            switch plan {
            case .savepoints: try await Self.applyWithSavepoints(validUnits, on: connection, store: self)
            case .bulk: try await Self.applyInBulk(validUnits, on: connection, store: self)
            }
        }
        for (index, result) in zip(valid, applied) { results[index] = result }
        return results.compactMap { $0 }
    }

    /// The bulk plan: one insert for every write of every unit.
    private static func applyInBulk(
        _ units: [WriteUnit],
        on connection: PostgresConnection,
        store: PostgresStore
    ) async throws -> [Result<[StoreWriteOutcome], StoreError>] {
        let outcomes = try await store.apply(units.flatMap(\.writes), on: connection)
        var results: [Result<[StoreWriteOutcome], StoreError>] = []
        results.reserveCapacity(units.count)
        var next = outcomes.startIndex
        for unit in units {
            let end = next + unit.writes.count
            results.append(.success(Array(outcomes[next..<end])))
            next = end
        }
        return results
    }

    /// The savepoint plan: each unit in its own savepoint.
    private static func applyWithSavepoints(
        _ units: [WriteUnit],
        on connection: PostgresConnection,
        store: PostgresStore
    ) async throws -> [Result<[StoreWriteOutcome], StoreError>] {
        var results: [Result<[StoreWriteOutcome], StoreError>] = []
        results.reserveCapacity(units.count)
        for unit in units {
            try await connection.query("SAVEPOINT kura_unit", logger: store.driverLogger)
            do {
                let outcomes = try await store.apply(unit.writes, on: connection)
                try await connection.query("RELEASE SAVEPOINT kura_unit", logger: store.driverLogger)
                results.append(.success(outcomes))
            } catch let error where Self.isUnitError(error) {
                // ROLLBACK TO keeps the savepoint; RELEASE it so the next unit's has the name alone.
                try await connection.query("ROLLBACK TO SAVEPOINT kura_unit", logger: store.driverLogger)
                try await connection.query("RELEASE SAVEPOINT kura_unit", logger: store.driverLogger)
                results.append(.failure(StoreError(postgres: error)))
            }
        }
        return results
    }

    /// Whether `error` belongs to one unit (the server refused its statement, or the store
    /// refused its values) rather than to the transaction or the connection.
    private static func isUnitError(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError: error.code == .server
        case is StoreError: true
        default: false
        }
    }

    /// Applies `writes` in order and returns one outcome per write; runs of consecutive
    /// appends share one statement.
    private func apply(_ writes: [StoreWrite], on connection: PostgresConnection) async throws -> [StoreWriteOutcome] {
        var outcomes: [StoreWriteOutcome] = []
        outcomes.reserveCapacity(writes.count)
        var appends: [LedgerAppend] = []
        for write in writes {
            switch write {
            case .appendLeaf(let append):
                appends.append(append)
            default:
                // Transitional: the identity writes land with the identity store.
                throw StoreError.backend("identity writes are not supported by this store yet")
            }
        }
        // Every write is an append today; when other cases arrive, flush `appends` before each.
        if !appends.isEmpty {
            let ids = try await appendPending(appends, on: connection)
            outcomes.append(contentsOf: ids.map { .leafAppended($0) })
        }
        return outcomes
    }
}
