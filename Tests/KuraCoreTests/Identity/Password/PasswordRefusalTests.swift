import KuraCore
import Testing

@Suite("PasswordRefusal messages say which rule failed, in Japanese and English, and echo nothing")
struct PasswordRefusalTests {
    @Test("every rule has a distinct Japanese and English message", arguments: PasswordRefusal.allCases)
    func messages(refusal: PasswordRefusal) {
        let japanese = refusal.message(language: "ja")
        let english = refusal.message(language: "en")
        #expect(!japanese.isEmpty && !english.isEmpty && japanese != english)
        #expect(japanese.unicodeScalars.contains { $0.value >= 0x3040 })
        let isASCII = english.allSatisfy { $0.isASCII }
        #expect(isASCII)
        let others = PasswordRefusal.allCases.filter { $0 != refusal }
        #expect(!others.contains { $0.message(language: "en") == english })
        #expect(!others.contains { $0.message(language: "ja") == japanese })
    }

    @Test("a regional Japanese tag picks Japanese; any other language falls back to English")
    func languages() {
        #expect(PasswordRefusal.tooShort.message(language: "ja-JP") == PasswordRefusal.tooShort.message(language: "ja"))
        #expect(PasswordRefusal.tooShort.message(language: "JA") == PasswordRefusal.tooShort.message(language: "ja"))
        #expect(PasswordRefusal.tooShort.message(language: "fr") == PasswordRefusal.tooShort.message(language: "en"))
    }

    @Test("no message contains the refused password or the word it matched", arguments: PasswordPolicyTests.refused)
    func noEcho(password: String, rule: PasswordRefusal) {
        let matched = ["yamada", "taro", "kura", "sakura", "qwerty", "elephant", "tanaka", "heisei"]
        for language in ["ja", "en"] {
            let message = rule.message(language: language).lowercased()
            if password.count >= 4 { #expect(!message.contains(password.lowercased())) }
            for word in matched { #expect(!message.contains(word)) }
        }
    }
}
