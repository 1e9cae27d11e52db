/// The checks of `kura verify log` that need one row alone, run over a stretch of a batch: the
/// leaf and its details row are both there, the leaf is well formed, the details and salt match
/// its commitment; and the row's RFC 6962 leaf hash for the tree.
///
/// They are independent per row, so a caller may run them on other cores, in parts, while
/// ``LogVerifier`` adds earlier rows to the tree; ``LogVerifier/check(_:checks:)`` then reports
/// exactly what checking each row in turn would report.
public struct LedgerRowChecks: Sendable, Equatable {
    /// The positions of the batch checked.
    public private(set) var positions: Range<Int>
    /// The leaf hashes of the rows that passed, from the first position on, up to the first
    /// failure.
    public private(set) var leafHashes: [LogHash]
    /// The failure of the row right after the last hashed one, or nil when every row passed.
    public private(set) var failure: LogVerificationFailure?

    /// Checks the rows of `batch` at `positions`, stopping at the first failure.
    public init(_ batch: LedgerRowBatch, positions: Range<Int>) {
        self.positions = positions
        leafHashes = []
        leafHashes.reserveCapacity(positions.count)
        for position in positions {
            let result = batch.withRow(at: position) { leaf, salt, details in
                Self.check(index: batch.index(at: position), leaf: leaf, salt: salt, details: details)
            }
            switch result {
            case .success(let hash):
                leafHashes.append(hash)
            case .failure(let failure):
                self.failure = failure
                return
            }
        }
    }

    /// These checks followed by `later`, the checks of the positions right after these.
    public func followed(by later: LedgerRowChecks) -> LedgerRowChecks {
        guard failure == nil else { return self }
        precondition(later.positions.lowerBound == positions.upperBound, "checks must be consecutive")
        var joined = self
        joined.positions = positions.lowerBound..<later.positions.upperBound
        joined.leafHashes += later.leafHashes
        joined.failure = later.failure
        return joined
    }

    /// One row's own checks, in the order `kura verify log` reports them.
    static func check(
        index: UInt64,
        leaf: UnsafeRawBufferPointer?,
        salt: UnsafeRawBufferPointer?,
        details: UnsafeRawBufferPointer?
    ) -> Result<LogHash, LogVerificationFailure> {
        guard let leaf else { return .failure(.missingLeaf(index: index)) }
        guard let salt, let details else { return .failure(.missingDetails(index: index)) }
        // The canonical spelling is matched without allocating; anything else goes to the full
        // parser, which decides as before (it accepts no other spelling of a version-1 leaf).
        guard
            let commitment = LedgerLeaf.canonicalCommitment(leaf)
                ?? (try? LedgerLeaf.parse(leaf)).flatMap({ LogHash(bytes: $0.commitment.bytes) })
        else { return .failure(.malformedLeaf(index: index)) }
        // The commitment over the stored bytes is the whole check: bytes that hash to the
        // leaf's commitment are the bytes committed at append time (which were canonical), so
        // re-parsing them as canonical JSON would prove nothing more and cost most of the pass.
        guard salt.count == LedgerSalt.byteCount,
            LedgerCommitment.digest(salt: salt, details: details) == commitment
        else { return .failure(.commitmentMismatch(index: index)) }
        return .success(RFC6962.leafHash(contiguous: leaf))
    }
}
