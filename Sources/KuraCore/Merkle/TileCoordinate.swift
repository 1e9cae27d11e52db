/// A C2SP tlog-tiles tile: level L, index N and, for a partial tile, its width W.
///
/// Tiles have height 8: a full tile holds 256 hashes, and the hash i of tile N at level L is the
/// Merkle Tree Hash of the leaves [(N·256 + i)·256^L, (N·256 + i + 1)·256^L).
public struct TileCoordinate: Hashable, Sendable {
    /// The tile height fixed by C2SP tlog-tiles.
    public static let height = 8
    /// The number of hashes in a full tile (2^height).
    public static let fullWidth = 256
    /// The highest level a tile path may name (C2SP tlog-tiles: "between 0 and 63").
    public static let maxLevel = 63

    /// The tile level L.
    public let level: Int
    /// The tile index N within the level.
    public let index: UInt64
    /// The width W of a partial tile (1…255), or nil for a full tile.
    public let partialWidth: Int?

    /// Creates a coordinate; nil for a level outside 0…63 or a partial width outside 1…255.
    public init?(level: Int, index: UInt64, partialWidth: Int? = nil) {
        guard (0...Self.maxLevel).contains(level) else { return nil }
        if let partialWidth, !(1..<Self.fullWidth).contains(partialWidth) { return nil }
        self.level = level
        self.index = index
        self.partialWidth = partialWidth
    }

    /// The number of hashes in the tile: W, or 256 for a full tile.
    public var width: Int { partialWidth ?? Self.fullWidth }

    /// The tile's place in the grid, without its width.
    public var position: TilePosition { TilePosition(level: level, index: index) }

    /// The path below the log prefix, `tile/<L>/<N>[.p/<W>]`, e.g. `tile/0/x001/x234/067.p/5`.
    public var path: String {
        "tile/\(level)/" + Self.formatIndex(index) + widthSuffix
    }

    /// Whether a tree of `treeSize` leaves has at least this many hashes in this tile, that is
    /// whether the tile may be served for a checkpoint of that size (C2SP tlog-tiles: a partial
    /// tile of an older, smaller checkpoint is a prefix of today's tile).
    public func isContained(inTreeSize treeSize: UInt64) -> Bool {
        Self.width(of: position, treeSize: treeSize) >= width
    }

    /// The number of hashes (0…256) the tile at `position` holds in a tree of `treeSize` leaves:
    /// C2SP tlog-tiles gives the right-edge tile at level l the width floor(s / 256^l) mod 256.
    public static func width(of position: TilePosition, treeSize: UInt64) -> Int {
        guard (0...maxLevel).contains(position.level) else { return 0 }
        let shift = height * position.level
        // Subtrees of 2^64 leaves or more do not exist in a tree with a 64-bit size.
        guard shift < UInt64.bitWidth else { return 0 }
        let hashesAtLevel = treeSize >> UInt64(shift)
        let fullTiles = hashesAtLevel >> UInt64(height)
        if position.index < fullTiles { return fullWidth }
        if position.index == fullTiles { return Int(hashesAtLevel & UInt64(fullWidth - 1)) }
        return 0
    }

    /// The `.p/<W>` suffix of a partial tile, empty for a full one.
    var widthSuffix: String {
        partialWidth.map { ".p/\($0)" } ?? ""
    }

    /// Writes N as zero-padded 3-digit groups, all but the last prefixed with `x` (1234067 →
    /// `x001/x234/067`), with no leading all-zero group.
    static func formatIndex(_ index: UInt64) -> String {
        var groups: [UInt64] = []
        var rest = index
        repeat {
            groups.append(rest % 1000)
            rest /= 1000
        } while rest > 0
        return groups.reversed().enumerated().map { offset, group in
            let digits = String(group)
            let padded = String(repeating: "0", count: 3 - digits.count) + digits
            return offset == groups.count - 1 ? padded : "x" + padded
        }.joined(separator: "/")
    }
}
