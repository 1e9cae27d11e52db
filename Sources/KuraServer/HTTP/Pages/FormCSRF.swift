import Hummingbird
import KuraCore

/// CSRF for the forms shown before there is a session (`/login`, `/setup`): a double-submit
/// token (OWASP CSRF cheat sheet). The page sets a random value in the `__Host-kura-csrf`
/// cookie and the same value in the form; a post counts only when the two agree. Another site
/// can make a browser post, but can neither read nor set a `__Host-` cookie, so it cannot
/// know the value (login CSRF would otherwise sign a victim into the attacker's account).
struct FormCSRF: Sendable {
    let random: any RandomBytesSource

    /// The token for a form: the browser's cookie when it holds one of ours, else a new one
    /// with the cookie that carries it.
    func issue(for request: Request) -> (token: String, cookie: Cookie?) {
        if let existing = request.cookies[SessionCookies.formCSRF]?.value, OpaqueToken.isWellFormed(existing) {
            return (existing, nil)
        }
        let token = OpaqueToken.make(using: random)
        return (token, SessionCookies.make(SessionCookies.formCSRF, value: token))
    }

    /// Whether the form's `_csrf` field equals the cookie (constant time; both must be there).
    static func isValid(_ request: Request, field: String?) -> Bool {
        guard let field, let cookie = request.cookies[SessionCookies.formCSRF]?.value, OpaqueToken.isWellFormed(cookie)
        else { return false }
        return ConstantTime.equal(Array(field.utf8), Array(cookie.utf8))
    }
}
