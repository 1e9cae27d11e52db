import KuraCore
import Testing

@Suite struct EntryBundleTests {
    static let samples: [String: [[UInt8]]] = [
        "no entries": [],
        "one empty entry": [[]],
        "one leaf": [Array("{\"v\":1,\"c\":\"abc\"}".utf8)],
        "256 entries": (0..<256).map { [UInt8](repeating: UInt8($0), count: $0 % 7) },
        "a 65,535-byte entry": [[UInt8](repeating: 0x5A, count: EntryBundle.maxEntryLength), [1, 2, 3]],
    ]

    @Test("bundles round trip", arguments: samples.keys.sorted())
    func roundTrip(sample: String) throws {
        let entries = try #require(Self.samples[sample])
        let bytes = try EntryBundle.encode(entries)
        #expect(bytes.count == entries.reduce(0) { $0 + 2 + $1.count })
        #expect(try EntryBundle.decode(bytes) == entries)
    }

    @Test("each entry is a big-endian uint16 length and its bytes")
    func layout() throws {
        let entry = [UInt8](repeating: 9, count: 0x0102)
        let bytes = try EntryBundle.encode([entry, [7]])
        #expect(Array(bytes.prefix(2)) == [0x01, 0x02])
        #expect(Array(bytes.suffix(3)) == [0x00, 0x01, 0x07])
    }

    @Test("every prefix of a bundle either decodes to the entries before it or is refused as truncated")
    func truncation() throws {
        let entries: [[UInt8]] = [[1, 2, 3], [], [4], Array(repeating: 5, count: 300)]
        let bytes = try EntryBundle.encode(entries)
        var boundaries: [Int: Int] = [0: 0]
        var offset = 0
        for (index, entry) in entries.enumerated() {
            offset += 2 + entry.count
            boundaries[offset] = index + 1
        }
        for length in 0...bytes.count {
            let prefix = bytes.prefix(length)
            if let count = boundaries[length] {
                #expect(try EntryBundle.decode(prefix) == Array(entries.prefix(count)))
            } else {
                #expect(throws: EntryBundleError.self) { try EntryBundle.decode(prefix) }
            }
        }
        #expect(throws: EntryBundleError.truncated(entryIndex: 0)) { try EntryBundle.decode([0x00]) }
        #expect(throws: EntryBundleError.truncated(entryIndex: 1)) {
            try EntryBundle.decode([0x00, 0x00, 0x00, 0x02, 0x01])
        }
    }

    @Test("entries over 65,535 bytes and more than 256 entries are refused")
    func limits() {
        #expect(throws: EntryBundleError.entryTooLong(index: 1, length: 65_536)) {
            try EntryBundle.encode([[], [UInt8](repeating: 0, count: 65_536)])
        }
        #expect(throws: EntryBundleError.tooManyEntries) {
            try EntryBundle.encode([[UInt8]](repeating: [], count: 257))
        }
        #expect(throws: EntryBundleError.tooManyEntries) {
            try EntryBundle.decode([UInt8](repeating: 0, count: 2 * 257))
        }
        #expect(throws: Never.self) { try EntryBundle.decode([UInt8](repeating: 0, count: 2 * 256)) }
    }
}
