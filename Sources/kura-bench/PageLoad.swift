import HTTPTypes
import HummingbirdTesting
import NIOCore

/// The web UI's pages timed over HTTP (issue 5: every page a user can reach answers in under
/// 100 ms at the server with 100,000 patients). One keep-alive HTTP/1.1 connection per page
/// and caller, a bearer token (pages accept an API session as they accept a browser's, and a
/// bearer session needs no CSRF token), and a check that each answer is 200 with HTML; an
/// answer that is not counts as a failure, never as a fast page.
///
/// The baseline is the same round trip to the one static file Kura serves (`/assets/kura.js`):
/// HTTP parsing, routing and the loopback, with no session, store read or template.
struct PageLoad: Sendable {
    /// One page: a name for the report and the request.
    struct Page: Sendable {
        let name: String
        let method: HTTPRequest.Method
        let path: String
        /// A form body for a POST.
        let form: String?
        /// The bearer token of the account that reaches it.
        let token: String?

        init(_ name: String, _ path: String, token: String?, method: HTTPRequest.Method = .get, form: String? = nil) {
            self.name = name
            self.method = method
            self.path = path
            self.form = form
            self.token = token
        }
    }

    let port: Int
    let group: any EventLoopGroup

    /// Requests `page` from `callers` connections until `duration` has passed.
    func measure(_ page: Page, callers: Int, duration: Duration) async throws -> ClosedLoop.Result {
        let connections = (0..<callers).map { _ in
            TestClient(
                host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)),
                eventLoopGroupProvider: .shared(group))
        }
        for connection in connections { connection.connect() }
        for connection in connections { _ = try await connection.getChannel() }
        var headers: HTTPFields = [.userAgent: "kura-bench", .connection: "keep-alive", .accept: "text/html"]
        if let token = page.token { headers[.authorization] = "Bearer \(token)" }
        if page.form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let request: @Sendable () -> TestClient.Request = { [headers] in
            TestClient.Request(
                page.path, method: page.method, authority: "localhost", headers: headers,
                body: page.form.map { ByteBuffer(string: $0) })
        }
        // A first answer shows a wrong route or a refusal at once, not as a run of failures.
        let first = try await connections[0].execute(request())
        guard first.status == .ok else {
            for connection in connections { try? await connection.shutdown() }
            throw BenchError.invalid("\(page.name): \(page.method) \(page.path) answered \(first.status.code)")
        }
        let result = await ClosedLoop(callers: callers, duration: duration).run { caller, _ in
            let response = try await connections[caller].execute(request())
            guard response.status == .ok, (response.body?.readableBytes ?? 0) > 0 else {
                throw BenchError.invalid("\(page.name) answered \(response.status.code)")
            }
        }
        for connection in connections { try? await connection.shutdown() }
        return result
    }
}
