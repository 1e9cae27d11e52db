import KuraCore
import Testing

@Suite struct LogHashTests {
    @Test("a hash is exactly 32 bytes", arguments: [0, 1, 31, 33, 64])
    func wrongLengths(count: Int) {
        #expect(LogHash(bytes: [UInt8](repeating: 7, count: count)) == nil)
    }

    @Test("bytes, hex and the unsafe view agree, for contiguous and lazy inputs")
    func roundTrip() throws {
        let input: [UInt8] = (0..<32).map { UInt8($0 * 7 + 3) }
        let hash = try #require(LogHash(bytes: input))
        #expect(hash.bytes == input)
        #expect(hash.withUnsafeBytes { Array($0) } == input)
        #expect(hash.hex == input.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined())
        #expect(hash.description == hash.hex)
        #expect(LogHash(bytes: input.lazy.map { $0 }) == hash)
        #expect(LogHash(bytes: input[0..<32]) == hash)
        var other = input
        other[31] ^= 1
        #expect(LogHash(bytes: other) != hash)
    }
}
