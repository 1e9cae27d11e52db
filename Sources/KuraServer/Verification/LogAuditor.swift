import KuraCore
import KuraStore

/// The auditor's operations on a stored log: verify it whole, prove inclusion and
/// consistency from its tiles (`kura verify …`, `kura log proof`).
public struct LogAuditor: Sendable {
    let store: any LedgerStore
    let verifier: NoteVerifier

    /// Creates an auditor of `store`, trusting checkpoints signed by `verifier`.
    public init(store: any LedgerStore, verifier: NoteVerifier) {
        self.store = store
        self.verifier = verifier
    }

    /// Recomputes the whole log in one pass (DESIGN "Verifying"): every row, commitment,
    /// checkpoint signature and root, and every served tile. Stops at the first failure.
    ///
    /// The work overlaps: the store reads `readsAhead` batches ahead (on its own threads, or in
    /// the database server), another task checks each row of the next batch on its own
    /// (commitment, leaf hash), and this task adds the rows of the current one to the tree in
    /// order. The report is the same as checking row after row (``LogVerifier/check(_:checks:)``).
    public func verifyLog(batchSize: Int = 8192, readsAhead: Int = 2) async throws -> LogVerifier.Report {
        let stored = try await store.checkpoints()
        var pass = LogVerifier(verifier: verifier, checkpoints: stored)
        let extent = try await store.storedExtent()
        let store = self.store
        let ranges = stride(from: UInt64(0), to: extent, by: batchSize).map { start in
            start..<min(extent, start + UInt64(batchSize))
        }
        try await withThrowingTaskGroup(of: (Int, LedgerRowBatch).self) { reads in
            var started = 0
            var arrived: [Int: LedgerRowBatch] = [:]
            func readNext() {
                guard started < ranges.count else { return }
                let (number, range) = (started, ranges[started])
                reads.addTask { (number, try await store.rows(in: range)) }
                started += 1
            }
            // Batch `number`, once read; starts the read of another batch.
            func take(_ number: Int) async throws -> LedgerRowBatch {
                while arrived[number] == nil {
                    guard let (done, rows) = try await reads.next() else { break }
                    arrived[done] = rows
                }
                readNext()
                return arrived.removeValue(forKey: number) ?? LedgerRowBatch()
            }
            for _ in 0..<max(1, readsAhead) { readNext() }
            guard !ranges.isEmpty else { return }
            var rows = try await take(0)
            var checks = LedgerRowChecks(rows, positions: rows.indices)
            for number in ranges.indices where pass.failure == nil {
                let next = number + 1 < ranges.count ? try await take(number + 1) : nil
                async let nextChecks = next.map { LedgerRowChecks($0, positions: $0.indices) }
                pass.check(rows, checks: checks)
                try await compare(pass.takeCompletedTiles(), into: &pass)
                guard let next, let checked = await nextChecks else { break }
                (rows, checks) = (next, checked)
            }
            reads.cancelAll()
        }
        var report = pass.finish(extent: extent)
        if report.failure == nil {
            try await compare(pass.partialTiles(), into: &pass)
            report.failure = pass.failure
        }
        return report
    }

    /// Compares recomputed tiles with the stored ones, reading each level's stored tiles in one
    /// range query; reports the first difference in the order the tiles were recomputed.
    func compare(_ tiles: [LogVerifier.ExpectedTile], into pass: inout LogVerifier) async throws {
        guard !tiles.isEmpty, pass.failure == nil else { return }
        var stored: [Int: [UInt64: StoredTile]] = [:]
        for level in Set(tiles.map(\.level)) {
            let indices = tiles.filter { $0.level == level }.map(\.index)
            let range = indices.min()!..<(indices.max()! + 1)
            let found = try await store.tiles(level: level, in: range)
            stored[level] = Dictionary(found.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        }
        for expected in tiles {
            guard let tile = stored[expected.level]?[expected.index] else {
                pass.report(.missingTile(level: expected.level, index: expected.index))
                return
            }
            // A stored partial tile may be wider than an older checkpoint's: compare the prefix.
            guard tile.hashes.count >= expected.hashes.count,
                tile.hashes.prefix(expected.hashes.count).elementsEqual(expected.hashes)
            else {
                pass.report(.tileMismatch(level: expected.level, index: expected.index))
                return
            }
        }
    }

    /// A C2SP tlog-proof of leaf `index` against the newest checkpoint.
    public func inclusionProof(index: UInt64) async throws -> TlogProof {
        guard let latest = try await store.latestCheckpoint() else { throw AuditError.noCheckpoint }
        guard index < latest.size else { throw AuditError.indexBeyondCheckpoint(index: index, size: latest.size) }
        let reader = try await reader(for: InclusionProof.requiredNodes(index: index, size: latest.size))
        let hashes = try InclusionProof.generate(index: index, size: latest.size, nodes: reader.nodeHash(level:index:))
        let note = try SignedNote.parse(latest.note)
        return try TlogProof(index: index, hashes: hashes, signedCheckpoint: note)
    }

    /// A consistency proof from an older checkpoint (as an auditor kept it) to the newest one,
    /// checked here; returns the newest checkpoint on success.
    public func verifyConsistency(from oldNote: [UInt8]) async throws -> Checkpoint {
        guard case .verified(let old) = Checkpoint.open(oldNote, verifier: verifier) else {
            throw AuditError.checkpointRejected
        }
        guard let latest = try await store.latestCheckpoint(),
            case .verified(let new) = Checkpoint.open(latest.note, verifier: verifier)
        else { throw AuditError.noCheckpoint }
        guard old.size <= new.size else { throw AuditError.checkpointNewerThanLog }
        var proof: [LogHash] = []
        if old.size > 0 {
            let reader = try await reader(for: ConsistencyProof.requiredNodes(from: old.size, to: new.size))
            proof = try ConsistencyProof.generate(from: old.size, to: new.size, nodes: reader.nodeHash(level:index:))
        }
        let result = OfflineVerification.consistency(old: old, new: new, proof: proof)
        guard result == .valid else { throw AuditError.inconsistent(result) }
        return new
    }

    /// Reads the stored tiles that hold `nodes`.
    func reader(for nodes: [NodePosition]) async throws -> TileHashReader {
        TileHashReader(tiles: try await LedgerTree.hashTiles(at: TileHashReader.requiredTiles(for: nodes), from: store))
    }
}

/// Why an audit operation could not answer.
public enum AuditError: Error, Equatable, CustomStringConvertible {
    /// The log has no checkpoint yet.
    case noCheckpoint
    /// The leaf is not covered by the newest checkpoint (yet).
    case indexBeyondCheckpoint(index: UInt64, size: UInt64)
    /// The given checkpoint does not verify with the log's key.
    case checkpointRejected
    /// The given checkpoint is larger than the log's newest: the log was rolled back or forked.
    case checkpointNewerThanLog
    /// The consistency proof failed: the log was rewritten since the given checkpoint.
    case inconsistent(ProofResult)

    /// A message for the auditor.
    public var description: String {
        switch self {
        case .noCheckpoint: "the log has no checkpoint yet"
        case .indexBeyondCheckpoint(let index, let size):
            "leaf \(index) is not in the newest checkpoint (size \(size)) yet"
        case .checkpointRejected: "the checkpoint does not verify with the log's key"
        case .checkpointNewerThanLog:
            "the checkpoint is larger than the log's newest: the log was rolled back or replaced"
        case .inconsistent(let result): "the log is not consistent with the checkpoint: \(result)"
        }
    }
}
