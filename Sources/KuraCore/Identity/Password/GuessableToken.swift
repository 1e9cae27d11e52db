/// A stretch of a password that an attacker's guessing rules would produce on their own: a word
/// from a list, a keyboard walk, a repeat, a sequence or a date.
struct GuessableToken: Hashable {
    /// What kind of guessable stretch this is; the cases map one to one to `PasswordRefusal`.
    enum Kind: Hashable, CaseIterable {
        case repeated, sequence, keyboardWalk, dateOrYear, commonWord, dictionaryWord

        /// The refusal reported when a token of this kind dominates a password.
        var refusal: PasswordRefusal {
            switch self {
            case .repeated: .repeated
            case .keyboardWalk: .keyboardWalk
            case .sequence: .sequence
            case .dateOrYear: .dateOrYear
            case .commonWord: .commonWord
            case .dictionaryWord: .dictionaryWord
            }
        }

        /// Tie-break when two tokens are equally long (the order of the cases): generated patterns
        /// before word lists, so "qwerty" is reported as a walk even when a word list also holds it
        /// and the answer does not depend on which system word list is installed; a sequence before
        /// a walk, so "1234" is called a sequence.
        var rank: Int { Self.allCases.firstIndex(of: self)! }

        /// Whether a token of this kind may be the second, smaller token of a guessable password.
        ///
        /// Dictionary words may not: two unrelated dictionary words are the start of a passphrase,
        /// and a large system list holds so many short words that allowing them would refuse good
        /// passphrases. Our own short lists and generated patterns are few enough to allow.
        var mayBeSecondary: Bool { self != .dictionaryWord }
    }

    /// Positions (character offsets) covered.
    let range: Range<Int>
    let kind: Kind

    /// Whether this token should be reported rather than `other`: longer first, then by rank.
    func outranks(_ other: GuessableToken) -> Bool {
        if range.count != other.range.count { return range.count > other.range.count }
        return kind.rank < other.kind.rank
    }
}

/// A set of positions in a password of at most 128 characters (`PasswordPolicy.maximumLength`).
struct PositionMask: Equatable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    init() {}

    init(_ range: Range<Int>) {
        for position in range { insert(position) }
    }

    mutating func insert(_ position: Int) {
        precondition((0..<128).contains(position), "password longer than 128 characters reached PositionMask")
        if position < 64 { low |= 1 << UInt64(position) } else { high |= 1 << UInt64(position - 64) }
    }

    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }

    func subtracting(_ other: PositionMask) -> PositionMask {
        var result = self
        result.low &= ~other.low
        result.high &= ~other.high
        return result
    }

    func isDisjoint(with other: PositionMask) -> Bool {
        low & other.low == 0 && high & other.high == 0
    }
}
