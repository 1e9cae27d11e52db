/// One change inside a write unit. The set grows with the domain (records, identity, audit);
/// each backend applies every case natively.
public enum StoreWrite: Sendable, Equatable {
    /// Appends a leaf to the ledger's pending queue (DESIGN "Sequencing").
    case appendLeaf(LedgerAppend)
}

/// What one applied ``StoreWrite`` produced, in the same position as the write.
public enum StoreWriteOutcome: Sendable, Equatable {
    /// The leaf is queued; `id` is its opaque reference until (and after) it is integrated.
    case leafAppended(LeafID)
}

/// The writes of one request: applied all together or not at all.
public struct WriteUnit: Sendable, Equatable {
    /// The writes, applied in order.
    public var writes: [StoreWrite]

    /// Creates a unit from its writes.
    public init(_ writes: [StoreWrite]) {
        self.writes = writes
    }
}

/// Applies batches of write units in one transaction: the store side of group commit.
///
/// Durability contract (DESIGN "Writes, durability, audit"):
/// - `commit` MUST apply all units in one transaction and MUST behave as if every unit ran in
///   its own savepoint: a failing unit rolls back alone and the others still commit. A backend
///   uses a real savepoint for every unit with a write that may still fail in the database
///   (``StoreWrite/mayFailInDatabase``); units refused by ``StoreWrite/validationError`` never
///   reach the database, and units that cannot fail need none (a failure then is the
///   transaction's own and fails the batch).
/// - `commit` MUST NOT return before the transaction is durable (fsynced: SQLite
///   `synchronous=FULL`, PostgreSQL `synchronous_commit=on`).
/// - When the transaction itself fails (the COMMIT, the connection), `commit` MUST throw and
///   MUST NOT have made any unit durable.
public protocol WriteBatchStore: Sendable {
    /// Applies `units` in one durable transaction and returns one result per unit, in order.
    func commit(_ units: [WriteUnit]) async throws(StoreError) -> [Result<[StoreWriteOutcome], StoreError>]
}
