import KuraCore
import Testing

@Suite struct CanonicalJSONTests {
    static let serializations: [(CanonicalJSON, String)] = [
        (.null, "null"),
        (true, "true"),
        (false, "false"),
        (0, "0"),
        (-1, "-1"),
        (9_007_199_254_740_992, "9007199254740992"),
        (-9_007_199_254_740_992, "-9007199254740992"),
        ("", "\"\""),
        ([], "[]"),
        ([:], "{}"),
        ([1, [2, [3]], nil], "[1,[2,[3]],null]"),
        (["b": 1, "a": ["d": true, "c": false]], "{\"a\":{\"c\":false,\"d\":true},\"b\":1}"),
        // Sorting by UTF-16 code units (RFC 8785 §3.2.3), restricted to ASCII names.
        (
            ["b": 1, "a": 2, "B": 3, "10": 4, "1": 5, "": 6, "_": 7, "~": 8],
            "{\"\":6,\"1\":5,\"10\":4,\"B\":3,\"_\":7,\"a\":2,\"b\":1,\"~\":8}"
        ),
        // Literal '/', DEL and non-ASCII (RFC 8785 §3.2.2.2).
        ("a/b\u{7F}日本語😀", "\"a/b\u{7F}日本語😀\""),
    ]

    @Test("serialises values exactly as RFC 8785 prescribes", arguments: serializations)
    func serializes(value: CanonicalJSON, expected: String) throws {
        #expect(try value.canonicalString() == expected)
        #expect(try value.canonicalBytes() == Array(expected.utf8))
    }

    @Test("escapes every control character as RFC 8785 §3.2.2.2 says", arguments: 0..<0x20)
    func escapesControlCharacters(code: Int) throws {
        let short: [Int: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
        let hex = String(code, radix: 16)
        let expected = short[code] ?? "\\u00" + (hex.count == 1 ? "0" : "") + hex
        let value = CanonicalJSON.string(String(Character(Unicode.Scalar(UInt8(code)))))
        #expect(try value.canonicalString() == "\"" + expected + "\"")
        #expect(try CanonicalJSON.parseCanonical(Array(("\"" + expected + "\"").utf8)) == value)
    }

    @Test("escapes quotation mark and reverse solidus")
    func escapesQuoteAndBackslash() throws {
        #expect(try CanonicalJSON.string("\"\\").canonicalString() == #""\"\\""#)
    }

    @Test("reproduces the RFC 8785 string example (without its non-integer numbers)")
    func rfc8785StringExample() throws {
        // RFC 8785 §3.2.4's input, minus "numbers" (outside the integer subset).
        let input = #"""
            {
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected = #"{"literals":[null,true,false],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        let value = try CanonicalJSON.parse(Array(input.utf8))
        #expect(try value.canonicalString() == expected)
        #expect(value == ["literals": [nil, true, false], "string": "€$\u{0F}\nA'B\"\\\\\"/"])
    }

    static let refusedInputs: [(String, CanonicalJSONError)] = [
        ("1.0", .notAnInteger),
        ("1e3", .notAnInteger),
        ("1E3", .notAnInteger),
        ("-5.5", .notAnInteger),
        ("01", .leadingZero),
        ("-01", .leadingZero),
        ("-0", .negativeZero),
        ("-", .unexpectedEnd),
        ("-a", .unexpectedByte),
        ("+1", .unexpectedByte),
        ("9007199254740993", .integerOutOfRange),
        ("-9007199254740993", .integerOutOfRange),
        ("123456789012345678901234567890", .integerOutOfRange),
        ("{\"a\":1,\"a\":2}", .duplicateKey),
        ("{\"a\":1,\"\\u0061\":2}", .duplicateKey),
        ("{\"é\":1}", .nonASCIIKey),
        ("{\"\\u00e9\":1}", .nonASCIIKey),
        ("\"\\ud800\"", .loneSurrogate),
        ("\"\\udc00\"", .loneSurrogate),
        ("\"\\ud800\\u0041\"", .loneSurrogate),
        ("\"\\ud800x\"", .loneSurrogate),
        ("\"\\x\"", .invalidEscape),
        ("\"\\u12g4\"", .invalidEscape),
        ("\"\\'\"", .invalidEscape),
        ("\"a\nb\"", .unescapedControlCharacter),
        ("\"a\tb\"", .unescapedControlCharacter),
        ("\"abc", .unexpectedEnd),
        ("[1,2", .unexpectedEnd),
        ("[1,]", .unexpectedByte),
        ("[,1]", .unexpectedByte),
        ("{\"a\" 1}", .unexpectedByte),
        ("{\"a\":1,}", .unexpectedByte),
        ("{a:1}", .unexpectedByte),
        ("nul", .unexpectedEnd),
        ("nulL", .unexpectedByte),
        ("True", .unexpectedByte),
        ("1 2", .trailingData),
        ("{} x", .trailingData),
        ("[]]", .trailingData),
        ("", .unexpectedEnd),
        ("   ", .unexpectedEnd),
        ("\u{FEFF}1", .unexpectedByte),
        ("NaN", .unexpectedByte),
    ]

    @Test("refuses inputs outside the subset or malformed", arguments: refusedInputs)
    func refuses(input: String, error: CanonicalJSONError) {
        #expect(throws: error) { try CanonicalJSON.parse(Array(input.utf8)) }
    }

    @Test(
        "refuses invalid UTF-8", arguments: [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]])
    func refusesInvalidUTF8(bytes: [UInt8]) {
        #expect(throws: CanonicalJSONError.invalidUTF8) { try CanonicalJSON.parse(bytes) }
    }

    @Test("accepts a surrogate pair escape and serialises it as literal UTF-8")
    func surrogatePair() throws {
        let value = try CanonicalJSON.parse(Array(#""\ud83d\ude00""#.utf8))
        #expect(value == .string("😀"))
        #expect(try value.canonicalString() == "\"😀\"")
    }

    @Test(
        "refuses integers beyond ±2^53 when serialising",
        arguments: [Int64(1) << 53 + 1, -(Int64(1) << 53) - 1, .max, .min])
    func refusesLargeIntegers(number: Int64) {
        #expect(throws: CanonicalJSONError.integerOutOfRange) { try CanonicalJSON.integer(number).canonicalBytes() }
    }

    @Test("refuses non-ASCII member names when serialising", arguments: ["é", "日本", "a\u{0301}", "😀"])
    func refusesNonASCIIKeys(key: String) {
        #expect(throws: CanonicalJSONError.nonASCIIKey) { try CanonicalJSON.object([key: 1]).canonicalBytes() }
    }

    @Test("accepts nesting up to the limit and refuses one level more, both ways")
    func nestingLimit() throws {
        func nested(_ depth: Int) -> CanonicalJSON {
            (0..<depth).reduce(CanonicalJSON.integer(1)) { inner, level in
                level.isMultiple(of: 2) ? .array([inner]) : .object(["k": inner])
            }
        }
        let deepest = nested(CanonicalJSON.maximumDepth)
        let bytes = try deepest.canonicalBytes()
        #expect(try CanonicalJSON.parseCanonical(bytes) == deepest)
        #expect(throws: CanonicalJSONError.tooDeep) { try nested(CanonicalJSON.maximumDepth + 1).canonicalBytes() }
        let tooDeep = String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
        #expect(throws: CanonicalJSONError.tooDeep) { try CanonicalJSON.parse(Array(tooDeep.utf8)) }
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: CanonicalJSONError.tooDeep) { try CanonicalJSON.parse(Array(hostile.utf8)) }
    }

    static let nonCanonical: [String] = [
        "{\"b\":1,\"a\":2}",
        "{ \"a\":1}",
        "[1, 2]",
        " 1",
        "1\n",
        "\"\\/\"",
        "\"\\u0041\"",
        "\"\\u000A\"",
        "\"\\u000a\"",
        "\"\\u00e9\"",
        "\"\\u001F\"",
    ]

    @Test("parseCanonical refuses valid but non-canonical spellings", arguments: nonCanonical)
    func refusesNonCanonical(input: String) throws {
        _ = try CanonicalJSON.parse(Array(input.utf8))
        #expect(throws: CanonicalJSONError.notCanonical) { try CanonicalJSON.parseCanonical(Array(input.utf8)) }
    }

    @Test("compares strings by scalars, not by canonical equivalence")
    func exactStringEquality() throws {
        let composed = CanonicalJSON.string("\u{E9}")
        let decomposed = CanonicalJSON.string("e\u{301}")
        #expect(composed != decomposed)
        #expect(try composed.canonicalBytes() != decomposed.canonicalBytes())
        #expect(CanonicalJSON.object(["k": composed]) != CanonicalJSON.object(["k": decomposed]))
    }

    @Test("round-trips generated values: parse(serialise(x)) == x and serialise(parse(b)) == b")
    func roundTrips() throws {
        var generator = LedgerFixtures.SeededGenerator(seed: 0x6B75_7261)
        for _ in 0..<500 {
            let value = Self.randomValue(depth: 0, using: &generator)
            let bytes = try value.canonicalBytes()
            let parsed = try CanonicalJSON.parseCanonical(bytes)
            #expect(parsed == value)
            #expect(try parsed.canonicalBytes() == bytes)
        }
    }

    static func randomValue(depth: Int, using generator: inout LedgerFixtures.SeededGenerator) -> CanonicalJSON {
        let limit = CanonicalJSON.maximumIntegerMagnitude
        switch Int.random(in: depth > 4 ? 0..<5 : 0..<7, using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .integer(Int64.random(in: -limit...limit, using: &generator))
        case 3: return .integer([0, 1, -1, limit, -limit].randomElement(using: &generator)!)
        case 4:
            let pool: [Unicode.Scalar] = [
                "a", "\"", "\\", "/", "\n", "\u{0}", "\u{1F}", "\u{7F}", "é", "日", "😀", "\u{2028}",
            ]
            let scalars = (0..<Int.random(in: 0..<8, using: &generator)).map { _ in
                pool.randomElement(using: &generator)!
            }
            return .string(String(String.UnicodeScalarView(scalars)))
        case 5:
            return .array(
                (0..<Int.random(in: 0..<4, using: &generator)).map { _ in
                    randomValue(depth: depth + 1, using: &generator)
                })
        default:
            var members: [String: CanonicalJSON] = [:]
            for _ in 0..<Int.random(in: 0..<4, using: &generator) {
                let key = String(
                    (0..<Int.random(in: 0..<4, using: &generator)).map { _ in
                        "aZ0_\"\\\u{1}".randomElement(using: &generator)!
                    })
                members[key] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }
}
