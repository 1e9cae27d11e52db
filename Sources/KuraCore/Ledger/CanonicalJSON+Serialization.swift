extension CanonicalJSON {
    /// The RFC 8785 serialisation: no whitespace, members sorted, strings escaped per §3.2.2.2.
    ///
    /// Throws for values outside the subset: integers beyond ±2^53, non-ASCII member names,
    /// nesting deeper than `maximumDepth`.
    public func canonicalBytes() throws(CanonicalJSONError) -> [UInt8] {
        var output: [UInt8] = []
        try Self.serialize(self, depth: 0, into: &output)
        return output
    }

    /// The RFC 8785 serialisation as a string (the same bytes as `canonicalBytes()`).
    public func canonicalString() throws(CanonicalJSONError) -> String {
        String(decoding: try canonicalBytes(), as: UTF8.self)
    }

    private static func serialize(
        _ value: CanonicalJSON,
        depth: Int,
        into output: inout [UInt8]
    ) throws(CanonicalJSONError) {
        switch value {
        case .null:
            output.append(contentsOf: Array("null".utf8))
        case .bool(let flag):
            output.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .integer(let number):
            // RFC 8785 §3.2.2.3: for integers ECMAScript's Number.toString is plain decimal.
            guard number.magnitude <= maximumIntegerMagnitude.magnitude else { throw .integerOutOfRange }
            output.append(contentsOf: Array(String(number).utf8))
        case .string(let text):
            appendString(text, to: &output)
        case .array(let elements):
            guard depth < maximumDepth else { throw .tooDeep }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                try serialize(element, depth: depth + 1, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard depth < maximumDepth else { throw .tooDeep }
            guard members.keys.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isASCII) }) else {
                throw .nonASCIIKey
            }
            // RFC 8785 §3.2.3: sort by the UTF-16 code units of the names. For ASCII names
            // this equals byte order, but the rule is written as the RFC states it.
            let sorted = members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            output.append(UInt8(ascii: "{"))
            for (position, member) in sorted.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                appendString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                try serialize(member.value, depth: depth + 1, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8785 §3.2.2.2: `"` and `\` and the five short control escapes; other controls as
    /// `\u00xx` in lower-case hex; everything else (including `/`, DEL and non-ASCII) literal.
    private static func appendString(_ text: String, to output: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                // Swift strings are valid UTF-8, so multi-byte sequences pass through intact.
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
