import Foundation
import Hummingbird

/// The cookies Kura sets (SESS-1): opaque tokens only, `Secure; HttpOnly; SameSite=Strict`,
/// host-only (`__Host-` prefix, RFC 6265bis §4.1.3.2), so no other site or sub-domain sees them.
enum SessionCookies {
    /// The session token.
    static let session = "__Host-kura-session"
    /// The long-lived device token (INV-2).
    static let device = "__Host-kura-device"
    /// The pre-sign-in CSRF token for the login and setup forms (double submit).
    static let formCSRF = "__Host-kura-csrf"
    /// About 400 days, the longest lifetime browsers keep (RFC 6265bis §5.5).
    static let deviceMaxAge = 400 * 86_400

    /// A cookie with Kura's attributes.
    static func make(_ name: String, value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that clears `name`.
    static func clear(_ name: String) -> Cookie {
        make(name, value: "", maxAge: 0)
    }
}
