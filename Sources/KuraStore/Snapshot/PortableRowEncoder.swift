import Foundation

/// Writes a portable table's rows as bytes: the plaintext of one snapshot file.
///
/// Layout (documented for vendor exit, REC-5): the 8 bytes `KURAROWS`, the format version as a
/// big-endian UInt16, two zero bytes, a big-endian UInt32 length and that many bytes of JSON
/// describing the table (`{"columns":[{"name":…,"nullable":…,"type":…}],"table":…}`), then
/// every row: each column as one tag byte and its payload. Tags: 0 NULL; 1 a big-endian Int64;
/// 2 text and 3 bytes, each a big-endian UInt32 length and the UTF-8 or raw bytes; 4 false;
/// 5 true. Rows end where the plaintext ends.
public struct PortableRowEncoder: Sendable {
    /// The table this encoder writes.
    public let table: PortableTable

    /// Creates an encoder for `table`.
    public init(table: PortableTable) { self.table = table }

    /// The file's header, written once before the first row.
    public func header() -> [UInt8] {
        var bytes = Array(PortableRowFormat.magic)
        bytes.append(contentsOf: [
            UInt8(PortableSchema.formatVersion >> 8), UInt8(PortableSchema.formatVersion & 0xFF), 0, 0,
        ])
        let description = PortableRowFormat.describe(table)
        PortableRowFormat.appendUInt32(UInt32(description.count), to: &bytes)
        bytes.append(contentsOf: description)
        return bytes
    }

    /// Appends `row` to `bytes`; the row must fit the table (``PortableTable/validate(_:)``).
    public func encode(_ row: [PortableValue], into bytes: inout [UInt8]) {
        for value in row {
            switch value {
            case .null:
                bytes.append(PortableRowFormat.Tag.null)
            case .integer(let integer):
                bytes.append(PortableRowFormat.Tag.integer)
                withUnsafeBytes(of: integer.bigEndian) { bytes.append(contentsOf: $0) }
            case .text(let text):
                bytes.append(PortableRowFormat.Tag.text)
                let utf8 = text.utf8
                PortableRowFormat.appendUInt32(UInt32(utf8.count), to: &bytes)
                bytes.append(contentsOf: utf8)
            case .bytes(let raw):
                bytes.append(PortableRowFormat.Tag.bytes)
                PortableRowFormat.appendUInt32(UInt32(raw.count), to: &bytes)
                bytes.append(contentsOf: raw)
            case .boolean(let flag):
                bytes.append(flag ? PortableRowFormat.Tag.true : PortableRowFormat.Tag.false)
            }
        }
    }
}

/// The constants of the portable row format.
enum PortableRowFormat {
    static let magic = Array("KURAROWS".utf8)
    /// The longest table description a reader accepts.
    static let maxDescription = 1 << 16
    /// The longest text or bytes value a reader accepts (an attachment chunk is 256 KiB sealed).
    static let maxValue = 64 << 20

    enum Tag {
        static let null: UInt8 = 0
        static let integer: UInt8 = 1
        static let text: UInt8 = 2
        static let bytes: UInt8 = 3
        static let `false`: UInt8 = 4
        static let `true`: UInt8 = 5
    }

    static func appendUInt32(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private struct Description: Codable, Equatable {
        struct Column: Codable, Equatable {
            var name: String
            var type: PortableColumnType
            var nullable: Bool
        }
        var table: String
        var columns: [Column]
    }

    /// The JSON description of `table`, with sorted keys so that equal tables give equal bytes.
    static func describe(_ table: PortableTable) -> [UInt8] {
        let description = Description(
            table: table.name,
            columns: table.columns.map { Description.Column(name: $0.name, type: $0.type, nullable: $0.nullable) }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of strings and booleans cannot fail.
        return (try? Array(encoder.encode(description))) ?? []
    }

    /// Whether `bytes` describe `table` exactly.
    static func matches(_ bytes: ArraySlice<UInt8>, _ table: PortableTable) -> Bool {
        Array(bytes) == describe(table)
    }
}
