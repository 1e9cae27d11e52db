/// A set of folded words and the stretches of a password that spell one of them.
struct WordSet: Sendable {
    let words: Set<String>
    /// The shortest and longest word, bounding the substrings worth looking up.
    let lengths: ClosedRange<Int>

    /// Keeps the words of at least `minimumLength` characters, folded like passwords.
    init(_ candidates: some Sequence<String>, minimumLength: Int) {
        var words = Set<String>()
        var shortest = Int.max
        var longest = 0
        for candidate in candidates {
            let word = PasswordText(candidate).foldedString
            let length = word.count
            guard length >= minimumLength else { continue }
            words.insert(word)
            shortest = min(shortest, length)
            longest = max(longest, length)
        }
        self.words = words
        self.lengths = words.isEmpty ? minimumLength...minimumLength : shortest...longest
    }

    /// Every range of the password that spells a word in any of its variants.
    ///
    /// A password has at most 128 characters, so looking up each substring of a possible word
    /// length (a few thousand set lookups per variant) is cheap and needs no index.
    func matches(in variants: [[Character]]) -> Set<Range<Int>> {
        var found = Set<Range<Int>>()
        guard !words.isEmpty else { return found }
        for variant in variants {
            for start in variant.indices {
                let longest = min(lengths.upperBound, variant.count - start)
                guard longest >= lengths.lowerBound else { break }
                for length in lengths.lowerBound...longest
                where words.contains(String(variant[start..<start + length])) {
                    found.insert(start..<start + length)
                }
            }
        }
        return found
    }
}
