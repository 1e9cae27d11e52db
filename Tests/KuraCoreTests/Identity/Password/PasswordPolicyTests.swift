import KuraCore
import Testing

/// The context and word list every table row is checked with.
enum PolicyFixture {
    static let context = PasswordContext(
        login: "yamada.t", names: ["山田 太郎", "Yamada Taro"], clinicName: "あおば在宅クリニック")

    /// A tiny word list written for these tests (the real one is the system's).
    static let dictionary = PasswordDictionary(
        wordListText: """
            elephant
            butterfly
            sunflower
            internationalization
            correct
            horse
            battery
            staple
            mountain
            Library
            cat
            it's
            """)
}

@Suite("PasswordPolicy: length, composition, context and guessability (AUTH-3, AUTH-4)")
struct PasswordPolicyTests {
    let policy = PasswordPolicy.standard

    /// Passwords refused, each with the first rule it fails.
    static let refused: [(String, PasswordRefusal)] = [
        // Length and composition.
        ("", .tooShort),
        ("Abc1!", .tooShort),
        ("あいう1!x", .tooShort),
        (String(repeating: "x9!", count: 43), .tooLong),
        ("Zebrafish", .needsMix),
        ("84726153", .needsMix),
        ("kX9mQ2vL", .needsMix),
        ("kX9m Q2vL", .needsMix),
        ("猫と月と自転車", .tooShort),
        // Context: login, names (any part, kanji, leetspeak), clinic, "kura".
        ("tanaka-kura-1", .contextWord),
        ("Yamada#2024", .contextWord),
        ("T4r0!x9qZw", .contextWord),
        ("山田太郎です!1", .contextWord),
        ("x!9あおば在宅クリニック", .contextWord),
        ("qZ8!KuRa-7vw", .contextWord),
        // Common words and names, with leetspeak, full-width and katakana forms.
        ("Password123!", .commonWord),
        ("P@ssw0rd!", .commonWord),
        ("Sakura1990#", .contextWord),
        ("Suzuki1990#", .commonWord),
        ("Welcome@2025", .commonWord),
        ("Arigatou#1234", .commonWord),
        ("tanaka-suzuki-1", .commonWord),
        ("Konnichiwa2024", .commonWord),
        ("ぱすわーど1234!", .commonWord),
        ("パスワード1234!", .commonWord),
        ("ｐａｓｓｗｏｒｄ１２３！", .commonWord),
        ("Iloveyou!!12", .commonWord),
        ("sakurasakura", .needsMix),
        // Keyboard walks: rows both ways, shifted, columns and the other diagonal, JIS and kana.
        ("qwerty2024!!", .keyboardWalk),
        ("asdfghjkl;12", .keyboardWalk),
        ("zxcvbnm,./123", .keyboardWalk),
        ("Qwertyuiop!1", .keyboardWalk),
        ("poiuytrewq#1", .keyboardWalk),
        ("1qaz@WSX3edc", .keyboardWalk),
        ("2wsx3edc4rfv!", .keyboardWalk),
        ("zaq1xsw2cde3!", .keyboardWalk),
        ("zse4xdr5!!", .keyboardWalk),
        ("qwertyuiop@[1", .keyboardWalk),
        ("たていすかん12!", .keyboardWalk),
        ("1234567890-^¥", .keyboardWalk),
        // Repeats and sequences.
        ("aaaaaaaa1!", .repeated),
        ("abcabcabc#1", .repeated),
        ("Pa55!Pa55!Pa55!", .repeated),
        ("1985061919850619", .repeated),
        ("Abcdefgh123!", .sequence),
        ("abcdefg#2024", .sequence),
        ("あいうえおかき123!", .sequence),
        ("zyxwvu98!", .sequence),
        ("hello12345678", .sequence),
        // Years and dates.
        ("20240401!!1990", .dateOrYear),
        ("Heisei30!0401", .dateOrYear),
        ("2024/04/01Neko!", .dateOrYear),
        ("1990-12-25tanaka", .dateOrYear),
        ("19900101@@@@@", .dateOrYear),
        ("01.01.1990####", .dateOrYear),
        ("showa60/12/25!", .dateOrYear),
        ("令和5年4月1日です", .needsMix),
        // Dictionary words from the word list, also with leetspeak.
        ("Elephant2024!", .dictionaryWord),
        ("Butterfly#99", .dictionaryWord),
        ("internationalization", .dictionaryWord),
        ("Sunfl0wer!!", .dictionaryWord),
        ("M0unta1n-2000", .dictionaryWord),
    ]

    /// Passwords accepted: passphrases, random strings, Japanese sentences, and words with real
    /// additions (letters left over).
    static let accepted: [String] = [
        "correct horse battery staple",
        "correcthorsebatterystaple",
        "staple battery horse correct",
        "Correct-Horse-7",
        "ocean tulip ladder cobalt",
        "purple-giraffe-dances-7",
        "rivers-lanterns-orbit-92",
        "glass ceiling jumps 4x",
        "Elephant mango 42 river",
        "zR8!elephant",
        "mango tango 1987 jazz",
        "kitten piano 9 river",
        "My dog eats 3 socks",
        "Tr9$kLm2#pQx",
        "xK7!vN2@qR5#",
        "q8#Zt!3mW",
        "mX4%bR9&",
        "b7#Uw9!zQe",
        "4Fq!9wLz#2",
        "Yz3&uJ8*kP1",
        "Bq7!Xt2@",
        "hV5#mK8$nJ",
        "Vx!82kQm&Lp0",
        "Rz#4Tq@8Wn",
        "9Lives&2Moons",
        "猫と月と自転車の古いうたごえ",
        "吾輩は猫である。名前はまだ無い",
        "雪のち晴れ、7月の風!",
        "北海道の冬は寒い2024!",
        "ｑ８＃Ｚｔ！３ｍＷ",
        "tulip7!Orbit",
        "Fuji, cranes & 3 plums",
        "Pw9!Pw8@Pv7#",
    ]

    @Test("each refused password fails the expected rule first", arguments: refused)
    func refuses(password: String, rule: PasswordRefusal) {
        #expect(
            policy.check(password, context: PolicyFixture.context, dictionary: PolicyFixture.dictionary) == rule)
    }

    @Test("each accepted password passes every rule", arguments: accepted)
    func accepts(password: String) {
        #expect(policy.check(password, context: PolicyFixture.context, dictionary: PolicyFixture.dictionary) == nil)
    }

    @Test("the tables are large enough and name every rule")
    func tableCoverage() {
        #expect(Self.refused.count >= 30)
        #expect(Self.accepted.count >= 30)
        #expect(Set(Self.refused.map(\.1).map { "\($0)" }) == Set(PasswordRefusal.allCases.map { "\($0)" }))
    }

    @Test("without a word list, dictionary words are not refused but common words still are")
    func withoutDictionary() {
        #expect(policy.check("Elephant2024!", context: PolicyFixture.context, dictionary: nil) == nil)
        #expect(policy.check("Password123!", context: PolicyFixture.context, dictionary: nil) == .commonWord)
    }

    @Test("exactly 128 characters are accepted, 129 refused; nothing is truncated")
    func maximumLength() {
        let random = Array("Tr9$kLm2#pQxK7!vN2@qR5#b7Uw9zQe4Fq!wLz#2Yz3&uJ8*kP1")
        // A long string without repeats: each character of the pool once per round, shifted.
        var characters: [Character] = []
        var round = 0
        while characters.count < 129 {
            characters += random.enumerated().map { random[($0.offset * 7 + round) % random.count] }
            round += 1
        }
        let maximum = String(characters.prefix(128))
        #expect(policy.check(maximum, context: PolicyFixture.context, dictionary: PolicyFixture.dictionary) == nil)
        #expect(
            policy.check(maximum + "x", context: PolicyFixture.context, dictionary: PolicyFixture.dictionary)
                == .tooLong)
        // Kanji count as one character each, not by their UTF-8 bytes.
        let kanji = String(String(repeating: "吾輩猫名前無雪晴風冬寒月", count: 11).prefix(128))
        #expect(kanji.utf8.count == 384)
        #expect(policy.check(kanji, context: PolicyFixture.context, dictionary: nil) != .tooLong)
    }

    @Test("length counts what a person sees: a decomposed が counts once")
    func graphemes() {
        // がぎぐげござ with each voiced mark as a separate combining scalar.
        let kana = [0x304B, 0x304D, 0x304F, 0x3051, 0x3053, 0x3055].map { String(UnicodeScalar($0)!) + "\u{3099}" }
        let decomposed = kana.joined() + "1!"
        #expect(decomposed.count == 8 && decomposed.unicodeScalars.count == 14)
        #expect(policy.check(decomposed, context: PolicyFixture.context, dictionary: nil) == nil)
        #expect(
            policy.check(String(decomposed.dropLast()), context: PolicyFixture.context, dictionary: nil) == .tooShort)
    }

    @Test("a character stacked with hundreds of combining marks counts as too long")
    func combiningFlood() {
        let zalgo = "Tr9$kLm2#pQx" + String(repeating: "\u{0301}", count: 600)
        #expect(policy.check(zalgo, context: PolicyFixture.context, dictionary: nil) == .tooLong)
    }
}
