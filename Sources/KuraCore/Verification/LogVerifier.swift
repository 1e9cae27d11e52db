/// Recomputes a ledger from its rows in one pass and checks everything a database could hide:
/// contiguous numbering, one details row per leaf, every commitment, every checkpoint's
/// signature and root, and every tile (DESIGN "Verifying", AUD-2, REC-1).
///
/// Pure: the caller streams batches of rows in index order into ``check(_:checks:)``, compares
/// the tiles it is handed, and calls ``finish(extent:)``. The first failure is kept; later input is ignored.
/// Checking every checkpoint's root against the same recomputed tree also proves that all
/// checkpoints are consistent with one another.
public struct LogVerifier: Sendable {
    /// What the pass found.
    public struct Report: Sendable, Equatable {
        /// Rows checked (leaves with their details).
        public var leaves: UInt64
        /// Checkpoints whose signature and root were checked.
        public var checkpoints: Int
        /// The newest checkpoint's size (0 if none).
        public var signedSize: UInt64
        /// Leaves stored beyond the newest checkpoint (not yet integrated).
        public var pending: UInt64
        /// The first failure, or nil when everything holds.
        public var failure: LogVerificationFailure?
    }

    /// A tile recomputed from the leaves, for the caller to compare with the stored one.
    public struct ExpectedTile: Sendable, Equatable {
        /// The tile level.
        public var level: Int
        /// The tile index.
        public var index: UInt64
        /// The concatenated hashes (a prefix of a stored tile is not enough: equal bytes).
        public var hashes: [UInt8]
    }

    let noteVerifier: NoteVerifier
    let checkpoints: [StoredCheckpoint]
    var nextCheckpoint = 0
    var tree = CompactRange()
    /// The hashes of the tile being filled at each tile level.
    var tileBuffers: [[UInt8]] = []
    var readyTiles: [ExpectedTile] = []
    var checkedCheckpoints = 0
    /// The first failure found.
    public private(set) var failure: LogVerificationFailure?

    /// The newest checkpoint's size; tiles are compared up to it.
    public var signedSize: UInt64 { checkpoints.last?.size ?? 0 }

    /// Starts a pass over a log whose stored checkpoints are `checkpoints`.
    public init(verifier: NoteVerifier, checkpoints: [StoredCheckpoint]) {
        self.noteVerifier = verifier
        self.checkpoints = checkpoints.sorted { $0.size < $1.size }
        for record in self.checkpoints {
            guard case .verified(let checkpoint) = Checkpoint.open(record.note, verifier: verifier) else {
                failure = .checkpointSignature(size: record.size)
                break
            }
            guard checkpoint.size == record.size, checkpoint.root == record.root else {
                failure = .checkpointRecordMismatch(size: record.size)
                break
            }
        }
        checkRootsAtCurrentSize()
    }

    /// The number of leaves checked so far.
    public var size: UInt64 { tree.size }

    /// Checks the next rows, in increasing index order, on this task alone.
    public mutating func check(_ batch: LedgerRowBatch) {
        check(batch, checks: LedgerRowChecks(batch, positions: batch.indices))
    }

    /// Checks the next rows, in increasing index order, given their own checks (made by
    /// ``LedgerRowChecks`` for every position of `batch`, in order, possibly in parts on other
    /// cores): numbering, then each row's own checks, then the tree, tiles and checkpoints.
    ///
    /// Reports exactly what checking the rows one by one reports: rows after the first failure
    /// are never added, so ``size`` counts the rows that passed.
    public mutating func check(_ batch: LedgerRowBatch, checks: LedgerRowChecks) {
        precondition(
            checks.positions.lowerBound == 0 && (checks.failure != nil || checks.positions.upperBound == batch.count),
            "the checks must cover the batch"
        )
        for position in batch.indices {
            guard failure == nil else { return }
            guard batch.index(at: position) == tree.size else {
                failure = .missingRow(index: tree.size)
                return
            }
            guard position < checks.leafHashes.count else {
                failure = checks.failure
                return
            }
            append(checks.leafHashes[position])
        }
    }

    /// Adds a checked leaf to the tree, collects the tiles it completes and compares the
    /// checkpoint roots at the new size.
    mutating func append(_ leafHash: LogHash) {
        let signed = signedSize
        tree.append(leafHash) { level, index, hash in
            guard level % 8 == 0 else { return }
            let tileLevel = level / 8
            // Only nodes inside the newest checkpoint are served as tiles.
            guard (index + 1) << UInt64(level) <= signed else { return }
            while tileBuffers.count <= tileLevel { tileBuffers.append([]) }
            hash.withUnsafeBytes { tileBuffers[tileLevel].append(contentsOf: $0) }
            if index & 255 == 255 {
                readyTiles.append(ExpectedTile(level: tileLevel, index: index >> 8, hashes: tileBuffers[tileLevel]))
                tileBuffers[tileLevel].removeAll(keepingCapacity: true)
            }
        }
        checkRootsAtCurrentSize()
    }

    /// Hands over the full tiles recomputed since the last call, for comparison.
    public mutating func takeCompletedTiles() -> [ExpectedTile] {
        defer { readyTiles = [] }
        return readyTiles
    }

    /// The right-edge (partial) tiles of the newest checkpoint, recomputed, for the caller to
    /// compare once every row is checked.
    public func partialTiles() -> [ExpectedTile] {
        let signed = signedSize
        return tileBuffers.enumerated().filter { !$0.element.isEmpty }.map { level, hashes in
            ExpectedTile(level: level, index: (signed >> UInt64(8 * level)) >> 8, hashes: hashes)
        }
    }

    /// Ends the pass: `extent` is one past the highest index stored in either table.
    public mutating func finish(extent: UInt64) -> Report {
        if failure == nil, extent > tree.size {
            failure = .missingRow(index: tree.size)
        }
        if failure == nil, nextCheckpoint < checkpoints.count {
            failure = .checkpointBeyondLog(size: checkpoints[nextCheckpoint].size)
        }
        let signed = signedSize
        return Report(
            leaves: tree.size,
            checkpoints: checkedCheckpoints,
            signedSize: signed,
            pending: tree.size > signed ? tree.size - signed : 0,
            failure: failure
        )
    }

    /// Records a tile comparison failure found by the caller.
    public mutating func report(_ failure: LogVerificationFailure) {
        if self.failure == nil { self.failure = failure }
    }

    mutating func checkRootsAtCurrentSize() {
        while failure == nil, nextCheckpoint < checkpoints.count, checkpoints[nextCheckpoint].size == tree.size {
            if checkpoints[nextCheckpoint].root != tree.root() {
                failure = .checkpointRoot(size: tree.size)
                return
            }
            checkedCheckpoints += 1
            nextCheckpoint += 1
        }
    }
}
