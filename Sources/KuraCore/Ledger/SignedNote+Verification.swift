extension SignedNote {
    /// Verifies the note against trusted verifiers, following C2SP signed-note "Signatures".
    ///
    /// Signatures whose (name, key ID) pair matches no verifier are ignored, even if one of the
    /// two matches. A signature from a known key that fails to verify rejects the whole note (the
    /// SHOULD of the spec, taken as a MUST here). If no known key's signature verifies, the note
    /// is rejected.
    public func verify(with verifiers: [NoteVerifier]) -> NoteVerification {
        let textBytes = Array(text.utf8)
        var verifiedBy: [NoteVerifier] = []
        for signature in signatures {
            let known = verifiers.first { verifier in
                verifier.keyID == signature.keyID && verifier.name.utf8.elementsEqual(signature.keyName.utf8)
            }
            guard let verifier = known else { continue }
            guard verifier.isValidSignature(signature.signature, for: textBytes) else {
                return .rejected(.badSignature(keyName: signature.keyName, keyID: signature.keyID))
            }
            if !verifiedBy.contains(verifier) { verifiedBy.append(verifier) }
        }
        guard !verifiedBy.isEmpty else { return .rejected(.unknownKey) }
        return .verified(text: text, by: verifiedBy)
    }

    /// Verifies the note against one trusted verifier.
    public func verify(with verifier: NoteVerifier) -> NoteVerification {
        verify(with: [verifier])
    }

    /// Parses and verifies note bytes in one step; a malformed note is a rejection, not a throw.
    public static func open(_ bytes: some Collection<UInt8>, verifiers: [NoteVerifier]) -> NoteVerification {
        do {
            return try parse(bytes).verify(with: verifiers)
        } catch {
            return .rejected(.malformed(error))
        }
    }
}

/// The outcome of verifying a signed note.
public enum NoteVerification: Equatable, Sendable {
    /// At least one trusted key signed the text and no trusted key's signature failed.
    case verified(text: String, by: [NoteVerifier])
    /// The note must be ignored; the reason says which check failed.
    case rejected(NoteRejection)
}

/// Why a signed note was rejected.
public enum NoteRejection: Error, Equatable, Sendable {
    /// The note is not well-formed.
    case malformed(SignedNoteError)
    /// No signature is from a trusted key: no line matches a verifier's name and key ID.
    case unknownKey
    /// A signature from a trusted key (this name and key ID) does not verify.
    case badSignature(keyName: String, keyID: UInt32)
}
