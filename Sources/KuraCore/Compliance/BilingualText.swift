/// A short text in Japanese with its English rendering, for checklist titles, evidence labels and
/// reasons (issue 8: the report is read by a Japanese inspector and by English-reading staff).
public struct BilingualText: Hashable, Sendable {
    /// The Japanese text.
    public let ja: String
    /// The English text.
    public let en: String

    /// Creates a text from both languages.
    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }
}
