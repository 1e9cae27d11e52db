import KuraStore

/// A snapshot held in memory as the bytes of its files, one per table: the sink and source the
/// snapshot conformance suite and tests use, exercising the portable row format as the backup
/// files do.
public struct CollectedSnapshot: SnapshotSink, SnapshotSource, Sendable {
    /// Each table's file plaintext, by table name.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The order the tables arrived in.
    public private(set) var order: [String] = []
    /// How many bytes a source hands its decoder at a time (small, to cross row boundaries).
    public var feedSize: Int
    /// Rows per batch a source hands the store.
    public var batchSize: Int

    private var encoder: PortableRowEncoder?
    private var reading: (name: String, decoder: PortableRowDecoder, offset: Int)?

    /// An empty snapshot.
    public init(feedSize: Int = 4_093, batchSize: Int = 3) {
        self.feedSize = feedSize
        self.batchSize = batchSize
    }

    /// Starts `table`'s file with its header.
    public mutating func begin(_ table: PortableTable) throws {
        let encoder = PortableRowEncoder(table: table)
        files[table.name] = encoder.header()
        order.append(table.name)
        self.encoder = encoder
    }

    /// Appends `row` to the current table's file.
    public mutating func write(_ row: [PortableValue]) throws {
        guard let encoder else { throw ConformanceFailure("a row arrived outside a table") }
        try encoder.table.validate(row)
        encoder.encode(row, into: &files[encoder.table.name, default: []])
    }

    /// Closes the current table.
    public mutating func end(_ table: PortableTable) throws {
        guard encoder?.table == table else { throw ConformanceFailure("a table ended that had not begun") }
        encoder = nil
    }

    /// Decodes the next rows of `table` from its file, `batchSize` at most per call.
    public mutating func nextRows(of table: PortableTable) async throws -> [[PortableValue]]? {
        if reading?.name != table.name {
            guard files[table.name] != nil else { throw ConformanceFailure("the snapshot has no \(table.name)") }
            reading = (table.name, PortableRowDecoder(table: table), 0)
        }
        guard var current = reading, let bytes = files[table.name] else { return nil }
        var rows: [[PortableValue]] = []
        while rows.count < batchSize && current.offset < bytes.count {
            let end = min(current.offset + feedSize, bytes.count)
            rows += try current.decoder.feed(bytes[current.offset..<end])
            current.offset = end
        }
        reading = current
        if rows.isEmpty {
            try current.decoder.finish()
            return nil
        }
        return rows
    }

    /// Changes a table's file in place (for the fault checks).
    public mutating func replaceFile(_ table: String, _ change: (inout [UInt8]) -> Void) {
        guard var bytes = files[table] else { return }
        change(&bytes)
        files[table] = bytes
    }

    /// Rewinds the source so the snapshot can be loaded again.
    public mutating func rewind() { reading = nil }
}
