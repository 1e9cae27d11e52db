/// Where a tile sits in the C2SP tlog-tiles grid: its level and its index within the level,
/// whatever its width. Stores key tiles by this; a tile grows in place until it is full.
public struct TilePosition: Hashable, Sendable, Comparable {
    /// The tile level L; its hashes are perfect subtrees of height 8·L.
    public var level: Int
    /// The tile index N within the level.
    public var index: UInt64

    /// Creates a position.
    public init(level: Int, index: UInt64) {
        self.level = level
        self.index = index
    }

    /// The tile whose hashes a perfect subtree is computed from: the tile at level
    /// floor(level / 8) that holds the subtree's descendants at height 8·L.
    public init(containing node: NodePosition) {
        let tileLevel = node.level / TileCoordinate.height
        let shift = UInt64(node.level - tileLevel * TileCoordinate.height)
        self.init(level: tileLevel, index: (node.index << shift) >> UInt64(TileCoordinate.height))
    }

    /// Orders by level, then index.
    public static func < (lhs: TilePosition, rhs: TilePosition) -> Bool {
        (lhs.level, lhs.index) < (rhs.level, rhs.index)
    }
}
