/// A table as a snapshot carries it: its name, its columns in order, and the key its rows are
/// sorted by, so that both backends write the same rows in the same order and two snapshots
/// of equal contents are equal byte for byte.
public struct PortableTable: Sendable, Equatable {
    /// The table's name, the same in both schemas (for ``PortableSchema/ledgerLeaves``, a
    /// section name: the backends store leaves in different tables).
    public var name: String
    /// The columns, in the order every row lists them.
    public var columns: [PortableColumn]
    /// The columns of the primary key, in sort order (ascending, compared by bytes).
    public var key: [String]
    /// Whether the migration seeds rows that a restore replaces (the ledger head).
    public var replacesSeed: Bool

    /// Creates a table description.
    public init(name: String, columns: [PortableColumn], key: [String], replacesSeed: Bool = false) {
        self.name = name
        self.columns = columns
        self.key = key
        self.replacesSeed = replacesSeed
    }

    /// The index of every column that holds a leaf reference.
    public var leafReferenceColumns: [Int] {
        columns.indices.filter { columns[$0].isLeafReference }
    }

    /// Checks that `row` fits the columns: the count, each value's type and NULLs.
    public func validate(_ row: [PortableValue]) throws(SnapshotError) {
        guard row.count == columns.count else {
            throw .malformed("a row of \(name) has \(row.count) values, not \(columns.count)")
        }
        for (column, value) in zip(columns, row) {
            let fits: Bool =
                switch (column.type, value) {
                case (_, .null): column.nullable
                case (.integer, .integer), (.text, .text), (.bytes, .bytes), (.boolean, .boolean): true
                default: false
                }
            guard fits else { throw .malformed("column \(name).\(column.name) has a value of the wrong type") }
        }
    }
}
