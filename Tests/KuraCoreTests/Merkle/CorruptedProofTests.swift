import KuraCore
import Testing

/// Corrupted proofs must be refused: every bit of every proof hash, truncated and extended
/// proofs, other indices, other sizes, other roots and leaves.
@Suite struct CorruptedProofTests {
    static let inclusionCases: [(index: Int, size: Int)] = [
        (0, 1), (0, 2), (1, 2), (2, 3), (0, 7), (3, 7), (4, 7), (6, 7), (5, 8), (100, 257), (255, 256), (256, 257),
    ]
    static let consistencyCases: [(m: Int, n: Int)] = [
        (1, 2), (1, 8), (3, 7), (4, 7), (6, 7), (6, 8), (7, 8), (31, 64), (100, 257), (128, 257), (255, 256),
        (256, 257),
    ]

    /// Every hash of `proof` with one bit flipped, for every bit position.
    static func bitFlips(of proof: [LogHash]) -> [[LogHash]] {
        proof.indices.flatMap { element in
            (0..<LogHash.byteCount * 8).map { bit in
                var bytes = proof[element].bytes
                bytes[bit / 8] ^= 1 << (bit % 8)
                var corrupted = proof
                corrupted[element] = LogHash(bytes: bytes)!
                return corrupted
            }
        }
    }

    /// Truncated, extended and reordered variants.
    static func reshaped(_ proof: [LogHash]) -> [[LogHash]] {
        let extra = RFC6962.leafHash(Array("extra".utf8))
        var variants = [proof + [extra], [extra] + proof, proof + proof.suffix(1), proof.prefix(1) + proof]
        if !proof.isEmpty {
            variants += [Array(proof.dropLast()), Array(proof.dropFirst()), []]
        }
        if proof.count > 1 {
            variants.append(proof.reversed())
            var swapped = proof
            swapped.swapAt(0, 1)
            variants.append(swapped)
        }
        return variants
    }

    @Test("inclusion: every flipped bit, truncation, extension and reordering is refused", arguments: inclusionCases)
    func inclusionCorruptions(index: Int, size: Int) throws {
        let tree = ReferenceTree(count: 257)
        let proof = tree.inclusionProof(index: index, size: size)
        let root = tree.root(size: size)
        let verify = { (proof: [LogHash]) in
            InclusionProof.verify(
                leafHash: tree.leafHashes[index], index: UInt64(index), size: UInt64(size), proof: proof, root: root
            )
        }
        try #require(verify(proof) == .valid)
        for corrupted in Self.bitFlips(of: proof) + Self.reshaped(proof) where corrupted != proof {
            #expect(verify(corrupted) != .valid)
        }
    }

    @Test("inclusion: another index, size, root or leaf is refused", arguments: inclusionCases)
    func inclusionWrongClaims(index: Int, size: Int) {
        let tree = ReferenceTree(count: 257)
        let proof = tree.inclusionProof(index: index, size: size)
        let root = tree.root(size: size)
        let leaf = tree.leafHashes[index]
        for otherIndex in Set([0, index - 1, index + 1, index ^ 1, index ^ 2, size, size + 1, Int.max])
        where otherIndex != index && otherIndex >= 0 {
            let result = InclusionProof.verify(
                leafHash: leaf, index: UInt64(otherIndex), size: UInt64(size), proof: proof, root: root)
            #expect(result != .valid, "index \(otherIndex)")
        }
        for otherSize in Set([size - 1, size + 1, 2 * size, size / 2, index + 1, 256, 257]) where otherSize != size {
            let result = InclusionProof.verify(
                leafHash: leaf, index: UInt64(index), size: UInt64(otherSize), proof: proof, root: root)
            // Reading the proof under another size does the same computation only when the
            // proof's shape is the same (e.g. leaf 0 in sizes 3 and 4); the signed checkpoint
            // binds a root to its size, so that case is not a forgery. Every other size must fail.
            if otherSize > index,
                ReferenceTree.inclusionShape(index: index, size: otherSize)
                    == ReferenceTree.inclusionShape(index: index, size: size)
            {
                #expect(result == .valid)
            } else {
                #expect(result != .valid, "size \(otherSize)")
            }
        }
        #expect(
            InclusionProof.verify(
                leafHash: leaf, index: UInt64(index), size: UInt64(size), proof: proof, root: tree.root(size: size - 1))
                == .invalid(.rootMismatch))
        #expect(
            InclusionProof.verify(leafHash: leaf, index: UInt64(index), size: UInt64(size), proof: proof, root: leaf)
                != .valid || size == 1)
        let otherLeaf = tree.leafHashes[(index + 1) % tree.leafHashes.count]
        #expect(
            InclusionProof.verify(
                leafHash: otherLeaf, index: UInt64(index), size: UInt64(size), proof: proof, root: root)
                == .invalid(.rootMismatch))
    }

    @Test(
        "consistency: every flipped bit, truncation, extension and reordering is refused", arguments: consistencyCases)
    func consistencyCorruptions(m: Int, n: Int) throws {
        let tree = ReferenceTree(count: 257)
        let proof = tree.consistencyProof(from: m, to: n)
        let (root1, root2) = (tree.root(size: m), tree.root(size: n))
        let verify = { (proof: [LogHash]) in
            ConsistencyProof.verify(size1: UInt64(m), size2: UInt64(n), root1: root1, root2: root2, proof: proof)
        }
        try #require(verify(proof) == .valid)
        for corrupted in Self.bitFlips(of: proof) + Self.reshaped(proof) where corrupted != proof {
            #expect(verify(corrupted) != .valid)
        }
    }

    @Test("consistency: other sizes, swapped or wrong roots are refused", arguments: consistencyCases)
    func consistencyWrongClaims(m: Int, n: Int) {
        let tree = ReferenceTree(count: 257)
        let proof = tree.consistencyProof(from: m, to: n)
        let (root1, root2) = (tree.root(size: m), tree.root(size: n))
        let verify = { (m: Int, n: Int, root1: LogHash, root2: LogHash) in
            ConsistencyProof.verify(size1: UInt64(m), size2: UInt64(n), root1: root1, root2: root2, proof: proof)
        }
        #expect(verify(m, n, root2, root1) != .valid)
        #expect(verify(m, n, root1, root1) != .valid)
        #expect(verify(m, n, root2, root2) != .valid)
        #expect(verify(m, n, tree.root(size: m + 1), root2) != .valid)
        #expect(verify(m, n, root1, tree.root(size: n - 1)) != .valid)
        #expect(verify(n, m, root2, root1) == .invalid(.sizesOutOfOrder))
        #expect(verify(0, n, RFC6962.emptyRoot, root2) == .invalid(.emptyFirstTree))
        let otherPairs = [(m - 1, n), (m + 1, n), (m, n - 1), (m, n + 1), (m, 2 * n), (m / 2, n), (m ^ 2, n)]
        for (otherM, otherN) in otherPairs where otherM > 0 && otherM < otherN && (otherM, otherN) != (m, n) {
            let result = verify(otherM, otherN, root1, root2)
            // As for inclusion: the same shape means the same computation; only the signed
            // checkpoint ties sizes to roots. Every other pair of sizes must fail.
            if ReferenceTree.consistencyShape(from: otherM, to: otherN)
                == ReferenceTree.consistencyShape(from: m, to: n)
            {
                #expect(result == .valid)
            } else {
                #expect(result != .valid, "sizes \(otherM) \(otherN)")
            }
        }
    }
}
