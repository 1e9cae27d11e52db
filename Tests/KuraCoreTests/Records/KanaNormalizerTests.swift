import Foundation
import KuraCore
import Testing

@Suite("Kana normalisation")
struct KanaNormalizerTests {
    @Test(
        "readings typed in different ways get the same key",
        arguments: [
            // hiragana and katakana
            ("やまだ たろう", "ヤマダタロウ"), ("ヤマダ タロウ", "ヤマダタロウ"),
            // half-width katakana, with voiced and semi-voiced marks composed
            ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ"), ("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "パピプペポ"), ("ｳﾞｧｲｵﾘﾝ", "ヴアイオリン"),
            // combining and spacing sound marks, as NFC composes them
            ("か\u{3099}", "ガ"), ("か゛", "ガ"), ("は゜", "パ"), ("う゛", "ヴ"), ("ワ゛", "ヷ"), ("ゝ゛", "ヾ"),
            // small kana become large
            ("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカケ"), ("ぁっゃゎゕゖ", "アツヤワカケ"), ("ㇰㇱㇳ", "クシト"),
            // 長音 and the dashes typed for it are removed
            ("コーイチ", "コイチ"), ("ｺｰｲﾁ", "コイチ"), ("コ－イチ", "コイチ"), ("コ‐イチ", "コイチ"),
            ("コ-イチ", "コイチ"), ("コ―イチ", "コイチ"), ("コ〜イチ", "コイチ"), ("ゆーこ", "ユコ"),
            // whitespace of every kind and middle dots are removed; ASCII is lowercased
            (" やまだ\u{3000}たろう\t\n", "ヤマダタロウ"), ("ジョン・スミス", "ジヨンスミス"), ("ｼﾞｮﾝ･ｽﾐｽ", "ジヨンスミス"),
            ("ＡＢＣ　ｄｅｆ", "abcdef"), ("Smith John", "smithjohn"), ("山田 ﾀﾛｳ ABC", "山田タロウabc"),
        ])
    func readings(input: String, key: String) {
        #expect(KanaNormalizer.normalize(input) == key)
    }

    @Test("voiced and plain kana stay apart, and 長音 is not expanded to a vowel")
    func distinctions() {
        #expect(KanaNormalizer.normalize("ガ") != KanaNormalizer.normalize("カ"))
        #expect(KanaNormalizer.normalize("パ") != KanaNormalizer.normalize("ハ"))
        #expect(KanaNormalizer.normalize("パ") != KanaNormalizer.normalize("バ"))
        #expect(KanaNormalizer.normalize("ヴ") != KanaNormalizer.normalize("ブ"))
        #expect(KanaNormalizer.normalize("コウイチ") != KanaNormalizer.normalize("コーイチ"))
        #expect(KanaNormalizer.normalize("ア゛") == "ア\u{3099}")  // nothing to compose with: kept combining
    }

    @Test(
        "names keep their script, fold width and case, and lose whitespace",
        arguments: [
            ("山田　太郎", "山田太郎"), (" 山田 太郎 ", "山田太郎"), ("ＹＡＭＡＤＡ Taro", "yamadataro"), ("やまだ", "やまだ"),
            ("ｶﾞｯｺｳ", "ガッコウ"), ("ジョン・スミス", "ジョンスミス"), ("髙橋", "髙橋"), ("Ｏ’Ｂｒｉｅｎ", "o’brien"),
        ])
    func names(input: String, key: String) {
        #expect(KanaNormalizer.normalizeName(input) == key)
    }

    @Test("empty and blank input gives an empty key")
    func blank() {
        for text in ["", " ", "\u{3000}", "\t\n", "・", "ー"] {
            #expect(KanaNormalizer.normalize(text).isEmpty, "\(text.unicodeScalars.map(\.value))")
        }
        #expect(KanaNormalizer.normalizeName("\u{3000} ").isEmpty)
    }

    /// The width table is checked against Foundation's NFKC, followed by NFC because
    /// swift-corelibs-foundation leaves half-width voiced kana decomposed (ﾊﾟ → ハ U+309A).
    @Test("the width fold agrees with NFKC for full-width ASCII, half-width kana and kana + sound mark")
    func agreesWithNFKC() {
        func reference(_ text: String) -> String {
            let nfkc = text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
            let kept = nfkc.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "・" && $0 != "·" }
            return String(String.UnicodeScalarView(kept)).lowercased()
        }
        var inputs: [String] = (0xFF01...0xFF9F).map { String(Unicode.Scalar($0)!) }
        let halfwidthKana = (0xFF66...0xFF9D).map { String(Unicode.Scalar($0)!) }
        inputs += halfwidthKana.flatMap { [$0 + "ﾞ", $0 + "ﾟ"] }
        let kana = (0x3041...0x3096).map { Unicode.Scalar($0)! } + (0x30A1...0x30FA).map { Unicode.Scalar($0)! }
        inputs += kana.flatMap { [String($0) + "\u{3099}", String($0) + "\u{309A}"] }
        for input in inputs {
            #expect(
                KanaNormalizer.normalizeName(input) == reference(input), "\(input.unicodeScalars.map(\.value))")
        }
    }
}
