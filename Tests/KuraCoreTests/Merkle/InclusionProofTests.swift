import KuraCore
import Testing

@Suite struct InclusionProofTests {
    static let maxSize = 257

    @Test("every index of every size 0…257: generated proof equals PATH and verifies")
    func everyProofMatchesReference() throws {
        let reference = ReferenceTree(count: Self.maxSize)
        for size in 1...Self.maxSize {
            let root = reference.root(size: size)
            for index in 0..<size {
                let proof = try InclusionProof.generate(
                    index: UInt64(index), size: UInt64(size), nodes: reference.perfectNode)
                #expect(proof == reference.inclusionProof(index: index, size: size), "index \(index) size \(size)")
                #expect(proof.count == InclusionProof.expectedLength(index: UInt64(index), size: UInt64(size)))
                let result = InclusionProof.verify(
                    leafHash: reference.leafHashes[index], index: UInt64(index), size: UInt64(size), proof: proof,
                    root: root
                )
                #expect(result == .valid, "index \(index) size \(size)")
            }
        }
    }

    @Test("the nodes a proof reads are exactly those requiredNodes names")
    func requiredNodes() throws {
        let reference = ReferenceTree(count: 100)
        for (index, size) in [(0, 1), (0, 100), (63, 64), (64, 65), (99, 100), (37, 77)] {
            let required = Set(try InclusionProof.requiredNodes(index: UInt64(index), size: UInt64(size)))
            var read: Set<NodePosition> = []
            let proof = try InclusionProof.generate(index: UInt64(index), size: UInt64(size)) { level, nodeIndex in
                read.insert(NodePosition(level: level, index: nodeIndex))
                return reference.perfectNode(level: level, index: nodeIndex)
            }
            #expect(read == required)
            #expect(proof == reference.inclusionProof(index: index, size: size))
        }
    }

    @Test("generation refuses an index outside the tree")
    func generationRefusesBadIndex() {
        let reference = ReferenceTree(count: 4)
        #expect(throws: MerkleTreeError.indexOutOfRange(index: 4, size: 4)) {
            try InclusionProof.generate(index: 4, size: 4, nodes: reference.perfectNode)
        }
        #expect(throws: MerkleTreeError.indexOutOfRange(index: 0, size: 0)) {
            try InclusionProof.generate(index: 0, size: 0, nodes: reference.perfectNode)
        }
        #expect(throws: MerkleTreeError.indexOutOfRange(index: .max, size: .max)) {
            try InclusionProof.requiredNodes(index: .max, size: .max)
        }
    }

    @Test("errors from the node source propagate")
    func nodeSourceErrors() {
        struct Missing: Error {}
        #expect(throws: Missing.self) {
            try InclusionProof.generate(index: 3, size: 10) { _, _ in throw Missing() }
        }
    }

    @Test("extreme sizes give a result, never a crash")
    func extremeSizes() {
        let hash = RFC6962.leafHash([1])
        for (index, size) in [(UInt64.max - 1, UInt64.max), (0, .max), (.max, .max), (1 << 63, (1 << 63) + 1)] {
            let expected = InclusionProof.expectedLength(index: index, size: size)
            let proof = [LogHash](repeating: hash, count: expected)
            let result = InclusionProof.verify(leafHash: hash, index: index, size: size, proof: proof, root: hash)
            #expect(result != .valid)
        }
    }
}
