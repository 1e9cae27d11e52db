import Hummingbird
import KuraCore
import KuraStore
import NIOCore

/// `GET /healthz`: whether the server can read its log, with its signed size and any alerts.
/// It reveals no PHI and needs no session (load balancers and monitors call it).
struct HealthRoutes: Sendable {
    let store: any LedgerStore
    let alerts: AlertBoard

    /// Adds the route to `router`.
    func register(on router: Router<some RequestContext>) {
        router.get("/healthz") { _, _ in try await health() }
    }

    func health() async throws -> Response {
        guard let size = try? await store.latestCheckpoint()?.size ?? 0 else {
            return json("{\"status\":\"unavailable\"}\n", status: .serviceUnavailable)
        }
        let raised = alerts.current.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        let status = raised.isEmpty ? "ok" : "degraded"
        return json("{\"status\":\"\(status)\",\"signedSize\":\(size),\"alerts\":[\(raised)]}\n", status: .ok)
    }

    func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
}
