import HTTPTypes
import Hummingbird
import KuraCore
import KuraStore

/// What the identity routes share: the service, CSRF tokens, and how a request's session is
/// found (the session cookie, or an API client's bearer token).
struct IdentityHTTP: Sendable {
    let identity: IdentityService
    let csrf: CSRFToken
    let settings: IdentitySettings

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let deviceHeader = HTTPField.Name("Kura-Device")!

    /// How the request proved its session.
    enum Credential {
        case cookie
        case bearer
    }

    /// The request's session, or ``IdentityError/notSignedIn``.
    func authenticate(_ request: Request) async throws(IdentityError) -> (Authenticated, Credential) {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            return (try await identity.authenticate(token: String(header.dropFirst(7)), kind: .api), .bearer)
        }
        guard let token = request.cookies[SessionCookies.session]?.value else { throw .notSignedIn }
        return (try await identity.authenticate(token: token, kind: .browser), .cookie)
    }

    /// The session of a state-changing request: a cookie session must also send its CSRF token
    /// (header `X-CSRF-Token`, or the form field the pages post).
    func authenticateForChange(
        _ request: Request, formToken: String? = nil
    ) async throws(IdentityError)
        -> Authenticated
    {
        let (auth, credential) = try await authenticate(request)
        if credential == .cookie {
            let token = formToken ?? request.headers[Self.csrfHeader]
            guard csrf.isValid(token, for: auth.session.id) else { throw .forbidden("csrf") }
        }
        return auth
    }

    /// Like ``authenticateForChange(_:formToken:)`` and the session must be fully signed in.
    func ready(_ request: Request, formToken: String? = nil) async throws(IdentityError) -> Authenticated {
        let auth = try await authenticateForChange(request, formToken: formToken)
        guard auth.stage == .ready else { throw .stageRequired(auth.stage) }
        return auth
    }

    /// A fully signed-in session allowed to do `action` (reads need no CSRF token).
    func allowed(_ request: Request, _ action: AccessAction, change: Bool) async throws(IdentityError) -> Authenticated
    {
        let auth = change ? try await authenticateForChange(request) : try await authenticate(request).0
        try auth.require(action)
        return auth
    }

    /// The client address behind any trusted proxy.
    func clientAddress(_ request: Request, context: KuraRequestContext) -> String {
        ClientAddress.resolve(
            peer: context.remoteAddress, headers: request.headers, trustedProxies: settings.trustedProxies)
    }

    /// The language for messages: the signed-in account's, else the browser's first choice.
    static func language(_ request: Request) -> String {
        request.headers[.acceptLanguage]?.lowercased().hasPrefix("en") == true ? "en" : "ja"
    }
}
