/// The guessability rule (AUTH-3, NIST SP 800-63B §5.1.1.2 "commonly used, expected or
/// compromised values").
///
/// A password is guessable when one guessable token covers most of it: every character lies in
/// that token, in at most one more guessable token that is not a dictionary word, or among at
/// most four leftover characters that are not letters. That is exactly what cracking rules try
/// first: a word or pattern, perhaps with a year or a second pattern, with a few digits or
/// symbols before or after it ("Password123!", "qwerty2024!!", "Sakura1990#"). Letters left over
/// mean more than a decoration, so "correct horse battery staple", a passphrase of four random
/// words and random strings pass. The refusal names the kind of the longest token involved.
extension PasswordPolicy {
    /// The most characters, none of them letters, that may be left over beside the tokens.
    static let maximumLeftover = 4

    /// Every guessable token in the password (its folded form and leetspeak readings).
    static func tokens(in text: PasswordText, dictionary: PasswordDictionary?) -> [GuessableToken] {
        let variants = text.variants
        var found: [(Set<Range<Int>>, GuessableToken.Kind)] = [
            (CharacterPatterns.repeats(in: variants), .repeated),
            (KeyboardWalks.matches(in: variants), .keyboardWalk),
            (CharacterPatterns.sequences(in: variants), .sequence),
            // Dates are digits: leetspeak would only turn them into letters.
            (DatePatterns.matches(in: text.folded), .dateOrYear),
            (CommonWords.wordSet.matches(in: variants), .commonWord),
        ]
        if let dictionary { found.append((dictionary.wordSet.matches(in: variants), .dictionaryWord)) }
        var tokens: [GuessableToken] = []
        for (ranges, kind) in found {
            // A token inside a longer one of the same kind adds nothing.
            let maximal = ranges.filter { range in
                !ranges.contains {
                    $0 != range && $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound
                }
            }
            tokens += maximal.map { GuessableToken(range: $0, kind: kind) }
        }
        return tokens
    }

    /// The token that makes the password guessable (the longest such, see the extension's comment),
    /// or nil when the password is not guessable.
    static func guessableToken(in text: PasswordText, dictionary: PasswordDictionary?) -> GuessableToken? {
        let tokens = tokens(in: text, dictionary: dictionary)
        let everything = PositionMask(0..<text.count)
        var letters = PositionMask()
        for (position, character) in text.original.enumerated() where character.isLetter {
            letters.insert(position)
        }
        let masks = tokens.map { PositionMask($0.range) }

        func isDecoration(_ leftover: PositionMask) -> Bool {
            leftover.count <= maximumLeftover && leftover.isDisjoint(with: letters)
        }

        var best: GuessableToken?
        func consider(_ token: GuessableToken) {
            if best.map({ token.outranks($0) }) ?? true { best = token }
        }
        for (index, token) in tokens.enumerated() {
            let rest = everything.subtracting(masks[index])
            if isDecoration(rest) {
                consider(token)
                continue
            }
            for (other, second) in tokens.enumerated() where other != index && second.kind.mayBeSecondary {
                if isDecoration(rest.subtracting(masks[other])) {
                    consider(second.outranks(token) ? second : token)
                }
            }
        }
        return best
    }
}
