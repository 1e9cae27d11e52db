extension Checkpoint {
    /// Signs the checkpoint as a C2SP signed note with the log's key, whose name must be the origin.
    public func signed(by signer: NoteSigner) throws(CheckpointError) -> SignedNote {
        guard signer.name.utf8.elementsEqual(origin.utf8) else { throw .originIsNotKeyName }
        do {
            return try SignedNote(signing: text, with: [signer])
        } catch {
            throw .note(error)
        }
    }

    /// Parses and verifies a signed checkpoint note with the log's verifier.
    ///
    /// The signature is checked before the text is read (signed-note: text MUST be ignored until
    /// verified); then the text must be a valid checkpoint whose origin is the verifier's name.
    /// Other signatures (witness cosignatures, unknown keys) are ignored.
    public static func open(_ bytes: some Collection<UInt8>, verifier: NoteVerifier) -> CheckpointVerification {
        switch SignedNote.open(bytes, verifiers: [verifier]) {
        case .rejected(let rejection):
            return .rejected(.note(rejection))
        case .verified(let text, _):
            return check(text: text, verifier: verifier)
        }
    }

    /// Verifies an already parsed signed checkpoint note with the log's verifier.
    public static func open(_ note: SignedNote, verifier: NoteVerifier) -> CheckpointVerification {
        switch note.verify(with: verifier) {
        case .rejected(let rejection):
            return .rejected(.note(rejection))
        case .verified(let text, _):
            return check(text: text, verifier: verifier)
        }
    }

    private static func check(text: String, verifier: NoteVerifier) -> CheckpointVerification {
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(parsing: text)
        } catch {
            return .rejected(.malformedCheckpoint(error))
        }
        guard checkpoint.origin.utf8.elementsEqual(verifier.name.utf8) else { return .rejected(.originMismatch) }
        return .verified(checkpoint)
    }
}

/// The outcome of opening a signed checkpoint.
public enum CheckpointVerification: Equatable, Sendable {
    /// The log's key signed a well-formed checkpoint for its own origin.
    case verified(Checkpoint)
    /// The checkpoint must not be trusted; the reason says which check failed.
    case rejected(CheckpointRejection)
}

/// Why a signed checkpoint was rejected.
public enum CheckpointRejection: Error, Equatable, Sendable {
    /// The note is malformed, or not validly signed by the log's key.
    case note(NoteRejection)
    /// The signed text is not a valid checkpoint.
    case malformedCheckpoint(CheckpointError)
    /// The checkpoint's origin is not the log key's name.
    case originMismatch
}
