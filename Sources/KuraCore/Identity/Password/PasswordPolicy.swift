/// The password rules of AUTH-3 and AUTH-4, after NIST SP 800-63B §5.1.1.2: a length floor, a
/// generous ceiling with no truncation, no composition rules beyond the guideline's own, and a
/// check against guessable values. It never asks for periodic change (that rule lives with the
/// account state).
///
/// `check` applies the rules in this order and reports the first that fails:
/// 1. length: at most 128 characters (`tooLong`), at least 8 (`tooShort`);
/// 2. composition: under 13 characters it must mix letters, digits and symbols (`needsMix`);
/// 3. context: no context word anywhere (`contextWord`, see `PasswordContext`);
/// 4. guessability: not mostly one guessable token (see `guessableToken(in:dictionary:)`), reported
///    by that token's kind.
///
/// Length counts characters as a person sees them (grapheme clusters), so a precomposed and a
/// decomposed が both count once and the count does not depend on the input method. To bound the
/// work a single "character" can cause, more than four Unicode scalars per allowed character
/// also counts as too long.
public struct PasswordPolicy: Sendable {
    /// The shortest password when letters, digits and symbols are mixed.
    public let minimumLength: Int
    /// The shortest password of any composition.
    public let minimumLengthWithoutMix: Int
    /// The longest password accepted; longer ones are refused, never truncated.
    public let maximumLength: Int

    /// The guideline's policy: 8 mixed or 13 of any kind, at most 128.
    public static let standard = PasswordPolicy(minimumLength: 8, minimumLengthWithoutMix: 13, maximumLength: 128)

    /// Creates a policy; `maximumLength` is capped at 128, the most the guessability check handles.
    public init(minimumLength: Int, minimumLengthWithoutMix: Int, maximumLength: Int) {
        self.minimumLength = minimumLength
        self.minimumLengthWithoutMix = minimumLengthWithoutMix
        self.maximumLength = min(maximumLength, 128)
    }

    /// The first rule `password` fails, or nil when it is acceptable.
    ///
    /// - Parameters:
    ///   - context: the person's login and names and the clinic's name.
    ///   - dictionary: the system word list, when one is installed or configured.
    public func check(_ password: String, context: PasswordContext, dictionary: PasswordDictionary?) -> PasswordRefusal?
    {
        let length = password.count
        if length > maximumLength || password.unicodeScalars.count > 4 * maximumLength { return .tooLong }
        if length < minimumLength { return .tooShort }
        if length < minimumLengthWithoutMix && !Self.mixesLettersDigitsAndSymbols(password) { return .needsMix }
        let text = PasswordText(password)
        let variants = text.variants
        if context.isContained(in: variants) { return .contextWord }
        return Self.guessableToken(in: text, dictionary: dictionary)?.kind.refusal
    }

    /// Whether the password has a letter (any script), a digit and a symbol; whitespace counts as
    /// none of the three.
    static func mixesLettersDigitsAndSymbols(_ password: String) -> Bool {
        var letter = false
        var digit = false
        var symbol = false
        for character in password {
            if character.isLetter {
                letter = true
            } else if character.isNumber {
                digit = true
            } else if !character.isWhitespace {
                symbol = true
            }
        }
        return letter && digit && symbol
    }
}
