import Foundation

/// The JSON of sealed documents: sorted keys, so the same content seals the same plaintext.
enum RecordJSON {
    static func encode(_ value: some Encodable) throws(RecordError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw .unavailable("a document could not be encoded")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) -> T? {
        try? JSONDecoder().decode(type, from: Data(bytes))
    }
}
