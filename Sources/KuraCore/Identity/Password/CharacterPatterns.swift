/// Repeats (aaaa, abab, abcabc) and sequences (abcd, 1234, 9876, あいうえ) found by our own code.
enum CharacterPatterns {
    /// The shortest repeat or sequence reported.
    static let minimumLength = 4

    /// The orders a sequence runs in: the Latin alphabet, the digits and the gojūon order of
    /// hiragana (katakana is folded to hiragana; the small kana and dakuten are left out, so
    /// "あいうえ" is a sequence although the code points of あ and い are not adjacent).
    static let alphabets: [[Character]] = [
        Array("abcdefghijklmnopqrstuvwxyz"),
        Array("0123456789"),
        Array("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"),
    ]

    /// Each character's alphabet and position in it.
    static let positions: [Character: (alphabet: Int, index: Int)] = {
        var positions: [Character: (alphabet: Int, index: Int)] = [:]
        for (alphabet, letters) in alphabets.enumerated() {
            for (index, letter) in letters.enumerated() { positions[letter] = (alphabet, index) }
        }
        return positions
    }()

    /// Stretches that repeat a unit at least twice, in total at least `minimumLength` long; a
    /// trailing partial unit counts too (abcabca).
    static func repeats(in variants: [[Character]]) -> Set<Range<Int>> {
        var found = Set<Range<Int>>()
        for text in variants {
            for start in text.indices {
                for unit in 1...max(1, (text.count - start) / 2) {
                    var end = start + unit
                    while end < text.count, text[end] == text[end - unit] { end += 1 }
                    if end - start >= max(2 * unit, minimumLength) { found.insert(start..<end) }
                }
            }
        }
        return found
    }

    /// Maximal stretches whose characters step through one alphabet by the same amount each time:
    /// ±1 (abcd, 4321) or ±2 (2468, aceg).
    static func sequences(in variants: [[Character]]) -> Set<Range<Int>> {
        var found = Set<Range<Int>>()
        for text in variants {
            for step in [1, -1, 2, -2] {
                var start = 0
                while start < text.count {
                    var end = start + 1
                    while end < text.count, let previous = positions[text[end - 1]],
                        let current = positions[text[end]],
                        previous.alphabet == current.alphabet, current.index - previous.index == step
                    {
                        end += 1
                    }
                    if end - start >= minimumLength { found.insert(start..<end) }
                    start = end
                }
            }
        }
        return found
    }
}
