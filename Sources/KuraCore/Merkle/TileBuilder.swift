/// Maintains the C2SP tlog-tiles hash tiles while leaves are appended: the integrator's side of
/// the tiles that `TileHashReader` reads.
///
/// Start it from the stored right-edge tiles (`requiredTiles(size:)`), append the new leaf
/// hashes, then upsert `takeChangedTiles()` by position in the same transaction as the new
/// checkpoint. Every hash at a level that is a multiple of 8 lands in the tile at level / 8.
public struct TileBuilder: Sendable {
    /// The tree's right edge, for the root and for the next append.
    public private(set) var compactRange: CompactRange
    /// The hashes of each level's right-edge tile that is not yet full (index = tile level).
    private var rightEdge: [[LogHash]]
    /// Tiles that became full since the last `takeChangedTiles()`.
    private var completed: [Tile] = []
    /// Tile levels whose right-edge tile gained hashes since the last `takeChangedTiles()`.
    private var changedLevels: Set<Int> = []

    /// A builder for the empty tree.
    public init() {
        compactRange = CompactRange()
        rightEdge = []
    }

    /// The tiles `init(size:tiles:)` reads: the right-edge (partial) tile of each level that has
    /// one in a tree of `size` leaves. Full tiles are never needed again.
    public static func requiredTiles(size: UInt64) -> [TilePosition] {
        var positions: [TilePosition] = []
        var level = 0
        var hashesAtLevel = size
        while hashesAtLevel != 0 {
            if hashesAtLevel % UInt64(TileCoordinate.fullWidth) != 0 {
                positions.append(TilePosition(level: level, index: hashesAtLevel / UInt64(TileCoordinate.fullWidth)))
            }
            hashesAtLevel /= UInt64(TileCoordinate.fullWidth)
            level += 1
        }
        return positions
    }

    /// Resumes from stored tiles for a tree of `size` leaves; `tiles` must hold at least the
    /// positions `requiredTiles(size:)` names (longer stored tiles are cut to the size).
    public init(size: UInt64, tiles: [TilePosition: [LogHash]]) throws(TileReadError) {
        var rightEdge: [[LogHash]] = []
        var hashesAtLevel = size
        var level = 0
        while hashesAtLevel != 0 {
            let width = Int(hashesAtLevel % UInt64(TileCoordinate.fullWidth))
            var hashes: [LogHash] = []
            if width != 0 {
                let position = TilePosition(level: level, index: hashesAtLevel / UInt64(TileCoordinate.fullWidth))
                guard let stored = tiles[position] else { throw .missingTile(position) }
                guard stored.count >= width else { throw .tileTooShort(position, needed: width, actual: stored.count) }
                hashes = Array(stored.prefix(width))
            }
            rightEdge.append(hashes)
            hashesAtLevel /= UInt64(TileCoordinate.fullWidth)
            level += 1
        }
        // The compact range's nodes all lie in these right-edge tiles: a set bit ℓ = 8·L + r of
        // the size is a subtree whose start agrees with the size above bit 8·(L+1).
        let reader = TileHashReader(
            tiles: Dictionary(uniqueKeysWithValues: Self.requiredTiles(size: size).map { ($0, rightEdge[$0.level]) })
        )
        var nodes: [LogHash] = []
        for node in MerkleTree.rootNodes(size: size) {
            nodes.append(try reader.nodeHash(at: node))
        }
        self.compactRange = CompactRange(uncheckedSize: size, nodes: nodes)
        self.rightEdge = rightEdge
    }

    /// The number of leaves appended so far, in total.
    public var size: UInt64 { compactRange.size }

    /// The RFC 9162 root of the tree so far.
    public func root() -> LogHash { compactRange.root() }

    /// Appends one leaf hash, recording the tile hashes it completes.
    public mutating func append(_ leafHash: LogHash) {
        // Move the compact range out so that the callback may mutate the other stored
        // properties without overlapping access to self, and without copying its nodes.
        var range = CompactRange()
        swap(&range, &compactRange)
        range.append(leafHash) { level, index, hash in
            guard level % TileCoordinate.height == 0 else { return }
            record(tileLevel: level / TileCoordinate.height, index: index, hash: hash)
        }
        swap(&range, &compactRange)
    }

    /// Appends leaf hashes in order.
    public mutating func append(contentsOf leafHashes: some Sequence<LogHash>) {
        for leafHash in leafHashes {
            append(leafHash)
        }
    }

    /// The tiles to upsert since the last call, ordered by level then index: every tile that
    /// became full, and the current right-edge tile of every level that changed.
    public mutating func takeChangedTiles() -> [Tile] {
        var tiles = completed
        for level in changedLevels where !rightEdge[level].isEmpty {
            let index = (size >> UInt64(TileCoordinate.height * level)) / UInt64(TileCoordinate.fullWidth)
            // Cannot fail: 1…255 hashes, level below 8.
            tiles.append(Tile(position: TilePosition(level: level, index: index), hashes: rightEdge[level])!)
        }
        completed = []
        changedLevels = []
        return tiles.sorted { $0.position < $1.position }
    }

    /// Adds the hash at height 8·tileLevel and position `index` to its tile.
    private mutating func record(tileLevel: Int, index: UInt64, hash: LogHash) {
        if rightEdge.count == tileLevel {
            rightEdge.append([])
        }
        assert(UInt64(rightEdge[tileLevel].count) == index % UInt64(TileCoordinate.fullWidth))
        rightEdge[tileLevel].append(hash)
        changedLevels.insert(tileLevel)
        if rightEdge[tileLevel].count == TileCoordinate.fullWidth {
            let position = TilePosition(level: tileLevel, index: index / UInt64(TileCoordinate.fullWidth))
            // Cannot fail: 256 hashes, level below 8.
            completed.append(Tile(position: position, hashes: rightEdge[tileLevel])!)
            rightEdge[tileLevel].removeAll(keepingCapacity: true)
        }
    }
}
