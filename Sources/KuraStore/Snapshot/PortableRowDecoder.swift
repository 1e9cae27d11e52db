/// Reads a portable table's rows back from the plaintext of a snapshot file, fed in pieces of
/// any size (the format is ``PortableRowEncoder``'s).
///
/// The header must describe exactly the table expected: a snapshot of another schema is refused
/// before any row is loaded.
public struct PortableRowDecoder: Sendable {
    /// The table expected.
    public let table: PortableTable
    private var buffer: [UInt8] = []
    private var offset = 0
    private var headerRead = false
    /// The rows decoded so far.
    public private(set) var rowCount: Int64 = 0

    /// Creates a decoder expecting `table`.
    public init(table: PortableTable) { self.table = table }

    /// Adds `bytes` and returns every row they complete.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(SnapshotError) -> [[PortableValue]] {
        if offset > 0 && offset >= buffer.count / 2 {
            buffer.removeSubrange(0..<offset)
            offset = 0
        }
        buffer.append(contentsOf: bytes)
        if !headerRead {
            guard try readHeader() else { return [] }
        }
        var rows: [[PortableValue]] = []
        while let row = try readRow() {
            rows.append(row)
        }
        rowCount += Int64(rows.count)
        return rows
    }

    /// Refuses a file that ended inside its header or a row.
    public func finish() throws(SnapshotError) {
        guard headerRead else { throw .malformed("\(table.name) ends inside its header") }
        guard offset == buffer.count else { throw .malformed("\(table.name) ends inside a row") }
    }

    private mutating func readHeader() throws(SnapshotError) -> Bool {
        let fixed = PortableRowFormat.magic.count + 8
        guard buffer.count - offset >= fixed else { return false }
        guard buffer[offset..<offset + 8].elementsEqual(PortableRowFormat.magic) else {
            throw .malformed("\(table.name) is not a portable row file")
        }
        let version = Int(buffer[offset + 8]) << 8 | Int(buffer[offset + 9])
        guard version == PortableSchema.formatVersion else {
            throw .malformed("\(table.name) has row format version \(version), not \(PortableSchema.formatVersion)")
        }
        let length = Int(uint32(at: offset + 12))
        guard length <= PortableRowFormat.maxDescription else {
            throw .malformed("\(table.name) has an oversized header")
        }
        guard buffer.count - offset >= fixed + length else { return false }
        guard PortableRowFormat.matches(buffer[(offset + fixed)..<(offset + fixed + length)], table) else {
            throw .malformed("\(table.name) describes other columns than this Kura's schema")
        }
        offset += fixed + length
        headerRead = true
        return true
    }

    /// The next complete row, or nil when the buffer ends inside one (it stays buffered).
    private mutating func readRow() throws(SnapshotError) -> [PortableValue]? {
        var cursor = offset
        var row: [PortableValue] = []
        row.reserveCapacity(table.columns.count)
        for column in table.columns {
            guard cursor < buffer.count else { return nil }
            let tag = buffer[cursor]
            cursor += 1
            switch tag {
            case PortableRowFormat.Tag.null:
                guard column.nullable else { throw .malformed("\(table.name).\(column.name) is NULL") }
                row.append(.null)
            case PortableRowFormat.Tag.integer:
                guard column.type == .integer else { throw wrongType(column) }
                guard buffer.count - cursor >= 8 else { return nil }
                var value: UInt64 = 0
                for index in cursor..<cursor + 8 { value = value << 8 | UInt64(buffer[index]) }
                row.append(.integer(Int64(bitPattern: value)))
                cursor += 8
            case PortableRowFormat.Tag.text, PortableRowFormat.Tag.bytes:
                let isText = tag == PortableRowFormat.Tag.text
                guard column.type == (isText ? .text : .bytes) else { throw wrongType(column) }
                guard buffer.count - cursor >= 4 else { return nil }
                let length = Int(uint32(at: cursor))
                guard length <= PortableRowFormat.maxValue else {
                    throw .malformed("\(table.name).\(column.name) has an oversized value")
                }
                cursor += 4
                guard buffer.count - cursor >= length else { return nil }
                let slice = buffer[cursor..<cursor + length]
                if isText {
                    guard let text = String(validating: slice, as: UTF8.self) else {
                        throw .malformed("\(table.name).\(column.name) is not UTF-8")
                    }
                    row.append(.text(text))
                } else {
                    row.append(.bytes(Array(slice)))
                }
                cursor += length
            case PortableRowFormat.Tag.false, PortableRowFormat.Tag.true:
                guard column.type == .boolean else { throw wrongType(column) }
                row.append(.boolean(tag == PortableRowFormat.Tag.true))
            default:
                throw .malformed("\(table.name).\(column.name) has an unknown tag \(tag)")
            }
        }
        offset = cursor
        return row
    }

    private func wrongType(_ column: PortableColumn) -> SnapshotError {
        .malformed("\(table.name).\(column.name) has a value of the wrong type")
    }

    private func uint32(at index: Int) -> UInt32 {
        UInt32(buffer[index]) << 24 | UInt32(buffer[index + 1]) << 16 | UInt32(buffer[index + 2]) << 8
            | UInt32(buffer[index + 3])
    }
}
