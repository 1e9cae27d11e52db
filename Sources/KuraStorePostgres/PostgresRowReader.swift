import KuraCore
import KuraStore
import PostgresNIO

/// Reads a row's columns left to right, mapping stored words back to Kura's types; an unknown
/// word or a value out of range is ``StoreError/corrupt(_:)``, naming the column, never the value.
struct PostgresRowReader {
    private let row: PostgresRandomAccessRow
    private let table: String
    private var index = 0

    init(_ row: PostgresRow, table: String) {
        self.row = row.makeRandomAccess()
        self.table = table
    }

    mutating func next<Value: PostgresDecodable>(_: Value.Type = Value.self) throws -> Value {
        defer { index += 1 }
        return try row[index].decode(Value.self)
    }

    mutating func bytes() throws -> [UInt8] {
        Array(try next(ByteBuffer.self).readableBytesView)
    }

    mutating func optionalBytes() throws -> [UInt8]? {
        try next(ByteBuffer?.self).map { Array($0.readableBytesView) }
    }

    mutating func word<Word: RawRepresentable<String>>(_: Word.Type, _ column: String) throws -> Word {
        guard let word = Word(rawValue: try next(String.self)) else { throw corrupt(column) }
        return word
    }

    mutating func optionalWord<Word: RawRepresentable<String>>(_: Word.Type, _ column: String) throws -> Word? {
        guard let text = try next(String?.self) else { return nil }
        guard let word = Word(rawValue: text) else { throw corrupt(column) }
        return word
    }

    mutating func roles(_ column: String) throws -> Set<Role> {
        guard let roles = Set<Role>(storedForm: try next(String.self)) else { throw corrupt(column) }
        return roles
    }

    mutating func int(_ column: String) throws -> Int {
        guard let value = Int(exactly: try next(Int64.self)) else { throw corrupt(column) }
        return value
    }

    func corrupt(_ column: String) -> StoreError {
        .corrupt("\(table).\(column) holds a value Kura does not know")
    }
}
