/// Reads the big-endian binary layouts strictly: every read is bounds-checked and returns nil past the end.
struct KeyFormatReader {
    private let bytes: [UInt8]
    /// The offset of the next unread byte.
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read; parsers require this so trailing bytes are refused.
    var isAtEnd: Bool { offset == bytes.count }

    /// The number of unread bytes.
    var remaining: Int { bytes.count - offset }

    mutating func readByte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt32() -> UInt32? {
        guard let raw = read(4) else { return nil }
        return raw.reduce(0) { ($0 << 8) | UInt32($1) }
    }

    mutating func read(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// All bytes before the current offset (used as associated data for what follows).
    var consumed: ArraySlice<UInt8> { bytes[..<offset] }
}
