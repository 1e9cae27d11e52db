import KuraStore
import PostgresNIO

extension PostgresStore: WriteBatchStore {
    /// Applies `units` in one transaction and answers after `COMMIT` (group commit).
    ///
    /// Each unit is all or nothing, the outcomes are in unit order, and a failing unit fails
    /// alone. A unit fails alone in one of two ways, and the plan follows from them:
    /// 1. **Its values break a rule the store checks before any SQL** (``StoreWrite/validationError``,
    ///    the same rules as the schema's CHECK constraints). Such a unit is answered at once and
    ///    never sent.
    /// 2. **The database refuses one of its writes** (``StoreWrite/mayFailInDatabase``: a unique
    ///    key, a compare-and-swap that lost, a recovery code already used). Such a unit runs in
    ///    a savepoint: `SAVEPOINT` before it, `RELEASE` after it, and when a statement fails
    ///    `ROLLBACK TO SAVEPOINT`, because a failed statement leaves a PostgreSQL transaction
    ///    aborted (SQLSTATE 25P02 for everything after it) until then. The unit's result is the
    ///    error and the batch goes on.
    ///
    /// Consecutive units that cannot fail in the database (appends, ending sessions, replacing
    /// recovery codes) run together without savepoints, their consecutive appends in one
    /// statement: a savepoint would cost two round trips each and change nothing, because the
    /// only failures left to them are the transaction's own (connection, disk, shutdown), which
    /// fail every unit anyway. A batch of appends alone is therefore `BEGIN`, one insert, `COMMIT`.
    ///
    /// Errors that are not one unit's own (the connection, a savepoint command, the `COMMIT`)
    /// throw, and then no unit is durable (WriteBatchStore contract).
    public func commit(
        _ units: [WriteUnit]
    ) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        try await ready()
        var results: [Result<[StoreWriteOutcome], StoreError>?] = units.map { unit in
            unit.validationError.map { .failure($0) }
        }
        let valid = results.indices.filter { results[$0] == nil }
        guard !valid.isEmpty else { return results.compactMap { $0 } }
        let validUnits = valid.map { units[$0] }
        let applied = try await withTransaction { connection in
            try await self.apply(validUnits, on: connection)
        }
        for (index, result) in zip(valid, applied) { results[index] = result }
        return results.compactMap { $0 }
    }

    /// Applies valid units in order: runs of units that cannot fail together, each unit that may
    /// fail in its own savepoint.
    private func apply(
        _ units: [WriteUnit],
        on connection: PostgresConnection
    ) async throws -> [Result<[StoreWriteOutcome], StoreError>] {
        var results: [Result<[StoreWriteOutcome], StoreError>] = []
        results.reserveCapacity(units.count)
        var run: [WriteUnit] = []
        for unit in units {
            guard unit.mayFailInDatabase else {
                run.append(unit)
                continue
            }
            results += try await applyTogether(run, on: connection)
            run = []
            results.append(try await applyInSavepoint(unit, on: connection))
        }
        results += try await applyTogether(run, on: connection)
        return results
    }

    /// Applies units that cannot fail in the database as one sequence of writes, then splits the
    /// outcomes by unit.
    private func applyTogether(
        _ units: [WriteUnit],
        on connection: PostgresConnection
    ) async throws -> [Result<[StoreWriteOutcome], StoreError>] {
        guard !units.isEmpty else { return [] }
        // No write here binds a leaf (those may fail in the database, so their units run in
        // savepoints), so flattening cannot bind a write to another unit's append.
        assert(!units.contains { $0.writes.contains(where: \.bindsLeaf) })
        let outcomes = try await apply(units.flatMap(\.writes), on: connection)
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

    /// Applies one unit in its own savepoint; a failure of the unit's own rolls back to it.
    private func applyInSavepoint(
        _ unit: WriteUnit,
        on connection: PostgresConnection
    ) async throws -> Result<[StoreWriteOutcome], StoreError> {
        try await connection.query("SAVEPOINT kura_unit", logger: driverLogger)
        do {
            let outcomes = try await apply(unit.writes, on: connection)
            try await connection.query("RELEASE SAVEPOINT kura_unit", logger: driverLogger)
            return .success(outcomes)
        } catch let error where Self.isUnitError(error) {
            // ROLLBACK TO keeps the savepoint; RELEASE it so the next unit's has the name alone.
            // Either command failing means the transaction itself is gone: it throws.
            try await connection.query("ROLLBACK TO SAVEPOINT kura_unit", logger: driverLogger)
            try await connection.query("RELEASE SAVEPOINT kura_unit", logger: driverLogger)
            return .failure(StoreError(postgres: error))
        }
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
    /// appends share one statement, flushed before any other write so that order is kept.
    ///
    /// `lastLeaf` is the pending id of the most recent append so far: a version, audit event or
    /// attachment is bound to it (RecordStore contract). A run's last id is that of its last
    /// append, because ``appendPending(_:on:)`` answers the ids in append order.
    private func apply(_ writes: [StoreWrite], on connection: PostgresConnection) async throws -> [StoreWriteOutcome] {
        var outcomes: [StoreWriteOutcome] = []
        outcomes.reserveCapacity(writes.count)
        var appends: [LedgerAppend] = []
        var lastLeaf: LeafID?
        for write in writes {
            if case .appendLeaf(let append) = write {
                appends.append(append)
                continue
            }
            outcomes += try await flush(&appends, lastLeaf: &lastLeaf, on: connection)
            outcomes.append(try await applyOne(write, leaf: lastLeaf, on: connection))
        }
        outcomes += try await flush(&appends, lastLeaf: &lastLeaf, on: connection)
        return outcomes
    }

    /// Inserts the pending run of appends, if any, empties it and moves `lastLeaf` to its last.
    private func flush(
        _ appends: inout [LedgerAppend], lastLeaf: inout LeafID?, on connection: PostgresConnection
    ) async throws -> [StoreWriteOutcome] {
        guard !appends.isEmpty else { return [] }
        let ids = try await appendPending(appends, on: connection)
        appends = []
        lastLeaf = ids.last ?? lastLeaf
        return ids.map { .leafAppended($0) }
    }
}
