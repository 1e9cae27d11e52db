/// C2SP tlog-tiles entry bundles: the entries of one level-0 tile, each written as a big-endian
/// uint16 length followed by that many bytes.
public enum EntryBundle {
    /// The longest entry a bundle can carry (the uint16 length prefix).
    public static let maxEntryLength = Int(UInt16.max)
    /// The most entries a bundle holds: one per hash of a full level-0 tile.
    public static let maxEntryCount = TileCoordinate.fullWidth

    /// Encodes entries in order; refuses an entry over 65,535 bytes or more than 256 entries.
    public static func encode<Entries: Sequence>(
        _ entries: Entries
    ) throws(EntryBundleError) -> [UInt8] where Entries.Element: Collection<UInt8> {
        var bytes: [UInt8] = []
        var count = 0
        for entry in entries {
            guard count < maxEntryCount else { throw .tooManyEntries }
            guard entry.count <= maxEntryLength else { throw .entryTooLong(index: count, length: entry.count) }
            bytes.append(UInt8(truncatingIfNeeded: entry.count >> 8))
            bytes.append(UInt8(truncatingIfNeeded: entry.count))
            bytes.append(contentsOf: entry)
            count += 1
        }
        return bytes
    }

    /// Decodes a bundle into its entries; refuses a truncated length or entry, and more than
    /// 256 entries. The caller checks the count against the tile width it asked for.
    public static func decode(_ bundle: some Collection<UInt8>) throws(EntryBundleError) -> [[UInt8]] {
        let bytes = Array(bundle)
        var entries: [[UInt8]] = []
        var offset = 0
        while offset < bytes.count {
            guard entries.count < maxEntryCount else { throw .tooManyEntries }
            guard bytes.count - offset >= 2 else { throw .truncated(entryIndex: entries.count) }
            let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
            offset += 2
            guard bytes.count - offset >= length else { throw .truncated(entryIndex: entries.count) }
            entries.append(Array(bytes[offset..<offset + length]))
            offset += length
        }
        return entries
    }
}

/// Why an entry bundle could not be encoded or decoded. Carries positions and lengths only,
/// never entry bytes.
public enum EntryBundleError: Error, Hashable, Sendable {
    /// An entry longer than 65,535 bytes.
    case entryTooLong(index: Int, length: Int)
    /// More than 256 entries.
    case tooManyEntries
    /// The bundle ends inside the length prefix or the bytes of this entry.
    case truncated(entryIndex: Int)
}

extension EntryBundleError: CustomStringConvertible {
    /// A message for logs and CLI output.
    public var description: String {
        switch self {
        case .entryTooLong(let index, let length): "entry \(index) has \(length) bytes, more than 65,535"
        case .tooManyEntries: "an entry bundle holds at most 256 entries"
        case .truncated(let entryIndex): "the bundle ends inside entry \(entryIndex)"
        }
    }
}
