import KuraCore
import KuraStore

/// Loads the integrator's ``TileBuilder`` for the newest checkpoint from the stored
/// right-edge tiles, and converts the tiles it produces to the store's form.
enum LedgerTree {
    /// The builder for a tree of `size` leaves, read from the store's tiles.
    static func load(size: UInt64, from store: any LedgerStore) async throws -> TileBuilder {
        var tiles: [TilePosition: [LogHash]] = [:]
        for position in TileBuilder.requiredTiles(size: size) {
            guard let stored = try await store.tile(level: position.level, index: position.index) else {
                throw StoreError.corrupt("a right-edge tile of the newest checkpoint is missing")
            }
            tiles[position] = try Tile(position: position, bytes: stored.hashes).hashes
        }
        return try TileBuilder(size: size, tiles: tiles)
    }

    /// The store's form of `tiles`.
    static func stored(_ tiles: [Tile]) -> [StoredTile] {
        tiles.map { StoredTile(level: $0.position.level, index: $0.position.index, hashes: $0.bytes) }
    }
}
