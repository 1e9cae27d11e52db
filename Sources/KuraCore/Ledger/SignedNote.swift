/// A C2SP signed note: text ending in a newline, a blank line, then one or more signature lines.
///
/// Per C2SP signed-note, the text MUST be ignored unless a trusted key's signature has been
/// verified: use `verify(with:)` or `SignedNote.open(_:verifiers:)` before reading `text`.
public struct SignedNote: Sendable {
    /// The most signature lines accepted. signed-note requires at least 16; 100 leaves room for
    /// witness cosignatures while bounding the work a hostile note can cause.
    public static let maximumSignatureCount = 100

    /// The note text, including its final newline but not the separating blank line.
    public let text: String
    /// The signature lines in order.
    public let signatures: [NoteSignature]

    /// Creates a note, checking the text and signatures against C2SP signed-note "Format".
    public init(text: String, signatures: [NoteSignature]) throws(SignedNoteError) {
        try Self.checkText(text)
        guard !signatures.isEmpty else { throw .noSignatures }
        guard signatures.count <= Self.maximumSignatureCount else { throw .tooManySignatures }
        for signature in signatures {
            guard NoteKeyName.isValid(signature.keyName) else { throw .invalidKeyName }
            guard !signature.signature.isEmpty else { throw .invalidSignatureEncoding }
        }
        self.text = text
        self.signatures = signatures
    }

    /// Signs `text` with each signer, in order.
    public init(signing text: String, with signers: [NoteSigner]) throws(SignedNoteError) {
        try Self.checkText(text)
        var signatures: [NoteSignature] = []
        for signer in signers {
            signatures.append(try signer.sign(text: Array(text.utf8)))
        }
        try self.init(text: text, signatures: signatures)
    }

    /// The note as text: the text, a blank line, the signature lines.
    public var formatted: String {
        text + "\n" + signatures.map(\.line).joined()
    }

    /// The note as UTF-8 bytes.
    public var bytes: [UInt8] { Array(formatted.utf8) }

    /// signed-note "Format": text ends in a newline, valid UTF-8 (Swift strings are), and no
    /// ASCII control characters other than newline.
    static func checkText(_ text: String) throws(SignedNoteError) {
        guard text.utf8.last == 0x0A else { throw .textNotEndingInNewline }
        guard text.utf8.allSatisfy({ $0 >= 0x20 || $0 == 0x0A }) else { throw .controlCharacter }
    }
}

extension SignedNote: Equatable {
    /// Equal when text (byte for byte) and signatures are equal.
    public static func == (lhs: SignedNote, rhs: SignedNote) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8) && lhs.signatures == rhs.signatures
    }
}
