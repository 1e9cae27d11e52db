/// Why a checklist data file could not be read: the file's name, the 1-based line and what is
/// wrong there. Data files are public text, so a message may quote a key or value, cut short.
public struct ChecklistFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the caller gave it.
    public let file: String
    /// The 1-based line number.
    public let line: Int
    /// What is wrong.
    public let problem: Problem

    /// Creates an error.
    public init(file: String, line: Int, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// What is wrong with a line.
    public enum Problem: Hashable, Sendable {
        /// The bytes are not UTF-8.
        case notUTF8
        /// A line is neither a comment, blank, nor `key: value`.
        case missingColon
        /// A key is not indented as its place requires (header and `item:` at column 0, item
        /// keys by exactly two spaces; tabs are refused).
        case badIndentation
        /// The key is not known in this place.
        case unknownKey(String)
        /// The key appears twice in the header or in one item.
        case duplicateKey(String)
        /// The key has no value.
        case emptyValue(String)
        /// The header lacks this key (reported at the first item, or the last line).
        case missingHeaderKey(String)
        /// The item lacks this key (reported at its `item:` line).
        case missingItemKey(String)
        /// `item:` without an id.
        case missingID
        /// An id that is not letters, digits and `-` (or too long).
        case invalidID(String)
        /// The id was already used by an earlier item.
        case duplicateID(String)
        /// `form:` is not a known form.
        case unknownForm(String)
        /// `evaluation:` is not `auto`, `prefilled` or `manual`.
        case unknownEvaluation(String)
        /// `evaluator:` names no evaluator Kura has.
        case unknownEvaluator(String)
        /// `registry:` names no registry Kura has.
        case unknownRegistry(String)
        /// `confidence:` is not `primary`, `secondary`, `inferred` or `unverified`.
        case unknownConfidence(String)
        /// A requirement id is not written like `AUTH-3`.
        case invalidRequirement(String)
        /// `published:` is not `YYYY-MM-DD` or `YYYY-MM`.
        case invalidDate(String)
        /// The key does not go with the item's evaluation (`registry:` on an `auto` item).
        case keyNotAllowed(String)
        /// The file has no items.
        case noItems
    }

    /// `file:line: message`, as compilers print it, so editors can jump to the line.
    public var description: String {
        "\(file):\(line): \(message)"
    }

    /// The message without the position.
    public var message: String {
        switch problem {
        case .notUTF8: "the file is not UTF-8 text"
        case .missingColon: "expected `key: value`, a `#` comment or a blank line"
        case .badIndentation:
            "bad indentation: header keys and `item:` start the line, item keys are indented by two spaces"
        case .unknownKey(let key): "unknown key `\(Self.cut(key))`"
        case .duplicateKey(let key): "`\(Self.cut(key))` is given twice"
        case .emptyValue(let key): "`\(Self.cut(key))` has no value"
        case .missingHeaderKey(let key): "the header lacks `\(key):`"
        case .missingItemKey(let key): "the item lacks `\(key):`"
        case .missingID: "`item:` needs an id"
        case .invalidID(let id): "id `\(Self.cut(id))` may only use letters, digits and `-`"
        case .duplicateID(let id): "id `\(Self.cut(id))` is used by an earlier item"
        case .unknownForm(let form): "unknown form `\(Self.cut(form))` (institution, vendor, pharmacy, requirements)"
        case .unknownEvaluation(let kind): "unknown evaluation `\(Self.cut(kind))` (auto, prefilled, manual)"
        case .unknownEvaluator(let id): "unknown evaluator `\(Self.cut(id))`"
        case .unknownRegistry(let id): "unknown registry `\(Self.cut(id))`"
        case .unknownConfidence(let value):
            "unknown confidence `\(Self.cut(value))` (primary, secondary, inferred, unverified)"
        case .invalidRequirement(let id): "requirement id `\(Self.cut(id))` must look like AUTH-3"
        case .invalidDate(let text): "`\(Self.cut(text))` is not YYYY-MM-DD or YYYY-MM"
        case .keyNotAllowed(let key): "`\(Self.cut(key))` does not go with this item's evaluation"
        case .noItems: "the file has no items"
        }
    }

    /// At most 40 characters of a quoted key or value.
    static func cut(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
