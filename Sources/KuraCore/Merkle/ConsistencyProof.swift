/// RFC 9162 §2.1.4 consistency proofs: generation from perfect-subtree hashes and verification.
public enum ConsistencyProof {
    /// The proof PROOF(first, D[second]) = SUBPROOF(first, D[second], true) of RFC 9162 §2.1.4.1;
    /// empty when the sizes are equal.
    ///
    /// Throws `MerkleTreeError.sizesOutOfOrder` when `first > second`,
    /// `MerkleTreeError.emptyFirstTree` when `first == 0 < second`, or what `nodes` throws.
    public static func generate(from first: UInt64, to second: UInt64, nodes: MerkleNodeSource) throws -> [LogHash] {
        try checkSizes(first, second)
        guard first != second else { return [] }
        // Iterative SUBPROOF: descend while the old tree's right end falls strictly inside the
        // current subtree. `includeSubtree` is the negation of the RFC's b: b starts true and
        // turns false at the first step into a right subtree.
        var proof: [LogHash] = []
        var begin: UInt64 = 0
        var end = second
        var includeSubtree = false
        while first != end {
            let split = begin + MerkleTree.splitPoint(end - begin)
            if first <= split {
                proof.append(try MerkleTree.rangeHash(begin: split, end: end, nodes: nodes))
                end = split
            } else {
                proof.append(try MerkleTree.rangeHash(begin: begin, end: split, nodes: nodes))
                begin = split
                includeSubtree = true
            }
        }
        // SUBPROOF(m, D[m], false) = {MTH(D[m])}; with b = true (the whole old tree) it is {}.
        if includeSubtree {
            proof.append(try MerkleTree.rangeHash(begin: begin, end: end, nodes: nodes))
        }
        proof.reverse()
        return proof
    }

    /// The perfect subtrees `generate(from:to:nodes:)` reads, so an asynchronous caller can fetch
    /// their tiles first.
    public static func requiredNodes(from first: UInt64, to second: UInt64) throws(MerkleTreeError) -> [NodePosition] {
        try checkSizes(first, second)
        // Cannot throw: the sizes were checked and the recording source does not throw.
        return (try? MerkleTree.nodesRead { _ = try generate(from: first, to: second, nodes: $0) }) ?? []
    }

    /// The number of hashes in the consistency proof between two sizes (0 < first < second), or 0.
    ///
    /// The proof is the audit path of the old tree's last perfect subtree (height t = trailing
    /// zeros of `first`) inside the new tree, preceded by that subtree's own hash unless it is the
    /// whole old tree (`first` a power of two).
    public static func expectedLength(from first: UInt64, to second: UInt64) -> Int {
        guard first > 0, first < second else { return 0 }
        let last = first - 1
        let inner = UInt64.bitWidth - (last ^ (second - 1)).leadingZeroBitCount
        let border = (last >> UInt64(inner)).nonzeroBitCount
        let seed = first.nonzeroBitCount == 1 ? 0 : 1
        return seed + inner - first.trailingZeroBitCount + border
    }

    /// Verifies a consistency proof as RFC 9162 §2.1.4.2 specifies.
    ///
    /// Equal sizes need an empty proof and equal roots (and the empty root for size 0). A proof
    /// from size 0 to a larger size is refused: the RFC defines none (see `ProofFailure`).
    public static func verify(
        size1: UInt64,
        size2: UInt64,
        root1: LogHash,
        root2: LogHash,
        proof: [LogHash]
    ) -> ProofResult {
        guard size1 <= size2 else { return .invalid(.sizesOutOfOrder) }
        if size1 == size2 {
            guard proof.isEmpty else { return .invalid(.wrongProofLength(expected: 0, actual: proof.count)) }
            // A tree of size 0 has exactly one root.
            guard size1 != 0 || root1 == RFC6962.emptyRoot else { return .invalid(.firstRootMismatch) }
            return root1 == root2 ? .valid : .invalid(.secondRootMismatch)
        }
        guard size1 != 0 else { return .invalid(.emptyFirstTree) }
        let expected = expectedLength(from: size1, to: size2)
        guard proof.count == expected else {
            return .invalid(.wrongProofLength(expected: expected, actual: proof.count))
        }
        // Step 2: when size1 is a power of two the old root is itself the seed node.
        let seedIsRoot1 = size1.nonzeroBitCount == 1
        var rest = proof[...]
        let seed = seedIsRoot1 ? root1 : rest.removeFirst()
        var fn = size1 - 1
        var sn = size2 - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var firstHash = seed
        var secondHash = seed
        for node in rest {
            guard sn != 0 else { return .invalid(.wrongProofLength(expected: expected, actual: proof.count)) }
            if fn & 1 == 1 || fn == sn {
                firstHash = RFC6962.nodeHash(node, firstHash)
                secondHash = RFC6962.nodeHash(node, secondHash)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                secondHash = RFC6962.nodeHash(secondHash, node)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { return .invalid(.wrongProofLength(expected: expected, actual: proof.count)) }
        guard firstHash == root1 else { return .invalid(.firstRootMismatch) }
        guard secondHash == root2 else { return .invalid(.secondRootMismatch) }
        return .valid
    }

    private static func checkSizes(_ first: UInt64, _ second: UInt64) throws(MerkleTreeError) {
        guard first <= second else { throw .sizesOutOfOrder(first: first, second: second) }
        guard first != 0 || second == 0 else { throw .emptyFirstTree }
    }
}
