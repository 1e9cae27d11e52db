/// Why a value cannot be serialised in, or bytes cannot be parsed as, the canonical JSON subset.
///
/// The cases carry no content from the input: details hold PHI-adjacent data (record ids,
/// actors), so a description says only what kind of problem was found.
public enum CanonicalJSONError: Error, Equatable, Sendable {
    /// An integer outside ±2^53.
    case integerOutOfRange
    /// An object member name that is not ASCII (the subset allows ASCII names only).
    case nonASCIIKey
    /// The same member name twice in one object (RFC 8785 §3.1 requires unique names).
    case duplicateKey
    /// Arrays and objects nested deeper than `CanonicalJSON.maximumDepth`.
    case tooDeep
    /// The bytes are not well-formed UTF-8.
    case invalidUTF8
    /// The input ended inside a value.
    case unexpectedEnd
    /// A byte that cannot start or continue a value here.
    case unexpectedByte
    /// A number with a fraction or an exponent (the subset has integers only).
    case notAnInteger
    /// An integer written with a leading zero, such as `01`.
    case leadingZero
    /// `-0`, which has no distinct value in the subset and serialises as `0`.
    case negativeZero
    /// An unknown escape, or a `\u` escape without four hexadecimal digits.
    case invalidEscape
    /// A `\u` escape of a surrogate that is not part of a high–low pair.
    case loneSurrogate
    /// A raw control character (below U+0020) inside a string; RFC 8259 §7 requires escaping.
    case unescapedControlCharacter
    /// Bytes after the end of the top-level value.
    case trailingData
    /// Valid in the subset but not byte-for-byte the RFC 8785 serialisation (whitespace, member
    /// order or escaping differ).
    case notCanonical
}

extension CanonicalJSONError: CustomStringConvertible {
    /// A fixed message per case; never any input content.
    public var description: String {
        switch self {
        case .integerOutOfRange: "canonical JSON: integer outside ±2^53"
        case .nonASCIIKey: "canonical JSON: non-ASCII member name"
        case .duplicateKey: "canonical JSON: duplicate member name"
        case .tooDeep: "canonical JSON: nested too deeply"
        case .invalidUTF8: "canonical JSON: invalid UTF-8"
        case .unexpectedEnd: "canonical JSON: unexpected end of input"
        case .unexpectedByte: "canonical JSON: unexpected byte"
        case .notAnInteger: "canonical JSON: number is not an integer"
        case .leadingZero: "canonical JSON: integer with a leading zero"
        case .negativeZero: "canonical JSON: negative zero"
        case .invalidEscape: "canonical JSON: invalid escape"
        case .loneSurrogate: "canonical JSON: lone surrogate escape"
        case .unescapedControlCharacter: "canonical JSON: unescaped control character in string"
        case .trailingData: "canonical JSON: data after the value"
        case .notCanonical: "canonical JSON: not in canonical form"
        }
    }
}
