import Foundation
import GRDB
import KuraStore

extension SQLiteStore {
    /// Applies `units` in one immediate transaction and returns after the COMMIT has been
    /// fsynced (`synchronous=FULL`). Each unit is all-or-nothing: a savepoint wraps every unit
    /// that could fail on its own (see the `WriteBatchStore` contract).
    public func commit(
        _ units: [WriteUnit]
    ) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>] {
        try await mapped {
            try await pool.writeWithoutTransaction { db in
                var results: [Result<[StoreWriteOutcome], StoreError>] = []
                results.reserveCapacity(units.count)
                try db.inTransaction(.immediate) {
                    var next = try Self.nextLeafIndex(db)
                    let statements = try BatchStatements(db)
                    for unit in units {
                        // The shared rules first, so every backend refuses alike.
                        if let error = unit.validationError {
                            results.append(.failure(error))
                            continue
                        }
                        // The unit's most recent append, which its versions, audit events and
                        // attachments are bound to; it never reaches into the next unit.
                        var lastLeaf: LeafID?
                        // A unit that cannot fail alone needs no savepoint; an error there is
                        // the transaction's own and fails the whole batch.
                        guard unit.mayFailInDatabase else {
                            results.append(
                                .success(
                                    try unit.writes.map {
                                        try statements.apply($0, nextLeafIndex: &next, lastLeaf: &lastLeaf)
                                    }))
                            continue
                        }
                        let start = next
                        do {
                            var outcomes: [StoreWriteOutcome] = []
                            try db.inSavepoint {
                                outcomes = try unit.writes.map {
                                    try statements.apply($0, nextLeafIndex: &next, lastLeaf: &lastLeaf)
                                }
                                return .commit
                            }
                            results.append(.success(outcomes))
                        } catch {
                            // The savepoint was rolled back: so were the indices it took.
                            next = start
                            results.append(.failure(SQLiteStore.map(error)))
                        }
                    }
                    return .commit
                }
                return results
            }
        }
    }

    /// The index the next appended leaf gets: leaves are numbered at append time because
    /// SQLite has one writer, so numbering in commit order is contiguous by construction.
    static func nextLeafIndex(_ db: Database) throws -> Int64 {
        let leaf = try Int64.fetchOne(db, sql: "SELECT max(idx) FROM ledger_leaf") ?? -1
        let detail = try Int64.fetchOne(db, sql: "SELECT max(idx) FROM ledger_detail") ?? -1
        return max(leaf, detail) + 1
    }

}

/// The prepared statements of an append, looked up once per batch rather than per write; the
/// identity and record writes take theirs from the connection's statement cache.
struct BatchStatements {
    let db: Database
    let leaf: Statement
    let detail: Statement

    init(_ db: Database) throws {
        self.db = db
        leaf = try db.cachedStatement(sql: "INSERT INTO ledger_leaf (idx, leaf) VALUES (?, ?)")
        detail = try db.cachedStatement(
            sql: "INSERT INTO ledger_detail (idx, salt, details, appended_at) VALUES (?, ?, ?, ?)"
        )
    }

    /// Applies one write; an append takes the next leaf index and becomes the unit's `lastLeaf`,
    /// which the LeafID of a later version, audit event or attachment in the unit is.
    func apply(_ write: StoreWrite, nextLeafIndex: inout Int64, lastLeaf: inout LeafID?) throws -> StoreWriteOutcome {
        switch write {
        case .appendLeaf(let append):
            let index = nextLeafIndex
            try leaf.execute(arguments: [index, Data(append.leaf)])
            try detail.execute(arguments: [index, Data(append.salt), Data(append.details), append.appendedAt])
            nextLeafIndex += 1
            lastLeaf = LeafID(rawValue: index)
            return .leafAppended(LeafID(rawValue: index))
        case .putAccount, .putSession, .endSessions, .endDeviceSessions, .putDevice, .replaceRecoveryCodes,
            .consumeRecoveryCode, .insertBreakGlassGrant, .putQueueItem, .claimOnce:
            return try SQLiteStore.apply(identity: write, in: db)
        case .putPatient, .addCareTeamMember, .removeCareTeamMember, .putPatientList, .putEntry,
            .insertRecordVersion, .insertAuditEvent, .insertAttachment, .insertComplianceVersion:
            return try SQLiteStore.apply(record: write, leaf: lastLeaf, in: db)
        }
    }
}
