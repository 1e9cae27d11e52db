import KuraCore
import Testing

@Suite struct TileResourceTests {
    static func hashes(_ level: Int, _ index: UInt64, _ width: Int? = nil) -> TileResource {
        .hashes(TileCoordinate(level: level, index: index, partialWidth: width)!)
    }

    static func entries(_ index: UInt64, _ width: Int? = nil) -> TileResource {
        .entryBundle(TileCoordinate(level: 0, index: index, partialWidth: width)!)
    }

    static let valid: [(String, TileResource)] = [
        ("tile/0/000", hashes(0, 0)),
        ("tile/0/001", hashes(0, 1)),
        ("tile/0/999", hashes(0, 999)),
        ("tile/0/x001/000", hashes(0, 1000)),
        ("tile/0/x001/x234/067", hashes(0, 1_234_067)),
        ("tile/0/x001/x234/067.p/8", hashes(0, 1_234_067, 8)),
        ("tile/1/005.p/1", hashes(1, 5, 1)),
        ("tile/2/x001/x000/000.p/255", hashes(2, 1_000_000, 255)),
        ("tile/10/000", hashes(10, 0)),
        ("tile/63/000", hashes(63, 0)),
        ("tile/0/x018/x446/x744/x073/x709/x551/615", hashes(0, .max)),
        ("tile/entries/000", entries(0)),
        ("tile/entries/x001/x234/067.p/3", entries(1_234_067, 3)),
    ]

    static let invalid: [(String, TilePathError)] = [
        ("", .notATilePath),
        ("tile", .notATilePath),
        ("tile/0", .notATilePath),
        ("/tile/0/000", .notATilePath),
        ("tiles/0/000", .notATilePath),
        ("Tile/0/000", .notATilePath),
        ("checkpoint", .notATilePath),
        ("tile/entries", .notATilePath),
        ("tile/00/000", .invalidLevel),
        ("tile/01/000", .invalidLevel),
        ("tile/64/000", .invalidLevel),
        ("tile/100/000", .invalidLevel),
        ("tile/-1/000", .invalidLevel),
        ("tile/+1/000", .invalidLevel),
        ("tile//000", .invalidLevel),
        ("tile/x/000", .invalidLevel),
        ("tile/１/000", .invalidLevel),
        ("tile/Entries/000", .invalidLevel),
        ("tile/0/0", .invalidIndex),
        ("tile/0/00", .invalidIndex),
        ("tile/0/0000", .invalidIndex),
        ("tile/0/00a", .invalidIndex),
        ("tile/0/٠٠١", .invalidIndex),
        ("tile/0/x000/001", .invalidIndex),
        ("tile/0/x000/x001/001", .invalidIndex),
        ("tile/0/x001", .invalidIndex),
        ("tile/0/x001/x234/x067", .invalidIndex),
        ("tile/0/X001/000", .invalidIndex),
        ("tile/0/x01/000", .invalidIndex),
        ("tile/0/x0001/000", .invalidIndex),
        ("tile/0/x001.p/5", .invalidIndex),
        ("tile/0/000.q/5", .invalidIndex),
        ("tile/0/000.P/5", .invalidIndex),
        ("tile/0/", .invalidIndex),
        ("tile/0/x018/x446/x744/x073/x709/x551/616", .invalidIndex),
        ("tile/0/x999/x999/x999/x999/x999/x999/999", .invalidIndex),
        ("tile/0/x001/x000/x000/x000/x000/x000/x000/000", .invalidIndex),
        ("tile/0/000.p/0", .invalidWidth),
        ("tile/0/000.p/256", .invalidWidth),
        ("tile/0/000.p/08", .invalidWidth),
        ("tile/0/000.p/1000", .invalidWidth),
        ("tile/0/000.p/", .invalidWidth),
        ("tile/0/000.p", .invalidWidth),
        ("tile/0/000.p/1a", .invalidWidth),
        ("tile/entries/000.p/256", .invalidWidth),
        ("tile/0/001/002", .unexpectedSegments),
        ("tile/0/000/", .unexpectedSegments),
        ("tile/0/000.p/5/", .unexpectedSegments),
        ("tile/0/000.p/5/6", .unexpectedSegments),
        ("tile/0/000?x=1", .invalidIndex),
    ]

    @Test("valid paths parse, and format back to themselves", arguments: valid)
    func parsesValid(path: String, expected: TileResource) throws {
        #expect(try TileResource(parsing: path) == expected)
        #expect(expected.path == path)
        #expect(try TileResource(parsing: path[...]) == expected)
    }

    @Test("invalid paths are refused with the reason", arguments: invalid)
    func refusesInvalid(path: String, error: TilePathError) {
        #expect(throws: error) { try TileResource(parsing: path) }
    }

    @Test(
        "every index formats to a path that parses back",
        arguments: [
            0, 1, 999, 1000, 1001, 999_999, 1_000_000, 123_456_789, UInt64(Int64.max), .max - 1, .max,
        ] as [UInt64])
    func indexRoundTrip(index: UInt64) throws {
        for resource in [
            Self.hashes(0, index), Self.hashes(7, index, 200), Self.entries(index), Self.entries(index, 1),
        ] {
            #expect(try TileResource(parsing: resource.path) == resource)
        }
    }

    @Test("coordinates refuse levels outside 0…63 and widths outside 1…255")
    func coordinateValidation() {
        #expect(TileCoordinate(level: -1, index: 0) == nil)
        #expect(TileCoordinate(level: 64, index: 0) == nil)
        #expect(TileCoordinate(level: 0, index: 0, partialWidth: 0) == nil)
        #expect(TileCoordinate(level: 0, index: 0, partialWidth: 256) == nil)
        #expect(TileCoordinate(level: 63, index: 0, partialWidth: 255)?.width == 255)
        #expect(TileCoordinate(level: 0, index: 0)?.width == 256)
    }

    /// C2SP tlog-tiles: "a tree of size 70,000 will be represented by 273 full level 0 tiles, one
    /// partial level 0 tile of width 112, one full level 1 tile, one partial level 1 tile of width
    /// 17, and one partial level 2 tile of width 1".
    @Test("tile widths follow the spec's 70,000 and 256 examples")
    func specWidths() {
        let width = { (level: Int, index: UInt64, size: UInt64) in
            TileCoordinate.width(of: TilePosition(level: level, index: index), treeSize: size)
        }
        #expect(width(0, 272, 70_000) == 256)
        #expect(width(0, 273, 70_000) == 112)
        #expect(width(0, 274, 70_000) == 0)
        #expect(width(1, 0, 70_000) == 256)
        #expect(width(1, 1, 70_000) == 17)
        #expect(width(2, 0, 70_000) == 1)
        #expect(width(3, 0, 70_000) == 0)
        #expect(width(0, 0, 256) == 256)
        #expect(width(1, 0, 256) == 1)
        #expect(width(0, 1, 256) == 0)
        #expect(width(7, 0, .max) == 255)
        #expect(width(8, 0, .max) == 0)
        #expect(width(63, .max, .max) == 0)
        #expect(width(0, .max, .max) == 0)
        #expect(width(0, UInt64.max >> 8, .max) == 255)
    }

    @Test("a tile is served only if the signed size covers its width")
    func containment() {
        let partial = TileCoordinate(level: 0, index: 273, partialWidth: 112)!
        #expect(partial.isContained(inTreeSize: 70_000))
        #expect(partial.isContained(inTreeSize: 80_000))
        #expect(!partial.isContained(inTreeSize: 69_999))
        let full = TileCoordinate(level: 1, index: 1)!
        #expect(!full.isContained(inTreeSize: 70_000))
        #expect(full.isContained(inTreeSize: 131_072))
    }
}
