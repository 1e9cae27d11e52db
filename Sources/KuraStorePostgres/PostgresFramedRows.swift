import KuraStore
import NIOCore

/// Rows that PostgreSQL packed into `bytea` values for the ledger's bulk reads: each record is
/// an 8-byte big-endian id followed by `columns` values, each a 4-byte big-endian length and its
/// bytes, built with `string_agg(int8send(id) || int4send(length(a)) || a || …, '')`.
///
/// One value per batch instead of one result row per leaf: PostgreSQL builds it for about 1.5
/// times the cost of sending the rows, and reading it here costs next to nothing, where the
/// driver's work per result row costs more than the verifier's checks (splitting the value into
/// groups of 256 rows measured slower). A row with a NULL column concatenates to NULL and is
/// left out (the schema forbids NULLs there).
struct PostgresFramedRows {
    /// The packed values, one per result row.
    let buffers: [ByteBuffer]
    /// The values per record.
    let columns: Int
    /// Each record's id, in the order PostgreSQL packed them.
    private(set) var ids: [Int64] = []
    /// Each record's packed value (an index into `buffers`).
    private var parts: [Int] = []
    /// Each value's byte range in its buffer (relative to the reader index), `columns` per record.
    private var values: [Range<Int>] = []

    /// Locates the records of the packed values (nil, the aggregate of no rows, has none).
    init(_ packed: [ByteBuffer?], columns: Int) throws(StoreError) {
        buffers = packed.compactMap { $0 }
        self.columns = columns
        for (part, bytes) in buffers.enumerated() {
            var offset = 0
            let end = bytes.readableBytes
            while offset < end {
                guard let id = bytes.getInteger(at: bytes.readerIndex + offset, as: Int64.self) else {
                    throw .corrupt("a packed row is truncated")
                }
                offset += 8
                ids.append(id)
                parts.append(part)
                for _ in 0..<columns {
                    guard let length = bytes.getInteger(at: bytes.readerIndex + offset, as: Int32.self),
                        length >= 0, offset + 4 + Int(length) <= end
                    else { throw .corrupt("a packed row is truncated") }
                    offset += 4
                    values.append(offset..<offset + Int(length))
                    offset += Int(length)
                }
            }
        }
    }

    /// The bytes of all packed values together.
    var byteCount: Int { buffers.reduce(0) { $0 + $1.readableBytes } }

    /// Calls `body` with the bytes of value `column` of record `record` in the driver's buffer.
    func withValue<Result>(
        record: Int, column: Int, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        let range = values[record * columns + column]
        return try buffers[parts[record]].withUnsafeReadableBytes {
            try body(UnsafeRawBufferPointer(rebasing: $0[range]))
        }
    }
}
