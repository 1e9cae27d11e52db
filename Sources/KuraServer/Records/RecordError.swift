import KuraCore
import KuraStore

/// Why a record operation was refused. Cases carry field names, rule texts and opaque ids
/// only, never a name, a note or any other value a person typed (STYLE 4).
public enum RecordError: Error, Sendable, Equatable {
    /// A field is missing or malformed; the text names the field and the rule (400).
    case invalidInput(String)
    /// The lifecycle refused the change (422): finalize by someone else, no reason, …
    case refused(EntryRefusal)
    /// The file is not a PDF, JPEG or PNG, or not what it claims (415).
    case unsupportedMedia(String)
    /// The file is larger than the configured limit (413).
    case tooLarge(limitBytes: Int)
    /// The proof's leaf is not in a checkpoint yet (202 with a retry hint).
    case notYetIntegrated
    /// An identity refusal: not signed in, forbidden, … (its own status).
    case identity(IdentityError)
}

extension RecordError: CustomStringConvertible {
    /// A message fit for logs; it names no PHI.
    public var description: String {
        switch self {
        case .invalidInput(let field): "invalid input: \(field)"
        case .refused(let rule): "refused: \(rule.description)"
        case .unsupportedMedia(let what): "unsupported file: \(what)"
        case .tooLarge(let limit): "the file is larger than \(limit) bytes"
        case .notYetIntegrated: "the version is not in a signed checkpoint yet"
        case .identity(let error): error.description
        }
    }

    /// The identity error for a missing or hidden object.
    static func notFound(_ what: String) -> RecordError { .identity(.notFound(what)) }

    /// The identity error for a lost compare-and-swap.
    static func conflict(_ what: String) -> RecordError { .identity(.conflict(what)) }

    /// The identity error for a failed database.
    static func unavailable(_ what: String) -> RecordError { .identity(.unavailable(what)) }
}
