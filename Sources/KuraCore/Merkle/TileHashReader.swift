/// Answers perfect-subtree hashes at any level from stored hash tiles, so that roots, compact
/// ranges and proofs can be computed from what the integrator stored (C2SP tlog-tiles).
///
/// A subtree at level ℓ = 8·L + r is the root over 2^r consecutive hashes of one tile at level
/// L, recomputed here ("the Merkle Tree levels between those expressed by the tile hashes are
/// reconstructed by hashing", C2SP tlog-tiles). Perfect subtrees never change, so tiles stored
/// for any tree size at least as large as the one asked about give the same answers.
public struct TileHashReader: Sendable {
    /// The tiles available, by position; partial tiles may be shorter than 256.
    public var tiles: [TilePosition: [LogHash]]

    /// Creates a reader over tiles keyed by position.
    public init(tiles: [TilePosition: [LogHash]]) {
        self.tiles = tiles
    }

    /// Creates a reader over a list of tiles (a later tile at the same position wins).
    public init(tiles: some Sequence<Tile>) {
        self.tiles = Dictionary(tiles.map { ($0.position, $0.hashes) }, uniquingKeysWith: { $1 })
    }

    /// The tiles that reading these subtrees needs, in level-then-index order, without repeats.
    public static func requiredTiles(for nodes: some Sequence<NodePosition>) -> [TilePosition] {
        Set(nodes.map(TilePosition.init(containing:))).sorted()
    }

    /// The hash of the perfect subtree at `level` and `index`.
    public func nodeHash(level: Int, index: UInt64) throws(TileReadError) -> LogHash {
        // The subtree's first leaf, index·2^level, must fit in 64 bits.
        guard (0..<UInt64.bitWidth).contains(level), index.leadingZeroBitCount >= level else {
            throw .nodeOutOfRange(level: level, index: index)
        }
        let node = NodePosition(level: level, index: index)
        let position = TilePosition(containing: node)
        let span = 1 << (level % TileCoordinate.height)
        let first = Int((index << UInt64(level % TileCoordinate.height)) & UInt64(TileCoordinate.fullWidth - 1))
        guard let hashes = tiles[position] else { throw .missingTile(position) }
        guard hashes.count >= first + span else {
            throw .tileTooShort(position, needed: first + span, actual: hashes.count)
        }
        var layer = Array(hashes[first..<first + span])
        while layer.count > 1 {
            layer = stride(from: 0, to: layer.count, by: 2).map { RFC6962.nodeHash(layer[$0], layer[$0 + 1]) }
        }
        return layer[0]
    }

    /// The hash of the perfect subtree at `node`.
    public func nodeHash(at node: NodePosition) throws(TileReadError) -> LogHash {
        try nodeHash(level: node.level, index: node.index)
    }
}
