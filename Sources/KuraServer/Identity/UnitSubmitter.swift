import KuraStore

/// Something that commits write units durably: the group-commit writer in the server, the
/// store itself for a command-line tool that runs alone.
public protocol UnitSubmitter: Sendable {
    /// Applies `unit` all-or-nothing and returns its outcomes after the COMMIT.
    func submit(_ unit: WriteUnit) async throws(GroupCommitWriter.SubmitError) -> [StoreWriteOutcome]
}

extension GroupCommitWriter: UnitSubmitter {}

/// Commits each unit in its own transaction, straight to the store (for `kura user …`).
public struct DirectSubmitter: UnitSubmitter {
    let store: any WriteBatchStore

    /// Creates a submitter over `store`.
    public init(store: any WriteBatchStore) {
        self.store = store
    }

    /// Commits `unit` alone.
    public func submit(_ unit: WriteUnit) async throws(GroupCommitWriter.SubmitError) -> [StoreWriteOutcome] {
        let results: [Result<[StoreWriteOutcome], StoreError>]
        do {
            results = try await store.commit([unit])
        } catch {
            throw .batchFailed(error)
        }
        guard let result = results.first else { throw .batchFailed(.corrupt("no result for the unit")) }
        switch result {
        case .success(let outcomes): return outcomes
        case .failure(let error): throw .rejected(error)
        }
    }
}
