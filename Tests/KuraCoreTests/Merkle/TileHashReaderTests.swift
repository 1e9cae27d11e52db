import KuraCore
import Testing

@Suite struct TileHashReaderTests {
    /// Builds the tiles of `size` synthetic leaves.
    static func tiles(size: Int) -> (ReferenceTree, TileHashReader) {
        let reference = ReferenceTree(leafHashes: (0..<size).map(ReferenceTree.syntheticLeafHash))
        var builder = TileBuilder()
        builder.append(contentsOf: reference.leafHashes)
        return (reference, TileHashReader(tiles: builder.takeChangedTiles()))
    }

    @Test("every perfect subtree of a 1,000-leaf tree is answered from tiles at every level")
    func everyNode() throws {
        let size = 1_000
        let (reference, reader) = Self.tiles(size: size)
        for level in 0..<10 {
            for index in 0..<UInt64(size >> level) {
                #expect(
                    try reader.nodeHash(level: level, index: index) == reference.perfectNode(level: level, index: index)
                )
            }
        }
    }

    @Test("roots, compact ranges and proofs from tiles match the reference, reading only the required tiles")
    func proofsFromTiles() throws {
        let size = 70_000
        let (reference, reader) = Self.tiles(size: size)
        for treeSize in [1, 255, 256, 257, 65_535, 65_536, 65_537, 70_000] {
            let root = try MerkleTree.root(size: UInt64(treeSize), nodes: reader.nodeHash(level:index:))
            #expect(root == reference.root(size: treeSize))
            let range = try CompactRange(size: UInt64(treeSize), nodes: reader.nodeHash(level:index:))
            #expect(range.root() == root)
            for index in Set([0, treeSize / 3, treeSize - 1]) {
                let needed = TileHashReader.requiredTiles(
                    for: try InclusionProof.requiredNodes(index: UInt64(index), size: UInt64(treeSize))
                )
                let narrow = TileHashReader(tiles: reader.tiles.filter { needed.contains($0.key) })
                let proof = try InclusionProof.generate(
                    index: UInt64(index), size: UInt64(treeSize), nodes: narrow.nodeHash(level:index:))
                #expect(proof == reference.inclusionProof(index: index, size: treeSize))
            }
            for first in Set([1, treeSize / 2, treeSize - 1]) where first >= 1 {
                let needed = TileHashReader.requiredTiles(
                    for: try ConsistencyProof.requiredNodes(from: UInt64(first), to: UInt64(treeSize))
                )
                let narrow = TileHashReader(tiles: reader.tiles.filter { needed.contains($0.key) })
                let proof = try ConsistencyProof.generate(
                    from: UInt64(first), to: UInt64(treeSize), nodes: narrow.nodeHash(level:index:))
                #expect(proof == reference.consistencyProof(from: first, to: treeSize))
            }
        }
    }

    @Test("missing, short and out-of-range reads throw instead of answering")
    func refusals() throws {
        let (_, reader) = Self.tiles(size: 300)
        #expect(throws: TileReadError.missingTile(TilePosition(level: 0, index: 2))) {
            try reader.nodeHash(level: 0, index: 512)
        }
        #expect(throws: TileReadError.tileTooShort(TilePosition(level: 0, index: 1), needed: 45, actual: 44)) {
            try reader.nodeHash(level: 0, index: 300)
        }
        #expect(throws: TileReadError.tileTooShort(TilePosition(level: 0, index: 1), needed: 64, actual: 44)) {
            try reader.nodeHash(level: 5, index: 9)
        }
        #expect(throws: TileReadError.nodeOutOfRange(level: 64, index: 0)) { try reader.nodeHash(level: 64, index: 0) }
        #expect(throws: TileReadError.nodeOutOfRange(level: -1, index: 0)) { try reader.nodeHash(level: -1, index: 0) }
        #expect(throws: TileReadError.nodeOutOfRange(level: 63, index: 2)) { try reader.nodeHash(level: 63, index: 2) }
        #expect(throws: TileReadError.nodeOutOfRange(level: 1, index: .max)) {
            try reader.nodeHash(level: 1, index: .max)
        }
        #expect(throws: TileReadError.missingTile(TilePosition(level: 7, index: 0))) {
            try reader.nodeHash(level: 63, index: 1)
        }
        #expect(throws: TileReadError.missingTile(TilePosition(level: 0, index: UInt64.max >> 8))) {
            try reader.nodeHash(level: 0, index: .max)
        }
    }
}
