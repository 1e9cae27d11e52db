import KuraCore
import Testing

@Suite struct ConsistencyProofTests {
    static let maxSize = 257

    /// All pairs with n ≤ 128; for larger n the first sizes 1, 2, n/2, n−1, n and every 5th size.
    static func pairs() -> [(Int, Int)] {
        (1...maxSize).flatMap { n in
            let firsts =
                n <= 128 ? Array(1...n) : Array(Set([1, 2, n / 2, n - 1, n] + Array(stride(from: 3, to: n, by: 5))))
            return firsts.map { ($0, n) }
        }
    }

    @Test("generated consistency proofs equal PROOF(m, D[n]) and verify, for sizes up to 257")
    func proofsMatchReference() throws {
        let reference = ReferenceTree(count: Self.maxSize)
        for (m, n) in Self.pairs() {
            let proof = try ConsistencyProof.generate(from: UInt64(m), to: UInt64(n), nodes: reference.perfectNode)
            #expect(proof == reference.consistencyProof(from: m, to: n), "m \(m) n \(n)")
            #expect(proof.count == ConsistencyProof.expectedLength(from: UInt64(m), to: UInt64(n)))
            let result = ConsistencyProof.verify(
                size1: UInt64(m), size2: UInt64(n), root1: reference.root(size: m), root2: reference.root(size: n),
                proof: proof
            )
            #expect(result == .valid, "m \(m) n \(n)")
        }
    }

    @Test("the nodes a proof reads are exactly those requiredNodes names")
    func requiredNodes() throws {
        let reference = ReferenceTree(count: 100)
        for (m, n) in [(1, 2), (3, 7), (4, 7), (6, 7), (64, 100), (37, 77), (99, 100), (100, 100)] {
            let required = Set(try ConsistencyProof.requiredNodes(from: UInt64(m), to: UInt64(n)))
            var read: Set<NodePosition> = []
            let proof = try ConsistencyProof.generate(from: UInt64(m), to: UInt64(n)) { level, index in
                read.insert(NodePosition(level: level, index: index))
                return reference.perfectNode(level: level, index: index)
            }
            #expect(read == required)
            #expect(proof == reference.consistencyProof(from: m, to: n))
        }
    }

    @Test("the C2SP merkle-tree example: proofs in the 7-leaf tree")
    func specExample() throws {
        let tree = ReferenceTree(count: 7)
        let leaf = tree.leafHashes
        let (h, i, j) = (tree.mth(0..<2), tree.mth(2..<4), tree.mth(4..<6))
        let (k, l) = (tree.mth(0..<4), tree.mth(4..<7))
        let proof = { (m: UInt64) in try ConsistencyProof.generate(from: m, to: 7, nodes: tree.perfectNode) }
        #expect(try proof(3) == [leaf[2], leaf[3], h, l])
        #expect(try proof(4) == [l])
        #expect(try proof(6) == [j, leaf[6], k])
        let path = { (index: UInt64) in try InclusionProof.generate(index: index, size: 7, nodes: tree.perfectNode) }
        #expect(try path(0) == [leaf[1], i, l])
        #expect(try path(3) == [leaf[2], h, l])
        #expect(try path(4) == [leaf[5], leaf[6], k])
        #expect(try path(6) == [j, k])
    }

    @Test("generation refuses sizes out of order and the empty first tree")
    func generationRefusesBadSizes() throws {
        let reference = ReferenceTree(count: 8)
        #expect(throws: MerkleTreeError.sizesOutOfOrder(first: 5, second: 4)) {
            try ConsistencyProof.generate(from: 5, to: 4, nodes: reference.perfectNode)
        }
        #expect(throws: MerkleTreeError.emptyFirstTree) {
            try ConsistencyProof.generate(from: 0, to: 4, nodes: reference.perfectNode)
        }
        #expect(try ConsistencyProof.generate(from: 0, to: 0, nodes: reference.perfectNode).isEmpty)
        #expect(try ConsistencyProof.generate(from: 8, to: 8, nodes: reference.perfectNode).isEmpty)
    }

    @Test("equal sizes need an empty proof and equal roots; size 0 needs the empty root")
    func equalSizes() {
        let a = RFC6962.leafHash([1])
        let b = RFC6962.leafHash([2])
        let empty = RFC6962.emptyRoot
        #expect(ConsistencyProof.verify(size1: 5, size2: 5, root1: a, root2: a, proof: []) == .valid)
        #expect(
            ConsistencyProof.verify(size1: 5, size2: 5, root1: a, root2: b, proof: []) == .invalid(.secondRootMismatch))
        #expect(
            ConsistencyProof.verify(size1: 5, size2: 5, root1: a, root2: a, proof: [a])
                == .invalid(.wrongProofLength(expected: 0, actual: 1))
        )
        #expect(ConsistencyProof.verify(size1: 0, size2: 0, root1: empty, root2: empty, proof: []) == .valid)
        #expect(
            ConsistencyProof.verify(size1: 0, size2: 0, root1: a, root2: a, proof: []) == .invalid(.firstRootMismatch))
        #expect(
            ConsistencyProof.verify(size1: 0, size2: 3, root1: empty, root2: a, proof: []) == .invalid(.emptyFirstTree))
        #expect(
            ConsistencyProof.verify(size1: 4, size2: 3, root1: a, root2: b, proof: []) == .invalid(.sizesOutOfOrder))
    }

    @Test("extreme sizes give a result, never a crash")
    func extremeSizes() {
        let hash = RFC6962.leafHash([1])
        for (m, n) in [(UInt64.max - 1, UInt64.max), (1, .max), (1 << 63, .max), ((1 << 63) + 1, .max)] {
            let proof = [LogHash](repeating: hash, count: ConsistencyProof.expectedLength(from: m, to: n))
            #expect(ConsistencyProof.verify(size1: m, size2: n, root1: hash, root2: hash, proof: proof) != .valid)
            #expect(ConsistencyProof.verify(size1: m, size2: n, root1: hash, root2: hash, proof: []) != .valid)
        }
    }
}
