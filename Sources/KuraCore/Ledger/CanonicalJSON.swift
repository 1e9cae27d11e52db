/// A JSON value in the subset of RFC 8785 (JCS) that the ledger uses for details and leaves.
///
/// DESIGN.md "The ledger" keeps the subset small so that canonical bytes are easy to get right:
/// `null`, booleans, integers with |n| ≤ 2^53, strings, arrays, and objects whose member names
/// are ASCII. There are no floating-point numbers, so RFC 8785 §3.2.2.3 (ECMAScript number
/// formatting) reduces to plain decimal integers. Foundation's `JSONEncoder` is not RFC 8785
/// and is never used for these bytes.
public enum CanonicalJSON: Sendable {
    /// The JSON literal `null`.
    case null
    /// The JSON literals `true` and `false`.
    case bool(Bool)
    /// An integer; only |n| ≤ 2^53 can be serialised (I-JSON, RFC 7493 §2.2, plus 2^53 itself).
    case integer(Int64)
    /// A string of Unicode scalars; serialised as UTF-8 with RFC 8785 §3.2.2.2 escaping.
    case string(String)
    /// An ordered array.
    case array([CanonicalJSON])
    /// An object; member names must be ASCII to be serialised, and are sorted on output.
    case object([String: CanonicalJSON])

    /// The largest integer magnitude the subset allows (2^53, the last integer every IEEE 754
    /// double reader represents exactly).
    public static let maximumIntegerMagnitude: Int64 = 1 << 53

    /// The deepest nesting of arrays and objects accepted, both ways (a scalar is depth 0).
    public static let maximumDepth = 32
}

extension CanonicalJSON: Equatable {
    /// Compares values exactly: strings by their Unicode scalars, not by Swift's canonical
    /// equivalence, because two canonically equivalent strings serialise to different bytes.
    public static func == (lhs: CanonicalJSON, rhs: CanonicalJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case (.bool(let left), .bool(let right)):
            return left == right
        case (.integer(let left), .integer(let right)):
            return left == right
        case (.string(let left), .string(let right)):
            return left.unicodeScalars.elementsEqual(right.unicodeScalars)
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0 == $1 }
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            // Look up by scalars, not by dictionary key equality (which is canonical equivalence).
            return left.allSatisfy { key, value in
                right.contains { other, otherValue in
                    key.unicodeScalars.elementsEqual(other.unicodeScalars) && value == otherValue
                }
            }
        default:
            return false
        }
    }
}
