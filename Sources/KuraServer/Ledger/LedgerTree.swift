import KuraCore
import KuraStore

/// Loads the integrator's ``TileBuilder`` for the newest checkpoint from the stored
/// right-edge tiles, and converts the tiles it produces to the store's form.
enum LedgerTree {
    /// The builder for a tree of `size` leaves, read from the store's tiles.
    static func load(size: UInt64, from store: any LedgerStore) async throws -> TileBuilder {
        try TileBuilder(size: size, tiles: try await hashTiles(at: TileBuilder.requiredTiles(size: size), from: store))
    }

    /// The stored hash tiles at `positions`; a missing one means the store lost data.
    static func hashTiles(
        at positions: [TilePosition],
        from store: any LedgerStore
    ) async throws -> [TilePosition: [LogHash]] {
        var tiles: [TilePosition: [LogHash]] = [:]
        for position in positions {
            guard let stored = try await store.tile(level: position.level, index: position.index) else {
                throw StoreError.corrupt("a tile the signed tree covers is missing")
            }
            tiles[position] = try Tile(position: position, bytes: stored.hashes).hashes
        }
        return tiles
    }

    /// The store's form of `tiles`.
    static func stored(_ tiles: [Tile]) -> [StoredTile] {
        tiles.map { StoredTile(level: $0.position.level, index: $0.position.index, hashes: $0.bytes) }
    }
}
