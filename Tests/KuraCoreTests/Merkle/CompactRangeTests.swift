import KuraCore
import Testing

@Suite struct CompactRangeTests {
    static let maxSize = 257

    @Test("every size 0…257: appended range, node-source range and MerkleTree.root match the reference")
    func rootsMatchReference() throws {
        let reference = ReferenceTree(count: Self.maxSize)
        var range = CompactRange()
        for size in 0...Self.maxSize {
            if size > 0 { range.append(reference.leafHashes[size - 1]) }
            let expected = reference.root(size: size)
            #expect(range.size == UInt64(size))
            #expect(range.nodes.count == size.nonzeroBitCount)
            #expect(range.root() == expected, "size \(size)")
            #expect(try MerkleTree.root(size: UInt64(size), nodes: reference.perfectNode) == expected, "size \(size)")
            let rebuilt = try CompactRange(size: UInt64(size), nodes: reference.perfectNode)
            #expect(rebuilt == range, "size \(size)")
            #expect(try CompactRange(size: UInt64(size), nodes: range.nodes) == range)
            #expect(MerkleTree.rootNodes(size: UInt64(size)).count == size.nonzeroBitCount)
        }
    }

    @Test("appends report every perfect subtree exactly once, with its hash")
    func perfectNodeReports() {
        let size = Self.maxSize
        let reference = ReferenceTree(count: size)
        var range = CompactRange()
        var reported: [NodePosition: LogHash] = [:]
        var duplicates = 0
        for leafHash in reference.leafHashes {
            range.append(leafHash) { level, index, hash in
                let position = NodePosition(level: level, index: index)
                if reported.updateValue(hash, forKey: position) != nil { duplicates += 1 }
            }
        }
        var expected: [NodePosition: LogHash] = [:]
        for level in 0..<UInt64.bitWidth where 1 << level <= size {
            for index in 0..<(size >> level) {
                expected[NodePosition(level: level, index: UInt64(index))] =
                    reference.perfectNode(level: level, index: UInt64(index))
            }
        }
        #expect(duplicates == 0)
        #expect(reported == expected)
    }

    @Test("restoring from stored nodes refuses a count that is not the size's popcount")
    func wrongNodeCount() {
        let node = RFC6962.leafHash([1])
        #expect(throws: MerkleTreeError.wrongNodeCount(expected: 2, actual: 1)) {
            try CompactRange(size: 3, nodes: [node])
        }
        #expect(throws: MerkleTreeError.wrongNodeCount(expected: 0, actual: 1)) {
            try CompactRange(size: 0, nodes: [node])
        }
        #expect(throws: MerkleTreeError.wrongNodeCount(expected: 64, actual: 0)) {
            try CompactRange(size: .max, nodes: [])
        }
    }

    @Test("a restored range continues like the original")
    func resume() throws {
        let reference = ReferenceTree(count: 100)
        var original = CompactRange()
        for leafHash in reference.leafHashes.prefix(37) { original.append(leafHash) }
        var restored = try CompactRange(size: original.size, nodes: original.nodes)
        for leafHash in reference.leafHashes.dropFirst(37) {
            original.append(leafHash)
            restored.append(leafHash)
        }
        #expect(restored == original)
        #expect(restored.root() == reference.root(size: 100))
    }
}
