import HTTPTypes

/// Refusals the pages find before the service is asked; the service's own are
/// ``IdentityError``s. Neither ever carries what was typed.
enum PageRefusal: Error, Sendable, Equatable {
    /// The form's CSRF token is missing or wrong (403).
    case csrf
    /// A field the action needs is empty (400).
    case missingField
    /// The new password and its confirmation differ (400).
    case passwordsDiffer
    /// A file upload that is not a well-formed `multipart/form-data` post (400).
    case malformedUpload

    /// The HTTP status.
    var status: HTTPResponse.Status {
        self == .csrf ? .forbidden : .badRequest
    }

    /// The ``PageText`` key of the message.
    var textKey: String {
        switch self {
        case .csrf: "errorCSRF"
        case .missingField: "errorMissingField"
        case .passwordsDiffer: "errorPasswordsDiffer"
        case .malformedUpload: "errorMalformedUpload"
        }
    }
}
