/// A static resource of a C2SP tlog-tiles log below its prefix: a hash tile or an entry bundle.
public enum TileResource: Hashable, Sendable {
    /// `tile/<L>/<N>[.p/<W>]`: concatenated 32-byte hashes.
    case hashes(TileCoordinate)
    /// `tile/entries/<N>[.p/<W>]`: the entries of level-0 tile N (the coordinate's level is 0).
    case entryBundle(TileCoordinate)

    /// The path below the log prefix.
    public var path: String {
        switch self {
        case .hashes(let coordinate):
            coordinate.path
        case .entryBundle(let coordinate):
            "tile/entries/" + TileCoordinate.formatIndex(coordinate.index) + coordinate.widthSuffix
        }
    }

    /// The tile coordinate (level 0 for an entry bundle).
    public var coordinate: TileCoordinate {
        switch self {
        case .hashes(let coordinate), .entryBundle(let coordinate): coordinate
        }
    }
}

/// Why a path is not a C2SP tlog-tiles resource. Carries no part of the path (it is user input).
public enum TilePathError: Error, Hashable, Sendable {
    /// The path does not start with `tile/` followed by a level or `entries` and an index.
    case notATilePath
    /// L is not a decimal 0…63 without leading zeros.
    case invalidLevel
    /// N is not canonical `x`-prefixed 3-digit groups ending in a 3-digit group, or overflows.
    case invalidIndex
    /// W is not a decimal 1…255 without leading zeros.
    case invalidWidth
    /// Something follows the index (or the width).
    case unexpectedSegments
}

extension TilePathError: CustomStringConvertible {
    /// A message for an HTTP 400 body or a log line.
    public var description: String {
        switch self {
        case .notATilePath: "not a tile path"
        case .invalidLevel: "the tile level must be 0…63 without leading zeros"
        case .invalidIndex: "the tile index must be x-prefixed 3-digit groups ending in a 3-digit group"
        case .invalidWidth: "the partial tile width must be 1…255 without leading zeros"
        case .unexpectedSegments: "unexpected path segments after the tile index"
        }
    }
}
