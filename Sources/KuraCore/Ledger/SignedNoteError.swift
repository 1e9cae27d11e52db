/// Why a signed note is malformed (C2SP signed-note "Format"), or could not be made.
public enum SignedNoteError: Error, Equatable, Sendable {
    /// The note is not valid UTF-8.
    case invalidUTF8
    /// The note contains an ASCII control character other than newline.
    case controlCharacter
    /// The text is empty or does not end in a newline.
    case textNotEndingInNewline
    /// There is no blank line separating the text from the signatures.
    case missingBlankLine
    /// There are no signature lines.
    case noSignatures
    /// More signature lines than `SignedNote.maximumSignatureCount`.
    case tooManySignatures
    /// A signature line is not `— <name> <base64>` followed by a newline.
    case malformedSignatureLine
    /// A signature line's key name is empty or contains a space or a plus sign.
    case invalidKeyName
    /// A signature is not canonical base64, or decodes to fewer than 5 bytes.
    case invalidSignatureEncoding
    /// The signing key failed to produce a signature.
    case signingFailed
}

extension SignedNoteError: CustomStringConvertible {
    /// A fixed message per case.
    public var description: String {
        switch self {
        case .invalidUTF8: "signed note: invalid UTF-8"
        case .controlCharacter: "signed note: control character"
        case .textNotEndingInNewline: "signed note: text is empty or does not end in a newline"
        case .missingBlankLine: "signed note: no blank line before the signatures"
        case .noSignatures: "signed note: no signatures"
        case .tooManySignatures: "signed note: too many signatures"
        case .malformedSignatureLine: "signed note: malformed signature line"
        case .invalidKeyName: "signed note: invalid key name"
        case .invalidSignatureEncoding: "signed note: invalid signature encoding"
        case .signingFailed: "signed note: signing failed"
        }
    }
}
