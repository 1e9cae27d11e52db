/// Folds kana readings and names to the keys that patient search compares (DESIGN.md "Search
/// without plaintext indexes"), so that the ways people type a name all find it.
///
/// Both folds apply the width part of NFKC that Japanese names meet — full-width ASCII to ASCII
/// (Ａ→A, １→1), half-width katakana to full-width (ｶﾞ→ガ), U+3000 to a space — compose a kana
/// with a following voiced or semi-voiced sound mark (combining U+3099/U+309A, spacing
/// ゛/゜ U+309B/U+309C, half-width ﾞ/ﾟ) as NFC does (カ+゛→ガ), drop all whitespace and the
/// middle dots ・ and ·, and lowercase.
///
/// Other compatibility characters (㈱, ㌔, CJK compatibility ideographs such as U+FA19 神) pass
/// through unchanged. This is deliberate: KuraCore has no Foundation, and on Linux
/// swift-corelibs-foundation's `precomposedStringWithCompatibilityMapping` leaves half-width
/// voiced kana decomposed (ﾊﾟ becomes ハ U+309A, not パ), which is exactly the case that matters
/// here. The test suite checks this table against Foundation's NFKC followed by NFC.
public enum KanaNormalizer {
    /// The search key of a kana reading (フリガナ): the common folds, then hiragana to katakana,
    /// small kana to large (ァ→ア, ッ→ツ, ャ→ヤ, ヮ→ワ, ヵ→カ, ヶ→ケ), and the prolonged sound mark
    /// ー removed together with the dashes and waves typed in its place (-, ‐, –, —, ―, −, ─, 〜, ~).
    ///
    /// Removing ー makes コーイチ and コイチ the same key, so a reading typed with or without the
    /// long vowel finds the patient; it does not make コーイチ and コウイチ equal (長音 is not
    /// expanded to ウ or オ). Voiced and plain kana stay apart: ガ ≠ カ, パ ≠ ハ.
    public static func normalize(_ reading: some StringProtocol) -> String {
        fold(reading, reading: true)
    }

    /// The search key of a name as written (kanji, kana or Latin): the common folds only, so
    /// hiragana stays hiragana and variant kanji (髙/高, 﨑/崎) stay distinct.
    public static func normalizeName(_ name: some StringProtocol) -> String {
        fold(name, reading: false)
    }

    /// The non-empty reading keys of each word of a reading, split at whitespace and middle dots
    /// (ヤマダ　タロウ, ジョン・スミス); their concatenation is the key of the whole reading.
    static func readingWords(_ reading: some StringProtocol) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in reading.unicodeScalars {
            let folded = widthFolded(scalar)
            if folded.properties.isWhitespace || isMiddleDot(folded) {
                if !word.isEmpty { words.append(normalize(String(word))) }
                word = String.UnicodeScalarView()
            } else {
                word.append(scalar)
            }
        }
        if !word.isEmpty { words.append(normalize(String(word))) }
        return words.filter { !$0.isEmpty }
    }

    private static func fold(_ text: some StringProtocol, reading: Bool) -> String {
        var output = String.UnicodeScalarView()
        for original in text.unicodeScalars {
            let scalar = widthFolded(original)
            if scalar.properties.isWhitespace || isMiddleDot(scalar) { continue }
            if let mark = SoundMark(scalar) {
                if let last = output.last, let composed = mark.compose(with: last) {
                    output.removeLast()
                    output.append(composed)
                } else {
                    output.append(mark.combining)
                }
                continue
            }
            if reading {
                let kana = largeKana(katakana(scalar))
                if isProlongedSoundMark(kana) { continue }
                appendLowercased(kana, to: &output)
            } else {
                appendLowercased(scalar, to: &output)
            }
        }
        return String(output)
    }

    private static func appendLowercased(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        if (0x41...0x5A).contains(scalar.value) {
            output.append(Unicode.Scalar(scalar.value + 0x20)!)
        } else if scalar.value >= 0x80 && scalar.properties.changesWhenLowercased {
            output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        } else {
            output.append(scalar)
        }
    }
}
