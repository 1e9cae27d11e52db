/// The outcome of verifying an inclusion or consistency proof: a value, never a crash or a throw.
public enum ProofResult: Hashable, Sendable {
    /// The proof shows what it claims.
    case valid
    /// The proof was refused, with the reason.
    case invalid(ProofFailure)

    /// Whether the proof was accepted.
    public var isValid: Bool { self == .valid }
}

/// Why a proof was refused.
public enum ProofFailure: Hashable, Sendable {
    /// The leaf index is not below the tree size (RFC 9162 §2.1.3.2 step 1).
    case indexOutOfRange
    /// The first tree is larger than the second.
    case sizesOutOfOrder
    /// A consistency proof from the empty tree: RFC 9162 §2.1.4 defines proofs only for 0 < m < n.
    case emptyFirstTree
    /// The proof has the wrong number of hashes for these sizes (RFC 9162 §2.1.3.2, §2.1.4.2: sn ≠ 0).
    case wrongProofLength(expected: Int, actual: Int)
    /// The inclusion proof leads to a different root.
    case rootMismatch
    /// The consistency proof does not reproduce the first root.
    case firstRootMismatch
    /// The consistency proof does not reproduce the second root (or equal sizes have different roots).
    case secondRootMismatch
}

extension ProofFailure: CustomStringConvertible {
    /// A message for logs and CLI output.
    public var description: String {
        switch self {
        case .indexOutOfRange: "the leaf index is not in the tree"
        case .sizesOutOfOrder: "the first tree is larger than the second"
        case .emptyFirstTree: "consistency with the empty tree cannot be proven"
        case .wrongProofLength(let expected, let actual): "the proof has \(actual) hashes, expected \(expected)"
        case .rootMismatch: "the proof does not lead to the root"
        case .firstRootMismatch: "the proof does not reproduce the first root"
        case .secondRootMismatch: "the proof does not reproduce the second root"
        }
    }
}
