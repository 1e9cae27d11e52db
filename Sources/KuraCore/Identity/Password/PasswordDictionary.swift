/// Dictionary words that a password must not consist of (AUTH-3): a word list read by the server,
/// such as Debian's cracklib-small or wamerican, or one an operator configured.
///
/// Kura ships no word list of its own (lists from other projects are not copied into the
/// repository); KuraCore only parses the text the server hands it.
public struct PasswordDictionary: Sendable {
    let wordSet: WordSet

    /// The shortest word kept: shorter words occur by chance inside random strings.
    public static let minimumWordLength = 4

    /// Reads one word per line; keeps words of at least four letters (lines with digits,
    /// apostrophes or other symbols are dropped), lowercased.
    public init(wordListText: String) {
        let words = wordListText.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty && $0.allSatisfy(\.isLetter) }
        wordSet = WordSet(words, minimumLength: Self.minimumWordLength)
    }

    /// The number of distinct words kept.
    public var count: Int { wordSet.words.count }

    /// Whether `word` (folded like a password) is in the list.
    public func contains(_ word: String) -> Bool {
        wordSet.words.contains(PasswordText(word).foldedString)
    }
}

extension Substring {
    /// The text without leading and trailing whitespace (KuraCore has no Foundation).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
