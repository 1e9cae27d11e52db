/// RFC 9162 §2.1.3 inclusion proofs (audit paths): generation from perfect-subtree hashes and
/// verification.
public enum InclusionProof {
    /// The audit path PATH(index, D[size]) of RFC 9162 §2.1.3.1, leaf-side sibling first.
    ///
    /// Throws `MerkleTreeError.indexOutOfRange` when `index >= size`, or what `nodes` throws.
    public static func generate(index: UInt64, size: UInt64, nodes: MerkleNodeSource) throws -> [LogHash] {
        guard index < size else { throw MerkleTreeError.indexOutOfRange(index: index, size: size) }
        // Iterative form of the recursion: descend from the root, taking the sibling subtree at
        // each split. The recursion appends the sibling after the deeper path, so the siblings
        // found top-down are reversed at the end.
        var proof: [LogHash] = []
        var begin: UInt64 = 0
        var end = size
        while end - begin > 1 {
            let split = begin + MerkleTree.splitPoint(end - begin)
            if index < split {
                proof.append(try MerkleTree.rangeHash(begin: split, end: end, nodes: nodes))
                end = split
            } else {
                proof.append(try MerkleTree.rangeHash(begin: begin, end: split, nodes: nodes))
                begin = split
            }
        }
        proof.reverse()
        return proof
    }

    /// The perfect subtrees `generate(index:size:nodes:)` reads, so an asynchronous caller can
    /// fetch their tiles first.
    public static func requiredNodes(index: UInt64, size: UInt64) throws(MerkleTreeError) -> [NodePosition] {
        guard index < size else { throw .indexOutOfRange(index: index, size: size) }
        // Cannot throw: the sizes were checked and the recording source does not throw.
        return (try? MerkleTree.nodesRead { _ = try generate(index: index, size: size, nodes: $0) }) ?? []
    }

    /// The number of hashes in the audit path of `index` in a tree of `size` (index < size).
    ///
    /// The path has one hash per level where the leaf's subtree has a sibling: below the highest
    /// bit where `index` and `size − 1` differ every level has one ("inner"), above it only the
    /// levels where `index` has a set bit (the left siblings on the right edge, "border").
    public static func expectedLength(index: UInt64, size: UInt64) -> Int {
        guard index < size else { return 0 }
        let inner = UInt64.bitWidth - (index ^ (size - 1)).leadingZeroBitCount
        let border = (index >> UInt64(inner)).nonzeroBitCount
        return inner + border
    }

    /// Verifies an inclusion proof as RFC 9162 §2.1.3.2 specifies.
    public static func verify(
        leafHash: LogHash,
        index: UInt64,
        size: UInt64,
        proof: [LogHash],
        root: LogHash
    ) -> ProofResult {
        guard index < size else { return .invalid(.indexOutOfRange) }
        let expected = expectedLength(index: index, size: size)
        guard proof.count == expected else {
            return .invalid(.wrongProofLength(expected: expected, actual: proof.count))
        }
        var fn = index
        var sn = size - 1
        var hash = leafHash
        for sibling in proof {
            // Step 4a (unreachable after the length check, kept so the loop is the RFC's).
            guard sn != 0 else { return .invalid(.wrongProofLength(expected: expected, actual: proof.count)) }
            if fn & 1 == 1 || fn == sn {
                hash = RFC6962.nodeHash(sibling, hash)
                // On the right edge, skip the levels where this subtree has no sibling.
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                hash = RFC6962.nodeHash(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        guard sn == 0 else { return .invalid(.wrongProofLength(expected: expected, actual: proof.count)) }
        return hash == root ? .valid : .invalid(.rootMismatch)
    }
}
