/// Why a Merkle computation refused its arguments (malformed input, not a failed verification).
///
/// The payloads are tree sizes, indices and counts: public numbers, never hashes of details.
public enum MerkleTreeError: Error, Hashable, Sendable {
    /// A leaf index at or beyond the tree size (RFC 9162 §2.1.3.1 defines PATH for m < n only).
    case indexOutOfRange(index: UInt64, size: UInt64)
    /// A consistency proof from a larger tree to a smaller one.
    case sizesOutOfOrder(first: UInt64, second: UInt64)
    /// A consistency proof from the empty tree, which RFC 9162 §2.1.4.1 does not define (0 < m < n).
    case emptyFirstTree
    /// A compact range whose node count is not the population count of its size.
    case wrongNodeCount(expected: Int, actual: Int)
}

extension MerkleTreeError: CustomStringConvertible {
    /// A message for logs and CLI output.
    public var description: String {
        switch self {
        case .indexOutOfRange(let index, let size):
            "leaf index \(index) is not in a tree of size \(size)"
        case .sizesOutOfOrder(let first, let second):
            "the first tree size \(first) is larger than the second \(second)"
        case .emptyFirstTree:
            "no consistency proof exists from the empty tree"
        case .wrongNodeCount(let expected, let actual):
            "a compact range of this size has \(expected) nodes, not \(actual)"
        }
    }
}
