/// A password (or a context word) prepared for matching: one folded character per character of
/// the original, so that a match in any form names the same positions in the password.
///
/// Folding: full-width ASCII to ASCII (U+FF01…FF5E, the ideographic space, ¥ to the backslash the
/// JIS yen key types), katakana to
/// hiragana, then lower case. KuraCore has no Foundation, so this is a small, explicit subset of
/// NFKC and case folding: what a Japanese IME makes of the Latin keyboard. Leetspeak variants
/// (0→o, 1→i or l, 3→e, 4→a, 5→s, 7→t, @→a, $→s) are made from the folded form, because
/// cracking rules apply exactly these substitutions to word lists.
struct PasswordText {
    /// The characters as given.
    let original: [Character]
    /// The folded characters (same count as `original`).
    let folded: [Character]

    init(_ text: String) {
        original = Array(text)
        folded = original.map(Self.fold)
    }

    var count: Int { folded.count }

    /// The folded form and its leetspeak readings, each as long as the password, without duplicates.
    var variants: [[Character]] {
        var result = [folded]
        for one: Character in ["i", "l"] {
            let variant = folded.map { Self.leet($0, one: one) }
            if !result.contains(variant) { result.append(variant) }
        }
        return result
    }

    /// The folded text as a string, for context words and word lists.
    var foldedString: String { String(folded) }

    /// Folds one character (see the type's comment); a character whose lower case is not a single
    /// character is kept as it is, so positions never shift.
    static func fold(_ character: Character) -> Character {
        var character = character
        if character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first {
            switch scalar.value {
            case 0xFF01...0xFF5E:
                character = Character(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000:
                character = " "
            case 0x00A5, 0xFFE5:
                // The JIS keyboard's yen key types a backslash; shown and sometimes sent as ¥.
                character = "\\"
            case 0x30A1...0x30F6:
                character = Character(Unicode.Scalar(scalar.value - 0x60)!)
            default: break
            }
        }
        let lower = character.lowercased()
        return lower.count == 1 ? Character(lower) : character
    }

    /// The letter a leetspeak digit or symbol stands for; any other character unchanged.
    static func leet(_ character: Character, one: Character) -> Character {
        switch character {
        case "0": "o"
        case "1": one
        case "3": "e"
        case "4": "a"
        case "5", "$": "s"
        case "7": "t"
        case "@": "a"
        default: character
        }
    }
}
