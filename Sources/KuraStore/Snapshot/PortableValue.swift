/// One cell of a snapshot row, in the backend-independent form backups and exports carry
/// (BAK-1: a backup of a PostgreSQL deployment restores into SQLite and the other way round).
///
/// The cases are the column types both schemas use: 64-bit integers (ids, times in
/// milliseconds, counts), text (ids, enumerations, hashes of passwords), bytes (sealed fields,
/// hashes, leaves) and booleans (BOOLEAN on PostgreSQL, 0 or 1 in SQLite's STRICT tables).
public enum PortableValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// UTF-8 text.
    case text(String)
    /// Bytes.
    case bytes([UInt8])
    /// A boolean.
    case boolean(Bool)
}

/// A column's type in the portable schema.
public enum PortableColumnType: String, Sendable, Codable {
    /// `BIGINT` / `INT` on PostgreSQL, `INTEGER` in SQLite.
    case integer
    /// `TEXT` on both.
    case text
    /// `BYTEA` on PostgreSQL, `BLOB` in SQLite.
    case bytes
    /// `BOOLEAN` on PostgreSQL, `INTEGER` 0 or 1 in SQLite.
    case boolean
}

/// One column of a portable table.
public struct PortableColumn: Sendable, Equatable {
    /// The column's name, the same in both schemas.
    public var name: String
    /// Its type.
    public var type: PortableColumnType
    /// Whether it may be NULL.
    public var nullable: Bool
    /// Whether it holds a ``LeafID``: stored as the leaf's position in the log in a snapshot,
    /// because the backends spell leaf references differently (SQLite: the leaf index;
    /// PostgreSQL: the pending row's id).
    public var isLeafReference: Bool

    /// Creates a column.
    public init(_ name: String, _ type: PortableColumnType, nullable: Bool = false, isLeafReference: Bool = false) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.isLeafReference = isLeafReference
    }
}
