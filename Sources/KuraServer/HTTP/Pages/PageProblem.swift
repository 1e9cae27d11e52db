import HTTPTypes

/// How a page shows a refusal: its status, its message in the reader's language, and when to
/// retry. Refusals that send the browser elsewhere (not signed in, another sign-in stage) have
/// none: they become redirects.
struct PageProblem: Sendable {
    /// The HTTP status (DESIGN "Bad input, faults").
    let status: HTTPResponse.Status
    /// The message, free of anything the person typed.
    let message: String
    /// Seconds for `Retry-After`, on a 429.
    let retryAfter: Int?

    /// The problem `error` shows as, or nil when it is answered with a redirect.
    init?(_ error: any Error, text: PageText) {
        switch error {
        case let refusal as PageRefusal:
            self.init(status: refusal.status, message: text[refusal.textKey], retryAfter: nil)
        case IdentityError.notSignedIn, IdentityError.stageRequired, RecordError.identity(.notSignedIn),
            RecordError.identity(.stageRequired):
            return nil
        case RecordError.identity(let identity):
            self.init(identity, text: text)
        case let compliance as ComplianceError:
            self.init(compliance.identityError, text: text)
        case let record as RecordError:
            self.init(status: record.status, message: record.message(language: text.language), retryAfter: nil)
        case IdentityError.forbidden("csrf"):
            self.init(PageRefusal.csrf, text: text)
        case let identity as IdentityError:
            var retry: Int?
            if case .tooManyRequests(let seconds) = identity { retry = seconds }
            self.init(status: identity.status, message: identity.message(language: text.language), retryAfter: retry)
        default:
            self.init(
                status: .internalServerError, message: IdentityError.unavailable("").message(language: text.language),
                retryAfter: nil)
        }
    }

    init(status: HTTPResponse.Status, message: String, retryAfter: Int?) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }
}
