/// Why hashes could not be read from stored tiles: a missing or short tile, or malformed bytes.
public enum TileReadError: Error, Hashable, Sendable {
    /// The tile needed is not among those supplied.
    case missingTile(TilePosition)
    /// The tile has fewer hashes than the tree size implies.
    case tileTooShort(TilePosition, needed: Int, actual: Int)
    /// Tile bytes whose length is not a multiple of 32 or exceeds 256 hashes.
    case malformedBytes(count: Int)
    /// A tile with no hashes, more than 256, or a level outside 0…63.
    case malformedTile(TilePosition)
    /// A subtree that cannot exist in a tree with a 64-bit size (level outside 0…63, or leaves
    /// beyond 2^64).
    case nodeOutOfRange(level: Int, index: UInt64)
}

extension TileReadError: CustomStringConvertible {
    /// A message for logs and CLI output.
    public var description: String {
        switch self {
        case .missingTile(let position):
            "tile \(position.level)/\(position.index) is missing"
        case .tileTooShort(let position, let needed, let actual):
            "tile \(position.level)/\(position.index) has \(actual) hashes, needs \(needed)"
        case .malformedBytes(let count):
            "\(count) bytes are not a whole number of hashes up to a full tile"
        case .malformedTile(let position):
            "tile \(position.level)/\(position.index) must have 1…256 hashes and a level 0…63"
        case .nodeOutOfRange(let level, let index):
            "no subtree \(index) at level \(level) exists in a tree with a 64-bit size"
        }
    }
}
