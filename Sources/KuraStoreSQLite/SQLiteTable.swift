/// The columns of one table and the statements built from them once: the insert, the
/// compare-and-swap update, and the select list of the reads, all naming the same columns so that
/// a record cannot lose a field between writing and reading.
struct SQLiteTable: Sendable {
    /// `INSERT` of every column from named arguments (`:column`).
    let insertSQL: String
    /// `UPDATE` of every column but the id, only where `id = :id AND revision = :expected_revision`
    /// (compare-and-swap); tables without a revision (grants, versions, events) never run it.
    let updateSQL: String
    /// `SELECT` of every column, to be followed by a `WHERE` clause.
    let selectSQL: String

    /// Builds the statements of table `name`; `blobColumns` are the columns that hold bytes.
    init(name: String, columns: [String], blobColumns: Set<String>) {
        // Bytes are bound through CAST(… AS BLOB) so that an empty array stays an empty blob
        // (see `SQLiteStore.blob(_:)`).
        let value = { (column: String) in blobColumns.contains(column) ? "CAST(:\(column) AS BLOB)" : ":\(column)" }
        let names = columns.joined(separator: ", ")
        let values = columns.map(value).joined(separator: ", ")
        let assignments = columns.filter { $0 != "id" }.map { "\($0) = \(value($0))" }.joined(separator: ", ")
        insertSQL = "INSERT INTO \(name) (\(names)) VALUES (\(values))"
        updateSQL = "UPDATE \(name) SET \(assignments) WHERE id = :id AND revision = :expected_revision"
        selectSQL = "SELECT \(names) FROM \(name)"
    }
}
