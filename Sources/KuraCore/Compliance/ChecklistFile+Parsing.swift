/// The checklist data format: line-oriented UTF-8 text that a clinic's security officer can read
/// and correct in a text editor (issue 8).
///
/// ```
/// # A comment: a line whose first non-blank character is `#`. Blank lines are ignored.
/// checklist: mhlw-r7-institution          header keys start the line, before the first item
/// edition: R7
/// published: 2025-05-16                   YYYY-MM-DD, or YYYY-MM when only the month is known
/// form: institution                       institution, vendor, pharmacy or requirements
/// title-ja: …
/// title-en: …
/// source: …
///
/// item: inst-2-10                         an id: letters, digits and `-`, unique
///   number: 2⑩                            item keys are indented by exactly two spaces
///   title-ja: …
///   title-en: …
///   requirements: MFA-1, MFA-3            comma-separated catalog ids
///   evaluation: auto                      auto (needs `evaluator:`), prefilled (needs
///   evaluator: mfa-1                      `registry:`) or manual (neither)
///   source: catalog 3.3
///   confidence: unverified                primary, secondary, inferred or unverified
///   note-ja: …                            optional, both languages or neither
///   note-en: …
/// ```
///
/// A value runs to the end of its line; `#` inside a value is text, not a comment. Every error
/// names the line (``ChecklistFileError``).
extension ChecklistFile {
    /// The header keys, all required.
    static let headerKeys = ["checklist", "edition", "published", "form", "title-ja", "title-en", "source"]
    /// The keys an item may have.
    static let itemKeys: Set<String> = [
        "number", "title-ja", "title-en", "requirements", "evaluation", "evaluator", "registry", "source",
        "confidence", "note-ja", "note-en",
    ]

    /// Parses a data file's bytes; `name` is used in error messages only.
    public init(parsing bytes: some Collection<UInt8>, name: String) throws(ChecklistFileError) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ChecklistFileError(file: name, line: 1, problem: .notUTF8)
        }
        try self.init(parsing: text, name: name)
    }

    /// Parses a data file's text; `name` is used in error messages only.
    public init(parsing text: String, name: String) throws(ChecklistFileError) {
        var header = KeyedLines()
        var blocks: [(line: Int, id: String, keys: KeyedLines)] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift; LF, CRLF and a lone CR all end a line (any editor).
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isLineEnd) {
            lineNumber += 1
            func fail(_ problem: ChecklistFileError.Problem) -> ChecklistFileError {
                ChecklistFileError(file: name, line: lineNumber, problem: problem)
            }
            var line = Substring(rawLine)
            if lineNumber == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
            let leading = line.prefix { $0 == " " || $0 == "\t" }
            let content = line.dropFirst(leading.count)
            if content.isEmpty || content.first == "#" { continue }
            guard !leading.contains("\t") else { throw fail(.badIndentation) }
            let indent = leading.count
            guard let colon = content.firstIndex(of: ":") else { throw fail(.missingColon) }
            let key = String(content[..<colon])
            let value = String(content[content.index(after: colon)...].trimmingSpaces)
            if key == "item" {
                guard indent == 0 else { throw fail(.badIndentation) }
                guard !value.isEmpty else { throw fail(.missingID) }
                guard Self.isValidID(value) else { throw fail(.invalidID(value)) }
                if blocks.contains(where: { $0.id == value }) { throw fail(.duplicateID(value)) }
                blocks.append((lineNumber, value, KeyedLines()))
            } else if blocks.isEmpty {
                guard indent == 0 else { throw fail(.badIndentation) }
                guard Self.headerKeys.contains(key) else { throw fail(.unknownKey(key)) }
                guard !value.isEmpty else { throw fail(.emptyValue(key)) }
                guard header.add(key, value, line: lineNumber) else { throw fail(.duplicateKey(key)) }
            } else {
                guard indent == 2 else { throw fail(.badIndentation) }
                guard Self.itemKeys.contains(key) else { throw fail(.unknownKey(key)) }
                guard !value.isEmpty else { throw fail(.emptyValue(key)) }
                guard blocks[blocks.count - 1].keys.add(key, value, line: lineNumber) else {
                    throw fail(.duplicateKey(key))
                }
            }
        }
        let headerEnd = blocks.first?.line ?? max(lineNumber, 1)
        for key in Self.headerKeys where header[key] == nil {
            throw ChecklistFileError(file: name, line: headerEnd, problem: .missingHeaderKey(key))
        }
        guard let form = ChecklistForm(rawValue: header["form"]!) else {
            throw ChecklistFileError(file: name, line: header.line("form"), problem: .unknownForm(header["form"]!))
        }
        guard Self.isValidPublicationDate(header["published"]!) else {
            throw ChecklistFileError(
                file: name, line: header.line("published"), problem: .invalidDate(header["published"]!))
        }
        guard !blocks.isEmpty else { throw ChecklistFileError(file: name, line: headerEnd, problem: .noItems) }
        var items: [ChecklistItem] = []
        for block in blocks {
            items.append(try Self.item(block.id, block.keys, line: block.line, form: form, file: name))
        }
        self.init(
            id: header["checklist"]!, edition: header["edition"]!, published: header["published"]!, form: form,
            title: BilingualText(ja: header["title-ja"]!, en: header["title-en"]!), source: header["source"]!,
            items: items)
    }

    /// Ids are ASCII letters, digits and `-`, 1…40 characters.
    static func isValidID(_ id: String) -> Bool {
        (1...40).contains(id.utf8.count)
            && id.utf8.allSatisfy { $0.isASCIILetterOrDigit || $0 == UInt8(ascii: "-") }
    }

    /// `YYYY-MM-DD`, or `YYYY-MM` read as its first day.
    static func isValidPublicationDate(_ text: String) -> Bool {
        let full = text.utf8.count == 7 ? text + "-01" : text
        return (try? CivilDate(parsing: full)) != nil
    }
}

/// The `key: value` lines of the header or of one item, with their line numbers.
struct KeyedLines {
    private var values: [String: (value: String, line: Int)] = [:]

    /// Adds a key; false when it is already present.
    mutating func add(_ key: String, _ value: String, line: Int) -> Bool {
        guard values[key] == nil else { return false }
        values[key] = (value, line)
        return true
    }

    subscript(key: String) -> String? { values[key]?.value }

    /// The line of `key`, which must be present.
    func line(_ key: String) -> Int { values[key]!.line }

    /// Whether `key` is present.
    func has(_ key: String) -> Bool { values[key] != nil }
}

extension UInt8 {
    var isASCIILetterOrDigit: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}

extension Character {
    /// LF, CRLF (one Character in Swift) or a lone CR.
    var isLineEnd: Bool { self == "\n" || self == "\r\n" || self == "\r" }
}
