/// The contents of one hash tile: 1…256 consecutive hashes of one level (C2SP tlog-tiles).
///
/// Served and stored as the hashes' 32-byte values concatenated; a tile with fewer than 256
/// hashes is the partial right-edge tile of its level.
public struct Tile: Hashable, Sendable {
    /// The tile's place in the grid.
    public let position: TilePosition
    /// The hashes, left to right; 1…256 of them.
    public let hashes: [LogHash]

    /// Creates a tile; nil unless it has 1…256 hashes and a level 0…63.
    public init?(position: TilePosition, hashes: [LogHash]) {
        guard (1...TileCoordinate.fullWidth).contains(hashes.count),
            (0...TileCoordinate.maxLevel).contains(position.level)
        else { return nil }
        self.position = position
        self.hashes = hashes
    }

    /// Decodes a tile from its served bytes, refusing a length that is not 32·(1…256).
    public init(position: TilePosition, bytes: some Collection<UInt8>) throws(TileReadError) {
        guard let tile = Tile(position: position, hashes: try Self.decodeHashes(bytes)) else {
            throw .malformedTile(position)
        }
        self = tile
    }

    /// The coordinate to serve it under: partial (`.p/W`) unless it holds 256 hashes.
    public var coordinate: TileCoordinate {
        let partialWidth = hashes.count == TileCoordinate.fullWidth ? nil : hashes.count
        // Cannot fail: the initialisers checked the level and the count.
        return TileCoordinate(level: position.level, index: position.index, partialWidth: partialWidth)!
    }

    /// The served form: the hashes' bytes concatenated (32 × width bytes).
    public var bytes: [UInt8] {
        Self.encodeHashes(hashes)
    }

    /// Concatenates hashes into 32-byte records.
    public static func encodeHashes(_ hashes: some Collection<LogHash>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: hashes.count * LogHash.byteCount) { buffer, count in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            for (offset, hash) in hashes.enumerated() {
                hash.store(into: raw, at: offset * LogHash.byteCount)
            }
            count = hashes.count * LogHash.byteCount
        }
    }

    /// Splits concatenated 32-byte records (at most 256) back into hashes; an empty input gives
    /// an empty list.
    public static func decodeHashes(_ bytes: some Collection<UInt8>) throws(TileReadError) -> [LogHash] {
        let bytes = Array(bytes)
        guard bytes.count % LogHash.byteCount == 0,
            bytes.count / LogHash.byteCount <= TileCoordinate.fullWidth
        else { throw .malformedBytes(count: bytes.count) }
        return bytes.withUnsafeBytes { raw in
            stride(from: 0, to: raw.count, by: LogHash.byteCount).map { start in
                LogHash(exactly: UnsafeRawBufferPointer(rebasing: raw[start..<start + LogHash.byteCount]))
            }
        }
    }
}
