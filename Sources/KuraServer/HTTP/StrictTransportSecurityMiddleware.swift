import HTTPTypes
import Hummingbird

/// Adds `Strict-Transport-Security` to every answer when Kura serves TLS itself (NET-1, OWASP
/// ASVS 14.4.5): a browser that has reached Kura over HTTPS once never again sends a session
/// cookie over plain HTTP to it. One year; no `includeSubDomains`, because a clinic server
/// often answers on a bare host name whose siblings Kura does not own.
struct StrictTransportSecurityMiddleware: RouterMiddleware {
    typealias Context = KuraRequestContext

    static let header = HTTPField.Name("Strict-Transport-Security")!
    static let value = "max-age=31536000"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = Self.value
        return response
    }
}
