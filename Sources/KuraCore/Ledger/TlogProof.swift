/// A C2SP tlog-proof: an offline-verifiable inclusion proof of one entry against a signed
/// checkpoint, in the text format `kura verify inclusion` reads (DESIGN.md "Proofs").
///
/// ```
/// c2sp.org/tlog-proof@v1
/// [extra <base64>]
/// index <decimal>
/// <base64 hash>            (zero or more: leaf's sibling first, up to the root's child)
///
/// <signed checkpoint note, verbatim>
/// ```
/// This type checks the format and the signature on the checkpoint; recomputing the root from
/// the leaf hash and `hashes` is RFC 6962 §2.1.1 work for the Merkle code.
public struct TlogProof: Sendable {
    /// The first line of every proof.
    public static let header = "c2sp.org/tlog-proof@v1"

    /// Opaque, unauthenticated extra data (applications MUST NOT implicitly trust it); nil when
    /// the `extra` line is absent. An empty value is not allowed: omit the line instead.
    public let extra: [UInt8]?
    /// The zero-based index of the entry.
    public let index: UInt64
    /// The inclusion proof (RFC 6962 §2.1.1 order).
    public let hashes: [LogHash]
    /// The signed checkpoint, exactly as the log issued it (possibly with cosignatures).
    public let signedCheckpoint: SignedNote
    /// The checkpoint parsed from `signedCheckpoint`'s text; NOT verified until
    /// `verifyCheckpoint(with:)` says so.
    public let checkpoint: Checkpoint

    /// Creates a proof, checking that the index is inside the tree and that the number of hashes
    /// is the inclusion-proof length for that index and tree size.
    public init(
        extra: [UInt8]? = nil, index: UInt64, hashes: [LogHash], signedCheckpoint: SignedNote
    ) throws(TlogProofError) {
        guard extra.map({ !$0.isEmpty }) ?? true else { throw .invalidExtra }
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(parsing: signedCheckpoint.text)
        } catch {
            throw .malformedCheckpoint(error)
        }
        guard index < checkpoint.size else { throw .indexOutOfRange }
        guard hashes.count == InclusionProof.expectedLength(index: index, size: checkpoint.size) else {
            throw .wrongProofLength
        }
        self.extra = extra
        self.index = index
        self.hashes = hashes
        self.signedCheckpoint = signedCheckpoint
        self.checkpoint = checkpoint
    }

    /// The proof file's text.
    public var formatted: String {
        var lines = [Self.header]
        if let extra { lines.append("extra " + StrictBase64.encode(extra)) }
        lines.append("index \(index)")
        lines += hashes.map { StrictBase64.encode($0.bytes) }
        return lines.map { $0 + "\n" }.joined() + "\n" + signedCheckpoint.formatted
    }

    /// The proof file's UTF-8 bytes.
    public var bytes: [UInt8] { Array(formatted.utf8) }

    /// Verifies the embedded checkpoint with the log's verifier (see `Checkpoint.open`).
    public func verifyCheckpoint(with verifier: NoteVerifier) -> CheckpointVerification {
        Checkpoint.open(signedCheckpoint, verifier: verifier)
    }
}

extension TlogProof: Equatable {
    /// Equal when the formatted proofs are byte-for-byte equal.
    public static func == (lhs: TlogProof, rhs: TlogProof) -> Bool {
        lhs.formatted.utf8.elementsEqual(rhs.formatted.utf8)
    }
}

/// Why a tlog-proof is malformed.
public enum TlogProofError: Error, Equatable, Sendable {
    /// The proof is not valid UTF-8.
    case invalidUTF8
    /// The first line is not `c2sp.org/tlog-proof@v1`.
    case missingHeader
    /// The `extra` line is not `extra ` and non-empty canonical base64.
    case invalidExtra
    /// The `index` line is missing or not `index ` and decimal without leading zeros.
    case invalidIndex
    /// A proof line is not the canonical base64 of 32 bytes.
    case invalidHash
    /// No empty line between the proof hashes and the checkpoint.
    case missingBlankLine
    /// The checkpoint part is not a well-formed signed note.
    case malformedNote(SignedNoteError)
    /// The signed note's text is not a well-formed checkpoint.
    case malformedCheckpoint(CheckpointError)
    /// The index is not below the checkpoint's tree size.
    case indexOutOfRange
    /// The number of hashes is not the inclusion-proof length for this index and size.
    case wrongProofLength
}
