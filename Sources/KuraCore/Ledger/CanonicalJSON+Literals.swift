// Literal conformances so that details can be written as Swift literals, e.g.
// `["kind": "entry", "version": 3]`. They only build values; range and key checks happen when
// the value is serialised.

extension CanonicalJSON: ExpressibleByNilLiteral {
    /// Creates `null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension CanonicalJSON: ExpressibleByBooleanLiteral {
    /// Creates a boolean.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension CanonicalJSON: ExpressibleByIntegerLiteral {
    /// Creates an integer.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }
}

extension CanonicalJSON: ExpressibleByStringLiteral {
    /// Creates a string.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension CanonicalJSON: ExpressibleByArrayLiteral {
    /// Creates an array.
    public init(arrayLiteral elements: CanonicalJSON...) {
        self = .array(elements)
    }
}

extension CanonicalJSON: ExpressibleByDictionaryLiteral {
    /// Creates an object; a repeated name in the literal is a programming error and traps.
    public init(dictionaryLiteral elements: (String, CanonicalJSON)...) {
        self = .object(Dictionary(uniqueKeysWithValues: elements))
    }
}
