/// Standard base64 (RFC 4648 §4) with padding, decoded strictly.
///
/// Every C2SP format the ledger writes (signed-note, tlog-checkpoint, tlog-proof) and the leaf's
/// `c` member use this encoding. Decoding accepts only the one canonical spelling of each byte
/// string: no whitespace, no URL alphabet, padding required, and unused trailing bits zero
/// (RFC 4648 §3.5), so that parsing and formatting are inverse and a value has one encoding.
enum StrictBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, symbol) in alphabet.enumerated() {
            table[Int(symbol)] = UInt8(value)
        }
        return table
    }()

    /// Encodes bytes with padding.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index < input.count {
            let remaining = input.count - index
            let b0 = UInt32(input[index])
            let b1 = remaining > 1 ? UInt32(input[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(input[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            output.append(alphabet[Int(group >> 18 & 0x3F)])
            output.append(alphabet[Int(group >> 12 & 0x3F)])
            output.append(remaining > 1 ? alphabet[Int(group >> 6 & 0x3F)] : UInt8(ascii: "="))
            output.append(remaining > 2 ? alphabet[Int(group & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes the canonical encoding of exactly 32 bytes (44 symbols, the last one `=`) into a
    /// hash value without allocating; nil for anything else. Accepts exactly what ``decode(_:)``
    /// accepts for a 32-byte result: the verifier runs this for every leaf of the log.
    static func decodeDigest(_ symbols: UnsafeRawBufferPointer) -> LogHash? {
        guard symbols.count == 44, symbols[43] == UInt8(ascii: "=") else { return nil }
        return decodeTable.withUnsafeBufferPointer { table in
            withUnsafeTemporaryAllocation(byteCount: 33, alignment: 8) { output in
                var offset = 0
                // 10 groups of 4 symbols make 30 bytes; the last 3 symbols make 2 bytes and 2 unused bits.
                for group in 0..<11 {
                    var value: UInt32 = 0
                    for position in 0..<(group < 10 ? 4 : 3) {
                        let symbol = table[Int(symbols[4 * group + position])]
                        guard symbol != 0xFF else { return nil }
                        value = value << 6 | UInt32(symbol)
                    }
                    if group < 10 {
                        output[offset] = UInt8(truncatingIfNeeded: value >> 16)
                        output[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
                        output[offset + 2] = UInt8(truncatingIfNeeded: value)
                        offset += 3
                    } else {
                        // RFC 4648 §3.5: the unused trailing bits must be zero (one spelling only).
                        guard value & 0b11 == 0 else { return nil }
                        output[offset] = UInt8(truncatingIfNeeded: value >> 10)
                        output[offset + 1] = UInt8(truncatingIfNeeded: value >> 2)
                    }
                }
                return LogHash(exactly: UnsafeRawBufferPointer(rebasing: output[0..<32]))
            }
        }
    }

    /// Decodes the canonical encoding; returns nil for anything else.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3)
        var index = 0
        while index < input.count {
            let isLast = index + 4 == input.count
            let padding = isLast ? input[index..<index + 4].reversed().prefix { $0 == UInt8(ascii: "=") }.count : 0
            guard padding <= 2 else { return nil }
            var group: UInt32 = 0
            for offset in 0..<4 {
                let symbol = input[index + offset]
                let value: UInt8
                if offset >= 4 - padding {
                    value = 0
                } else {
                    value = decodeTable[Int(symbol)]
                    guard value != 0xFF else { return nil }
                }
                group = group << 6 | UInt32(value)
            }
            output.append(UInt8(group >> 16 & 0xFF))
            if padding < 2 { output.append(UInt8(group >> 8 & 0xFF)) } else if group >> 8 & 0xFF != 0 { return nil }
            if padding < 1 { output.append(UInt8(group & 0xFF)) } else if group & 0xFF != 0 { return nil }
            index += 4
        }
        return output
    }
}
