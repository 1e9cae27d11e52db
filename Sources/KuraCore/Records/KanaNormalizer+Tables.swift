extension KanaNormalizer {
    /// A voiced (dakuten) or semi-voiced (handakuten) sound mark, combining or spacing.
    enum SoundMark {
        case voiced
        case semiVoiced

        /// Recognises U+3099/U+309B (voiced) and U+309A/U+309C (semi-voiced); half-width ﾞ/ﾟ
        /// arrive here already folded to U+3099/U+309A.
        init?(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x3099, 0x309B: self = .voiced
            case 0x309A, 0x309C: self = .semiVoiced
            default: return nil
            }
        }

        /// The combining form, kept when there is no kana to compose with.
        var combining: Unicode.Scalar {
            self == .voiced ? "\u{3099}" : "\u{309A}"
        }

        /// The precomposed kana for `base` with this mark (the NFC composition), if there is one.
        func compose(with base: Unicode.Scalar) -> Unicode.Scalar? {
            let value = base.value
            switch self {
            case .voiced:
                if KanaNormalizer.voicedByNextCodePoint.contains(value) { return Unicode.Scalar(value + 1) }
                switch value {
                case 0x3046: return "\u{3094}"  // う → ゔ
                case 0x30A6: return "\u{30F4}"  // ウ → ヴ
                case 0x30EF...0x30F2: return Unicode.Scalar(value + 8)  // ワヰヱヲ → ヷヸヹヺ
                case 0x309D, 0x30FD: return Unicode.Scalar(value + 1)  // ゝ → ゞ, ヽ → ヾ
                default: return nil
                }
            case .semiVoiced:
                return KanaNormalizer.semiVoiceable.contains(value) ? Unicode.Scalar(value + 2) : nil
            }
        }
    }

    /// か…ぢ, つ, て, と, は…ほ in hiragana and katakana: the voiced form is the next code point.
    static let voicedByNextCodePoint: Set<UInt32> = {
        let hiragana: [UInt32] = [
            0x304B, 0x304D, 0x304F, 0x3051, 0x3053, 0x3055, 0x3057, 0x3059, 0x305B, 0x305D,
            0x305F, 0x3061, 0x3064, 0x3066, 0x3068, 0x306F, 0x3072, 0x3075, 0x3078, 0x307B,
        ]
        return Set(hiragana + hiragana.map { $0 + 0x60 })
    }()

    /// は, ひ, ふ, へ, ほ in hiragana and katakana: the semi-voiced form is two code points on.
    static let semiVoiceable: Set<UInt32> = [
        0x306F, 0x3072, 0x3075, 0x3078, 0x307B, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,
    ]

    /// U+FF61…U+FF9D in order: the half-width punctuation and katakana of JIS X 0201.
    static let halfwidthKatakana: [Unicode.Scalar] = Array(
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
            .unicodeScalars)

    /// The NFKC width fold of one scalar, for the blocks names use.
    static func widthFolded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x3000: " "
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0xFF5F: "\u{2985}"
        case 0xFF60: "\u{2986}"
        case 0xFF61...0xFF9D: halfwidthKatakana[Int(scalar.value - 0xFF61)]
        case 0xFF9E: "\u{3099}"
        case 0xFF9F: "\u{309A}"
        default: scalar
        }
    }

    /// ・ (U+30FB, and U+FF65 once folded) and · (U+00B7), which separate words of foreign names.
    static func isMiddleDot(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x30FB || scalar.value == 0x00B7
    }

    /// Hiragana (ぁ…ゖ, ゝ, ゞ) to the katakana 0x60 code points on.
    static func katakana(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x3041...0x3096, 0x309D, 0x309E: Unicode.Scalar(scalar.value + 0x60)!
        default: scalar
        }
    }

    /// Small katakana to their large forms.
    static func largeKana(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE:
            Unicode.Scalar(scalar.value + 1)!  // ァィゥェォ ッ ャュョ ヮ
        case 0x30F5: "\u{30AB}"  // ヵ → カ
        case 0x30F6: "\u{30B1}"  // ヶ → ケ
        case 0x31F0...0x31FF: smallExtensionKatakana[Int(scalar.value - 0x31F0)]
        default: scalar
        }
    }

    /// The large forms of U+31F0…U+31FF (ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ, used for Ainu names).
    static let smallExtensionKatakana: [Unicode.Scalar] = Array("クシストヌハヒフヘホムラリルレロ".unicodeScalars)

    /// ー and the characters typed in its place in a reading.
    static func isProlongedSoundMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30FC, 0x002D, 0x2010...0x2015, 0x2212, 0x2500, 0x2501, 0xFE58, 0xFE63, 0x301C, 0x007E, 0x223C:
            true
        default:
            false
        }
    }
}
