import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The answers of the web pages, each with the same protective headers (OWASP ASVS 14.4):
/// a CSP that allows only Kura's own script file (no inline script) and the layout's own style
/// sheet, no caching (pages show personal data and secrets shown once), no MIME sniffing, no
/// referrer, no framing.
enum PageResponse {
    /// `default-src 'none'` refuses every frame, font and connection; scripts only from Kura's
    /// own origin (the one file ``PageScript`` serves; no inline script, no `eval`); the
    /// layout's one `<style>` element is allowed by its SHA-256, so even an injected style
    /// would not apply. Inline SVG (the enrolment QR code) is markup, not a fetched image.
    static let contentSecurityPolicy: String = {
        let digest = Data(SHA256.hash(data: Array(PageTemplates.style.utf8))).base64EncodedString()
        return "default-src 'none'; script-src 'self'; style-src 'sha256-\(digest)'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }()

    static let contentSecurityPolicyHeader = HTTPField.Name("Content-Security-Policy")!
    static let contentTypeOptionsHeader = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicyHeader = HTTPField.Name("Referrer-Policy")!
    static let frameOptionsHeader = HTTPField.Name("X-Frame-Options")!

    /// The headers every page answer carries.
    static var headers: HTTPFields {
        [
            contentSecurityPolicyHeader: contentSecurityPolicy,
            .cacheControl: "no-store",
            contentTypeOptionsHeader: "nosniff",
            referrerPolicyHeader: "no-referrer",
            frameOptionsHeader: "DENY",
        ]
    }

    /// `html` with `status`, setting `cookies`.
    static func html(_ html: String, status: HTTPResponse.Status = .ok, cookies: [Cookie] = []) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        var response = Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// A 303 to `location` (after a form, the browser fetches the next page with GET).
    static func redirect(to location: String, cookies: [Cookie] = []) -> Response {
        var fields = headers
        fields[.location] = location
        var response = Response(status: .seeOther, headers: fields)
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
