/// The right edge of an append-only Merkle tree: the roots of the perfect subtrees that make up
/// the leaves [0, size), one per set bit of `size`, largest (leftmost) first.
///
/// This is all the state needed to append leaves and compute the RFC 9162 root; the integrator
/// and the verifier both run on it. Appending reports every perfect subtree it completes, so a
/// caller can maintain tiles (C2SP tlog-tiles) from the same pass.
public struct CompactRange: Sendable, Equatable {
    /// The number of leaves covered.
    public private(set) var size: UInt64
    /// The perfect-subtree roots, leftmost (largest) first; `size.nonzeroBitCount` of them.
    public private(set) var nodes: [LogHash]

    /// The compact range of the empty tree.
    public init() {
        size = 0
        nodes = []
    }

    /// Restores a compact range from its stored nodes, checking that there is one per set bit.
    public init(size: UInt64, nodes: [LogHash]) throws(MerkleTreeError) {
        guard nodes.count == size.nonzeroBitCount else {
            throw .wrongNodeCount(expected: size.nonzeroBitCount, actual: nodes.count)
        }
        self.size = size
        self.nodes = nodes
    }

    /// Wraps nodes already known to be one per set bit of `size`.
    init(uncheckedSize size: UInt64, nodes: [LogHash]) {
        assert(nodes.count == size.nonzeroBitCount)
        self.size = size
        self.nodes = nodes
    }

    /// Rebuilds the compact range of [0, size) from a node source (for example stored tiles).
    public init(size: UInt64, nodes source: MerkleNodeSource) throws {
        self.size = size
        self.nodes = try MerkleTree.rootNodes(size: size).map { try source($0.level, $0.index) }
    }

    /// Appends one leaf hash.
    public mutating func append(_ leafHash: LogHash) {
        append(leafHash) { _, _, _ in }
    }

    /// Appends one leaf hash and reports each perfect subtree the append completes, bottom up:
    /// first the leaf itself (level 0, index = the old size), then each merged parent.
    public mutating func append(
        _ leafHash: LogHash,
        onPerfectNode: (_ level: Int, _ index: UInt64, _ hash: LogHash) throws -> Void
    ) rethrows {
        let leafIndex = size
        var hash = leafHash
        var level = 0
        try onPerfectNode(0, leafIndex, hash)
        // Each set low bit of the old size is a complete subtree of that height waiting for a
        // right sibling of equal height: the new subtree. Merge while the carries propagate.
        while (leafIndex >> UInt64(level)) & 1 == 1 {
            hash = RFC6962.nodeHash(nodes.removeLast(), hash)
            level += 1
            try onPerfectNode(level, leafIndex >> UInt64(level), hash)
        }
        nodes.append(hash)
        size = leafIndex + 1
    }

    /// The RFC 9162 root of [0, size); the empty root for size 0.
    public func root() -> LogHash {
        guard var hash = nodes.last else { return RFC6962.emptyRoot }
        for node in nodes.dropLast().reversed() {
            hash = RFC6962.nodeHash(node, hash)
        }
        return hash
    }
}
