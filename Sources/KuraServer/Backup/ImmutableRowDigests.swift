import Crypto
import KuraStore

/// The rows of the tables that never change once written (leaves, record versions, the access
/// log, attachments, compliance versions), each reduced to a digest of its key and one of its encoded row, in key
/// order: what a restore drill compares between the restored copy and the live store.
///
/// 32 bytes per row: a drill of 5 million versions holds about 160 MB.
///
/// Leaf references are left out of the row digest, and only the leaves inside the restored tree
/// are compared: a leaf still pending at backup time may be numbered otherwise in the live log
/// (PostgreSQL numbers at integration). `kura verify records` on the restored copy and the
/// consistency proof to the live checkpoint cover what that leaves out.
struct ImmutableRowDigests: SnapshotSink {
    /// The tables compared.
    static let tables: Set<String> = [
        PortableSchema.ledgerLeaves.name, "record_version", "audit_event", "audit_event_patient", "attachment",
        "attachment_chunk", "compliance_version",
    ]

    /// Per table, (key digest, row digest) pairs in key order.
    private(set) var digests: [String: [(key: SIMD16<UInt8>, row: SIMD16<UInt8>)]] = [:]
    private var current: (table: PortableTable, keyColumns: [Int], encoder: PortableRowEncoder)?
    /// Leaves at or beyond this position are left out (the restored tree's size), or nil.
    var leafLimit: Int64?

    mutating func begin(_ table: PortableTable) throws {
        guard Self.tables.contains(table.name) else {
            current = nil
            return
        }
        let keyColumns = table.key.compactMap { key in table.columns.firstIndex { $0.name == key } }
        current = (table, keyColumns, PortableRowEncoder(table: table))
        digests[table.name] = []
    }

    mutating func write(_ row: [PortableValue]) throws {
        guard let current else { return }
        if current.table == PortableSchema.ledgerLeaves, let leafLimit, case .integer(let position) = row[0],
            position >= leafLimit
        {
            return
        }
        var masked = row
        for column in current.table.leafReferenceColumns { masked[column] = .null }
        var encoded: [UInt8] = []
        current.encoder.encode(masked, into: &encoded)
        var key: [UInt8] = []
        current.encoder.encode(current.keyColumns.map { row[$0] }, into: &key)
        digests[current.table.name, default: []].append((Self.digest(key), Self.digest(encoded)))
    }

    mutating func end(_ table: PortableTable) throws { current = nil }

    private static func digest(_ bytes: [UInt8]) -> SIMD16<UInt8> {
        var result = SIMD16<UInt8>()
        for (index, byte) in SHA256.hash(data: bytes).prefix(16).enumerated() { result[index] = byte }
        return result
    }
}

/// Walks the live store's rows in key order beside the restored digests: every restored row must
/// be there, unchanged; rows written since the backup are skipped.
struct LiveRowComparison: SnapshotSink {
    let restored: [String: [(key: SIMD16<UInt8>, row: SIMD16<UInt8>)]]
    private var inner = ImmutableRowDigests()
    private var positions: [String: Int] = [:]
    private(set) var compared = 0
    private(set) var failure: String?

    init(restored: ImmutableRowDigests) { self.restored = restored.digests }

    mutating func begin(_ table: PortableTable) throws {
        try inner.begin(table)
        positions[table.name] = 0
    }

    mutating func write(_ row: [PortableValue]) throws {
        try inner.write(row)
    }

    mutating func end(_ table: PortableTable) throws {
        try inner.end(table)
        guard failure == nil, let expected = restored[table.name], let live = inner.digests[table.name] else { return }
        var position = 0
        for entry in live where position < expected.count && entry.key == expected[position].key {
            guard entry.row == expected[position].row else {
                failure = "a row of \(table.name) differs between the restored copy and the live store"
                return
            }
            position += 1
            compared += 1
        }
        if position < expected.count {
            failure = "\(expected.count - position) restored rows of \(table.name) are not in the live store"
        }
    }
}
