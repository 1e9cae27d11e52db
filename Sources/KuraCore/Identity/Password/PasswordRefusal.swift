/// Why a new password was refused (AUTH-3, AUTH-4): the first rule it failed.
///
/// A refusal names the rule and what to do; it never contains the password or the word that
/// matched (a shoulder-surfer or a log must not learn either).
public enum PasswordRefusal: Equatable, Sendable, CaseIterable {
    /// Fewer than 8 characters.
    case tooShort
    /// More than 128 characters.
    case tooLong
    /// 8–12 characters that do not mix letters, digits and symbols.
    case needsMix
    /// Mostly one word from the system word list.
    case dictionaryWord
    /// Mostly keys next to each other (qwerty, 1qaz2wsx, asdf).
    case keyboardWalk
    /// Mostly one thing repeated (aaaa, abcabc).
    case repeated
    /// Mostly a run of letters, digits or kana in order (abcd, 1234, あいうえ).
    case sequence
    /// Mostly a year or a date (1990, 19900101, h30).
    case dateOrYear
    /// Mostly a common word or name (password, sakura, tanaka).
    case commonWord
    /// Contains the person's login or name, the clinic's name or "kura".
    case contextWord

    /// The message shown to the person: Japanese for "ja" (and "ja-JP" and the like), else English.
    public func message(language: String) -> String {
        language.lowercased().hasPrefix("ja") ? japanese : english
    }

    var english: String {
        switch self {
        case .tooShort:
            "The password is too short. Use at least 8 characters mixing letters, digits and symbols, "
                + "or at least 13 characters of any kind."
        case .tooLong:
            "The password is longer than 128 characters. Choose one of at most 128 characters."
        case .needsMix:
            "A password of 8 to 12 characters must contain letters, digits and symbols. Add the missing "
                + "kind, or use 13 characters or more."
        case .dictionaryWord:
            "The password is mostly a dictionary word. Use several unrelated words or a longer random password."
        case .keyboardWalk:
            "The password is mostly keys next to each other on the keyboard. Choose something that does not "
                + "follow the keyboard."
        case .repeated:
            "The password is mostly the same characters repeated. Choose something without repetition."
        case .sequence:
            "The password is mostly a run of characters in order (like abcd or 1234). Choose something "
                + "without such runs."
        case .dateOrYear:
            "The password is mostly a year or a date. Avoid birthdays and years."
        case .commonWord:
            "The password is mostly a common word or name. Use several unrelated words or a longer random "
                + "password."
        case .contextWord:
            "The password contains your user name, your name, the clinic's name or the product's name. "
                + "Leave these out."
        }
    }

    var japanese: String {
        switch self {
        case .tooShort:
            "パスワードが短すぎます。英字・数字・記号を混ぜて8文字以上にするか、13文字以上にしてください。"
        case .tooLong:
            "パスワードが128文字を超えています。128文字以内にしてください。"
        case .needsMix:
            "8〜12文字のパスワードには英字・数字・記号をすべて含めてください。足りない種類を加えるか、13文字以上にしてください。"
        case .dictionaryWord:
            "パスワードの大部分が辞書にある単語です。関係のない複数の単語を組み合わせるか、より長いランダムなパスワードにしてください。"
        case .keyboardWalk:
            "パスワードの大部分がキーボード上で隣り合うキーの並びです。キー配列に沿わないものにしてください。"
        case .repeated:
            "パスワードの大部分が同じ文字の繰り返しです。繰り返しのないものにしてください。"
        case .sequence:
            "パスワードの大部分が abcd や 1234 のような連続した文字です。連続しないものにしてください。"
        case .dateOrYear:
            "パスワードの大部分が年や日付です。誕生日や年号は避けてください。"
        case .commonWord:
            "パスワードの大部分がよく使われる単語や名前です。関係のない複数の単語を組み合わせるか、より長いランダムなパスワードにしてください。"
        case .contextWord:
            "パスワードにユーザーID、氏名、医療機関名、または製品名が含まれています。これらを含めないでください。"
        }
    }
}
