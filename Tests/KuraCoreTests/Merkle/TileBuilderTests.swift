import KuraCore
import Testing

@Suite struct TileBuilderTests {
    /// A store as the integrator keeps one: tiles upserted by position.
    struct TileStore {
        var tiles: [TilePosition: [LogHash]] = [:]

        mutating func upsert(_ changed: [Tile]) {
            for tile in changed {
                if let old = tiles[tile.position] {
                    // A tile only ever grows; the old hashes stay a prefix.
                    #expect(Array(tile.hashes.prefix(old.count)) == old)
                }
                tiles[tile.position] = tile.hashes
            }
        }
    }

    /// Appends `leafHashes[from..<to]` in batches of `batch`, upserting after each batch.
    static func integrate(
        _ builder: inout TileBuilder, _ store: inout TileStore, _ leafHashes: [LogHash], upTo size: Int, batch: Int
    ) {
        var next = Int(builder.size)
        while next < size {
            let end = min(next + batch, size)
            builder.append(contentsOf: leafHashes[next..<end])
            store.upsert(builder.takeChangedTiles())
            next = end
        }
    }

    /// Checks every stored tile against the reference and that exactly the tiles of `size` exist.
    static func checkTiles(_ store: TileStore, reference: ReferenceTree, size: Int) {
        var expectedPositions: Set<TilePosition> = []
        for level in 0..<8 {
            var index: UInt64 = 0
            while TileCoordinate.width(of: TilePosition(level: level, index: index), treeSize: UInt64(size)) > 0 {
                expectedPositions.insert(TilePosition(level: level, index: index))
                index += 1
            }
        }
        #expect(Set(store.tiles.keys) == expectedPositions, "size \(size)")
        for (position, hashes) in store.tiles {
            #expect(hashes.count == TileCoordinate.width(of: position, treeSize: UInt64(size)))
            for (offset, hash) in hashes.enumerated() {
                let nodeIndex = position.index * 256 + UInt64(offset)
                #expect(hash == reference.perfectNode(level: 8 * position.level, index: nodeIndex))
            }
        }
    }

    @Test(
        "tiles reproduce every level-0 and level-8 hash across the 256 and 65,536 boundaries",
        arguments: [0, 1, 255, 256, 257, 513, 65_537])
    func tilesMatchReference(size: Int) throws {
        let reference = ReferenceTree(leafHashes: (0..<size).map(ReferenceTree.syntheticLeafHash))
        var builder = TileBuilder()
        var store = TileStore()
        Self.integrate(&builder, &store, reference.leafHashes, upTo: size, batch: 100)
        #expect(builder.size == UInt64(size))
        #expect(builder.root() == reference.root(size: size))
        Self.checkTiles(store, reference: reference, size: size)
        #expect(builder.takeChangedTiles().isEmpty)
    }

    @Test(
        "resuming from stored right-edge tiles continues exactly",
        arguments: [
            (0, 300), (1, 2), (100, 513), (255, 257), (256, 513), (300, 65_800), (65_535, 65_537), (65_536, 65_792),
        ])
    func resume(stop: Int, size: Int) throws {
        let reference = ReferenceTree(leafHashes: (0..<size).map(ReferenceTree.syntheticLeafHash))
        var first = TileBuilder()
        var store = TileStore()
        Self.integrate(&first, &store, reference.leafHashes, upTo: stop, batch: 1_000)
        let required = TileBuilder.requiredTiles(size: UInt64(stop))
        // Only the right-edge tiles are handed over, as a store would load them.
        let rightEdge = store.tiles.filter { required.contains($0.key) }
        #expect(rightEdge.count == required.count)
        var resumed = try TileBuilder(size: UInt64(stop), tiles: rightEdge)
        #expect(resumed.compactRange == first.compactRange)
        #expect(resumed.root() == reference.root(size: stop))
        Self.integrate(&resumed, &store, reference.leafHashes, upTo: size, batch: 777)
        #expect(resumed.root() == reference.root(size: size))
        Self.checkTiles(store, reference: reference, size: size)
    }

    @Test("resuming refuses missing or short right-edge tiles")
    func resumeRefusesMissingTiles() throws {
        let hashes = (0..<300).map(ReferenceTree.syntheticLeafHash)
        var builder = TileBuilder()
        builder.append(contentsOf: hashes)
        let tiles = Dictionary(uniqueKeysWithValues: builder.takeChangedTiles().map { ($0.position, $0.hashes) })
        #expect(throws: TileReadError.missingTile(TilePosition(level: 0, index: 1))) {
            try TileBuilder(size: 300, tiles: tiles.filter { $0.key.level != 0 || $0.key.index != 1 })
        }
        var short = tiles
        short[TilePosition(level: 0, index: 1)]?.removeLast()
        #expect(throws: TileReadError.tileTooShort(TilePosition(level: 0, index: 1), needed: 44, actual: 43)) {
            try TileBuilder(size: 300, tiles: short)
        }
        // Longer stored tiles (the store moved on) are cut to the size asked for.
        let resumed = try TileBuilder(size: 299, tiles: tiles)
        var expected = CompactRange()
        for hash in hashes.prefix(299) { expected.append(hash) }
        #expect(resumed.compactRange == expected)
    }

    @Test("tiles encode as concatenated hashes and decode back; bad lengths are refused")
    func tileBytes() throws {
        let hashes = (0..<5).map(ReferenceTree.syntheticLeafHash)
        let tile = try #require(Tile(position: TilePosition(level: 0, index: 3), hashes: hashes))
        #expect(tile.bytes == hashes.flatMap(\.bytes))
        #expect(tile.coordinate == TileCoordinate(level: 0, index: 3, partialWidth: 5))
        #expect(try Tile(position: tile.position, bytes: tile.bytes) == tile)
        #expect(throws: TileReadError.malformedBytes(count: 159)) {
            try Tile(position: tile.position, bytes: tile.bytes.dropLast())
        }
        #expect(throws: TileReadError.malformedTile(tile.position)) { try Tile(position: tile.position, bytes: []) }
        #expect(throws: TileReadError.malformedBytes(count: 257 * 32)) {
            try Tile.decodeHashes([UInt8](repeating: 0, count: 257 * 32))
        }
        #expect(Tile(position: TilePosition(level: 64, index: 0), hashes: hashes) == nil)
        let full = try #require(
            Tile(position: TilePosition(level: 1, index: 0), hashes: (0..<256).map(ReferenceTree.syntheticLeafHash)))
        #expect(full.coordinate.partialWidth == nil)
    }
}
