extension CanonicalJSON {
    /// Parses JSON (RFC 8259 syntax, whitespace allowed) strictly into the subset.
    ///
    /// Refuses what the subset cannot represent exactly: fractions and exponents, integers beyond
    /// ±2^53, `-0`, leading zeros, duplicate or non-ASCII member names, lone surrogate escapes,
    /// invalid UTF-8, nesting deeper than `maximumDepth`, and anything after the value.
    public static func parse(_ bytes: some Collection<UInt8>) throws(CanonicalJSONError) -> CanonicalJSON {
        let input = Array(bytes)
        // Validate UTF-8 once up front; the parser then only has to reason about ASCII bytes.
        guard String(validating: input, as: UTF8.self) != nil else { throw .invalidUTF8 }
        var parser = Parser(input: input)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.isAtEnd else { throw .trailingData }
        return value
    }

    /// Parses bytes that must already be the RFC 8785 serialisation of a value in the subset.
    ///
    /// Used to re-check details rows read back from the database: the stored bytes are what the
    /// commitment covers, so they must be exactly the canonical form, not merely equivalent.
    public static func parseCanonical(_ bytes: some Collection<UInt8>) throws(CanonicalJSONError) -> CanonicalJSON {
        let input = Array(bytes)
        let value = try parse(input)
        guard try value.canonicalBytes() == input else { throw .notCanonical }
        return value
    }
}

/// A recursive-descent parser over validated UTF-8 bytes (RFC 8259 grammar, subset rules).
private struct Parser {
    let input: [UInt8]
    var position = 0

    init(input: [UInt8]) {
        self.input = input
    }

    var isAtEnd: Bool { position == input.count }

    mutating func skipWhitespace() {
        // RFC 8259 §2: insignificant whitespace is space, tab, line feed, carriage return.
        while position < input.count, [0x20, 0x09, 0x0A, 0x0D].contains(input[position]) {
            position += 1
        }
    }

    mutating func next() throws(CanonicalJSONError) -> UInt8 {
        guard position < input.count else { throw .unexpectedEnd }
        defer { position += 1 }
        return input[position]
    }

    func peek() throws(CanonicalJSONError) -> UInt8 {
        guard position < input.count else { throw .unexpectedEnd }
        return input[position]
    }

    mutating func expect(_ literal: String) throws(CanonicalJSONError) {
        for byte in literal.utf8 {
            guard try next() == byte else { throw .unexpectedByte }
        }
    }

    mutating func parseValue(depth: Int) throws(CanonicalJSONError) -> CanonicalJSON {
        switch try peek() {
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "["):
            return try parseArray(depth: depth + 1)
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .integer(try parseInteger())
        default:
            throw .unexpectedByte
        }
    }

    mutating func parseArray(depth: Int) throws(CanonicalJSONError) -> CanonicalJSON {
        guard depth <= CanonicalJSON.maximumDepth else { throw .tooDeep }
        position += 1  // "["
        var elements: [CanonicalJSON] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return .array(elements)
            default: throw .unexpectedByte
            }
        }
    }

    mutating func parseObject(depth: Int) throws(CanonicalJSONError) -> CanonicalJSON {
        guard depth <= CanonicalJSON.maximumDepth else { throw .tooDeep }
        position += 1  // "{"
        var members: [String: CanonicalJSON] = [:]
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw .unexpectedByte }
            let key = try parseString()
            // ASCII-only names make dictionary equality (canonical equivalence) exact.
            guard key.unicodeScalars.allSatisfy(\.isASCII) else { throw .nonASCIIKey }
            guard members[key] == nil else { throw .duplicateKey }
            skipWhitespace()
            guard try next() == UInt8(ascii: ":") else { throw .unexpectedByte }
            skipWhitespace()
            members[key] = try parseValue(depth: depth)
            skipWhitespace()
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return .object(members)
            default: throw .unexpectedByte
            }
        }
    }

    mutating func parseInteger() throws(CanonicalJSONError) -> Int64 {
        let negative = try peek() == UInt8(ascii: "-")
        if negative { position += 1 }
        var magnitude: Int64 = 0
        var digitCount = 0
        let firstDigit = position
        while position < input.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(input[position]) {
            // 2^53 has 16 digits; stop accumulating before Int64 could overflow.
            if digitCount < 17 {
                magnitude = magnitude * 10 + Int64(input[position] - UInt8(ascii: "0"))
            }
            digitCount += 1
            position += 1
        }
        guard digitCount > 0 else { throw position == input.count ? .unexpectedEnd : .unexpectedByte }
        if position < input.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(input[position]) {
            throw .notAnInteger
        }
        if input[firstDigit] == UInt8(ascii: "0") {
            guard digitCount == 1 else { throw .leadingZero }
            guard !negative else { throw .negativeZero }
        }
        guard digitCount <= 16, magnitude <= CanonicalJSON.maximumIntegerMagnitude else {
            throw .integerOutOfRange
        }
        return negative ? -magnitude : magnitude
    }

    mutating func parseString() throws(CanonicalJSONError) -> String {
        position += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var literalStart = position
        while true {
            let byte = try peek()
            switch byte {
            case UInt8(ascii: "\""):
                flushLiteral(from: literalStart, into: &scalars)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flushLiteral(from: literalStart, into: &scalars)
                position += 1
                scalars.append(try parseEscape())
                literalStart = position
            case 0x00..<0x20:
                throw .unescapedControlCharacter
            default:
                position += 1
            }
        }
    }

    /// Appends the raw (already validated) UTF-8 between `start` and the current position.
    func flushLiteral(from start: Int, into scalars: inout String.UnicodeScalarView) {
        guard start < position else { return }
        scalars.append(contentsOf: String(decoding: input[start..<position], as: UTF8.self).unicodeScalars)
    }

    mutating func parseEscape() throws(CanonicalJSONError) -> Unicode.Scalar {
        switch try next() {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try parseHex4()
            switch unit {
            case 0xD800...0xDBFF:
                // RFC 8259 §7: a high surrogate must be followed by an escaped low surrogate.
                guard try next() == UInt8(ascii: "\\"), try next() == UInt8(ascii: "u") else {
                    throw .loneSurrogate
                }
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw .loneSurrogate }
                let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw .loneSurrogate }
                return scalar
            case 0xDC00...0xDFFF:
                throw .loneSurrogate
            default:
                guard let scalar = Unicode.Scalar(unit) else { throw .invalidEscape }
                return scalar
            }
        default:
            throw .invalidEscape
        }
    }

    mutating func parseHex4() throws(CanonicalJSONError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = try next()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .invalidEscape
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
