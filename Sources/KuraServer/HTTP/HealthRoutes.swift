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
        let size: UInt64
        do {
            size = try await store.latestCheckpoint()?.size ?? 0
        } catch {
            return PlainText.response("{\"status\":\"unavailable\"}\n", status: .serviceUnavailable)
        }
        let raised = alerts.current.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        let status = raised.isEmpty ? "ok" : "degraded"
        let json = "{\"status\":\"\(status)\",\"signedSize\":\(size),\"alerts\":[\(raised)]}\n"
        return Response(
            status: .ok,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: json))
        )
    }
}
