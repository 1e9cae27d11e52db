/// Supplies the hash of the perfect subtree at `level` and `index`: the Merkle Tree Hash of the
/// leaves [index·2^level, (index+1)·2^level), level 0 being the leaf hash itself.
///
/// Perfect subtrees never change once complete, so any store that has them (tiles, a compact
/// range, a list of leaves) can answer, whatever its current size.
public typealias MerkleNodeSource = (_ level: Int, _ index: UInt64) throws -> LogHash

/// The position of a perfect subtree: the leaves [index·2^level, (index+1)·2^level).
public struct NodePosition: Hashable, Sendable {
    /// The height of the subtree; 0 is a single leaf.
    public var level: Int
    /// The subtree's index among the subtrees of its level, counted from the left.
    public var index: UInt64

    /// Creates a position.
    public init(level: Int, index: UInt64) {
        self.level = level
        self.index = index
    }
}

/// Tree hashes computed from perfect-subtree hashes (RFC 9162 §2.1.1).
public enum MerkleTree {
    /// The RFC 9162 root of the leaves [0, size); the empty root for 0.
    public static func root(size: UInt64, nodes: MerkleNodeSource) throws -> LogHash {
        size == 0 ? RFC6962.emptyRoot : try rangeHash(begin: 0, end: size, nodes: nodes)
    }

    /// The perfect subtrees whose hashes `root(size:nodes:)` reads, left to right.
    public static func rootNodes(size: UInt64) -> [NodePosition] {
        perfectSubtrees(begin: 0, end: size)
    }

    /// The perfect subtrees that make up [begin, end), left (largest) to right (smallest).
    ///
    /// Requires `begin` to be a multiple of the largest power of two not above `end - begin`,
    /// which holds for every range the RFC 9162 recursions visit (they split at powers of two).
    static func perfectSubtrees(begin: UInt64, end: UInt64) -> [NodePosition] {
        var positions: [NodePosition] = []
        var start = begin
        var remaining = end - begin
        while remaining != 0 {
            let level = UInt64.bitWidth - 1 - remaining.leadingZeroBitCount
            positions.append(NodePosition(level: level, index: start >> UInt64(level)))
            start += 1 << UInt64(level)
            remaining &= ~(1 << UInt64(level))
        }
        return positions
    }

    /// MTH(D[begin:end]) for a non-empty range of the shape `perfectSubtrees` requires.
    ///
    /// Folds the perfect subtrees from the right: for sizes s1 > s2 > … > sk the RFC 9162
    /// recursion gives H(P1, H(P2, … H(Pk−1, Pk))), because each left part is the largest power of
    /// two below the size.
    static func rangeHash(begin: UInt64, end: UInt64, nodes: MerkleNodeSource) throws -> LogHash {
        precondition(begin < end, "rangeHash needs a non-empty range")
        var remaining = end - begin
        var position = end
        var hash: LogHash?
        while remaining != 0 {
            let level = remaining.trailingZeroBitCount
            position -= 1 << UInt64(level)
            let node = try nodes(level, position >> UInt64(level))
            hash = hash.map { RFC6962.nodeHash(node, $0) } ?? node
            remaining &= remaining - 1
        }
        return hash!
    }

    /// The largest power of two strictly below `n` (the k of RFC 9162 §2.1.1), for n ≥ 2.
    static func splitPoint(_ n: UInt64) -> UInt64 {
        precondition(n >= 2, "only trees of two or more leaves split")
        return 1 << UInt64(UInt64.bitWidth - 1 - (n - 1).leadingZeroBitCount)
    }

    /// The nodes a computation over a node source reads, found by running it on placeholders.
    ///
    /// Valid because the proof and root algorithms choose which nodes to read from the sizes
    /// alone, never from hash values.
    static func nodesRead(by body: (MerkleNodeSource) throws -> Void) throws -> [NodePosition] {
        var positions: [NodePosition] = []
        try body { level, index in
            positions.append(NodePosition(level: level, index: index))
            return RFC6962.emptyRoot
        }
        return positions
    }
}
