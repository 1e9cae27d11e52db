/// What a person's password must not contain (AUTH-3): their login, each part of each of their
/// names, the clinic's name and its parts, and "kura".
///
/// Names are split at spaces (also the ideographic space), "・" and the punctuation of logins
/// ("tanaka.hanako", "h_tanaka"), and kept whole as well. A word counts when it has at least
/// three characters, or two when it has a character outside ASCII: family names in kanji are
/// mostly two characters (田中), and a two-kanji name is as telling as a five-letter romaji one.
///
/// Any occurrence refuses, also inside a longer word: "kura" inside "sakura" too. An attacker who
/// targets a Kura clinic tries the product's name in every position first, so the rule stays
/// simple rather than guessing which occurrences are innocent.
public struct PasswordContext: Sendable {
    /// The folded context words, longest first.
    let words: [[Character]]

    /// Collects the context words; names may be in any script.
    public init(login: String, names: [String], clinicName: String?) {
        let sources = [login, "kura"] + names + [clinicName].compactMap { $0 }
        var words = Set<String>()
        for source in sources {
            let folded = PasswordText(source).foldedString
            let parts = folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
            for word in [folded] + parts where Self.counts(word) {
                words.insert(word)
            }
        }
        self.words = words.sorted { ($0.count, $0) > ($1.count, $1) }.map(Array.init)
    }

    /// Whether a word is long enough to count (see the type's comment).
    static func counts(_ word: String) -> Bool {
        word.count >= 3 || (word.count == 2 && word.contains { !$0.isASCII })
    }

    /// Whether any variant of the password contains a context word anywhere.
    func isContained(in variants: [[Character]]) -> Bool {
        for word in words {
            for variant in variants where variant.count >= word.count {
                for start in 0...(variant.count - word.count) where variant[start...].starts(with: word) {
                    return true
                }
            }
        }
        return false
    }
}
