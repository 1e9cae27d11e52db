/// Words people build passwords from in a Japanese clinic, written for Kura (not taken from any
/// other project's list): English password staples, everyday romaji words, the commonest family
/// and given names in romaji, a few of them in kana, and words of the medical workplace.
///
/// The list is short on purpose: it catches what a person is most likely to reach for first,
/// while the system word list (`PasswordDictionary`) covers general vocabulary.
enum CommonWords {
    /// Words of at least three characters; matched after folding and leetspeak normalisation.
    static let words: [String] = [
        // English password staples.
        "password", "passwd", "passcode", "welcome", "admin", "administrator", "letmein", "iloveyou",
        "monkey", "dragon", "master", "secret", "sunshine", "princess", "football", "baseball",
        "superman", "batman", "pokemon", "hello", "guest", "changeme", "default", "login", "user",
        "test", "qwerty", "trustno1", "whatever", "freedom", "shadow", "michael", "charlie",
        // Everyday romaji words and phrases.
        "sakura", "arigatou", "arigato", "konnichiwa", "konbanwa", "ohayou", "ohayo", "sayonara",
        "sayounara", "oyasumi", "daisuki", "aishiteru", "kawaii", "suki", "genki", "ganbare",
        "ganbatte", "himitsu", "anata", "watashi", "boku", "tomodachi", "kazoku", "kokoro", "kibou",
        "mirai", "yume", "hikari", "sora", "umi", "yama", "hoshi", "tsuki", "hana", "neko", "inu",
        "usagi", "tanuki", "kitsune", "sushi", "ramen", "tokyo", "osaka", "kyoto", "yokohama",
        "nagoya", "sapporo", "fukuoka", "okinawa", "nihon", "nippon", "japan", "fujisan",
        "doraemon", "pikachu", "totoro", "naruto", "anpanman", "kitty",
        "pasuwado", "pasuwaado",
        // The commonest family names.
        "sato", "satou", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "itou", "yamamoto",
        "nakamura", "kobayashi", "kato", "katou", "yoshida", "yamada", "sasaki", "yamaguchi",
        "matsumoto", "inoue", "kimura", "hayashi", "shimizu", "yamazaki", "mori", "abe", "ikeda",
        "hashimoto", "ishikawa", "ogawa", "okada", "goto", "gotou", "hasegawa", "murakami",
        "kondo", "kondou", "ishii", "saito", "saitou", "sakamoto", "endo", "endou", "aoki",
        "fujita", "nishimura", "fukuda", "ota", "oota", "miura", "fujii", "okamoto", "matsuda",
        "nakajima", "nakano", "harada", "ono", "takeda",
        // Common given names.
        "hiroshi", "takashi", "akira", "kenji", "taro", "tarou", "jiro", "jirou", "hanako", "yuki",
        "yuko", "yuuko", "keiko", "naoko", "kazuko", "makoto", "daisuke", "shota", "shouta",
        "haruto", "yuto", "yuuto", "sota", "souta", "ren", "hina", "yui", "mei", "aoi", "riko",
        "akiko", "tomoko", "yoko", "youko", "kumiko", "mayumi", "megumi", "ayumi", "kaori",
        "takeshi", "satoshi", "tsuyoshi", "kazuki", "ryota", "ryouta", "shun", "kenta", "yusuke",
        // The medical workplace.
        "clinic", "kurinikku", "hospital", "byouin", "byoin", "iryou", "iryo", "kango", "kangoshi",
        "isha", "sensei", "doctor", "nurse", "medical", "kenkou", "kenko", "zaitaku", "houmon",
        "homon", "karute", "kanja", "shinsatsu",
        // A few in kana (katakana folds to hiragana).
        "さくら", "ありがとう", "こんにちは", "おはよう", "さようなら", "だいすき", "ひみつ", "ぱすわーど",
        "すずき", "たなか", "さとう", "やまだ", "たかはし", "わたなべ", "いとう", "びょういん", "かんごし",
    ]

    /// The list, folded, for matching.
    static let wordSet = WordSet(words, minimumLength: 3)
}
