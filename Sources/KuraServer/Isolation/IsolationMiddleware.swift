import HTTPTypes
import Hummingbird
import NIOCore

/// Enforces isolation mode (INC-3): while the switch is on, a client that is not on this
/// machine gets 403 whatever it asks, and a local one may read and sign in but not change
/// anything (503 for every other write). `/healthz` shows the `isolated` alert meanwhile.
struct IsolationMiddleware: RouterMiddleware {
    typealias Context = KuraRequestContext

    let isolation: IsolationSwitch
    let alerts: AlertBoard
    let trustedProxies: [String]

    /// Writes a local client may still make: signing in and out, the second factor, role
    /// activation, re-authentication, switching user, patient search (a POST, so that no PHI is
    /// in a URL) and break-glass access, which an incident may need most.
    static let localWrites: Set<String> = [
        "/api/v1/session", "/api/v1/session/second-factor", "/api/v1/session/reauthenticate",
        "/api/v1/session/activate-role", "/api/v1/session/switch-user", "/api/v1/patients/search",
        "/api/v1/break-glass", "/login", "/login/second-factor", "/sign-out", "/switch-user", "/patients/search",
        "/audit",
    ]

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        guard isolation.isOn else {
            alerts.clear(.isolated)
            return try await next(request, context)
        }
        alerts.raise(.isolated)
        let client = ClientAddress.resolve(
            peer: context.remoteAddress, headers: request.headers, trustedProxies: trustedProxies)
        guard Self.isLoopback(client) else {
            return refusal(
                request, status: .forbidden, code: "isolated",
                message: "this server is in isolation mode: only its own machine may connect")
        }
        let reads: Set<HTTPRequest.Method> = [.get, .head]
        guard reads.contains(request.method) || Self.isLocalWrite(request.uri.path) else {
            return refusal(
                request, status: .serviceUnavailable, code: "isolated-read-only",
                message: "this server is in isolation mode: records can be read but not changed")
        }
        return try await next(request, context)
    }

    /// Whether a local client may still post to `path`: the fixed list, and a patient's
    /// break-glass page (`/patients/{id}/break-glass`), which an incident may need most.
    static func isLocalWrite(_ path: String) -> Bool {
        if localWrites.contains(path) { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0].isEmpty && parts[1] == "patients" && parts[3] == "break-glass"
    }

    /// 127.0.0.0/8, ::1 and IPv4-mapped loopback.
    static func isLoopback(_ address: String) -> Bool {
        address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }

    private func refusal(_ request: Request, status: HTTPResponse.Status, code: String, message: String) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return JSONReply.error(code, message: message, status: status)
        }
        return PlainText.response(message + "\n", status: status)
    }
}
