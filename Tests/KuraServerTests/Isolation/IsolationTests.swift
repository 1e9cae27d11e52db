import Foundation
import HTTPTypes
import HummingbirdCore
import HummingbirdTesting
import KuraTesting
import NIOCore
import Testing

@testable import KuraServer

/// Isolation mode (INC-3): `kura isolate on` cuts the running server off from everything but
/// its own machine, which keeps reading; `off` restores it; both are in the log.
@Suite("Isolation mode")
struct IsolationTests {
    @Test(
        "refuses other machines and local writes while on, serves local reads, and logs both switches",
        arguments: TestBackend.available)
    func isolate(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend, configure: { $0.identity.trustedProxies = ["127.0.0.1", "::1"] }) {
            harness in
            let (_, _, physician) = try await harness.administratorAndDoctor()
            let cookie: HTTPFields = [.cookie: "__Host-kura-session=\(physician.sessionToken)"]
            let remote: HTTPFields = cookie + [HTTPField.Name("X-Forwarded-For")!: "192.0.2.7"]
            let binary = try KuraBinary.path()
            let database = harness.raw.url.map { ["--database", $0] } ?? []
            func isolate(_ setting: String) async throws {
                let result = try await ChildProcess.run(
                    binary, ["isolate", setting, "--data", harness.raw.dataDirectory] + database)
                #expect(result.status == 0, "\(result.error)")
                try await Task.sleep(for: .milliseconds(1_100))  // the server looks once a second
            }
            func status(
                _ uri: String, _ method: HTTPRequest.Method, _ headers: HTTPFields
            ) async throws -> HTTPResponse.Status {
                try await harness.client.execute(
                    uri: uri, method: method, headers: headers, body: ByteBuffer(string: "{}")
                ).status
            }

            #expect(try await status("/api/v1/me/sessions", .get, remote) == .ok)
            try await isolate("on")
            let refused = try await harness.client.execute(uri: "/api/v1/me/sessions", method: .get, headers: remote)
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("\"isolated\""))
            #expect(try await status("/healthz", .get, remote) == .forbidden)
            #expect(try await status("/api/v1/me/sessions", .get, cookie) == .ok, "a local read was refused")
            let health = try await harness.client.execute(uri: "/healthz", method: .get)
            #expect(String(buffer: health.body).contains("\"isolated\""))
            let write = try await harness.client.execute(uri: "/api/v1/patients", method: .post, headers: cookie)
            #expect(write.status == .serviceUnavailable)
            #expect(String(buffer: write.body).contains("isolated-read-only"))
            // Searching is a POST that reads: it reaches the route (which wants its CSRF token).
            #expect(try await status("/api/v1/patients/search", .post, cookie) != .serviceUnavailable)
            #expect(try await status("/login", .post, [:]) != .serviceUnavailable)

            try await isolate("off")
            #expect(try await status("/api/v1/me/sessions", .get, remote) == .ok)
            let health2 = try await harness.client.execute(uri: "/healthz", method: .get)
            #expect(!String(buffer: health2.body).contains("\"isolated\""))
            let details = try await harness.ledgerDetails()
            #expect(details.filter { $0.contains("\"kind\":\"isolation.on\"") }.count == 1)
            #expect(details.filter { $0.contains("\"kind\":\"isolation.off\"") }.count == 1)
        }
    }

    @Test("loopback is 127.0.0.0/8, ::1 and their mapped forms, nothing else")
    func loopback() {
        #expect(IsolationMiddleware.isLoopback("127.0.0.1"))
        #expect(IsolationMiddleware.isLoopback("127.8.9.10"))
        #expect(IsolationMiddleware.isLoopback("::1"))
        #expect(IsolationMiddleware.isLoopback("::ffff:127.0.0.1"))
        #expect(!IsolationMiddleware.isLoopback("192.168.1.20"))
        #expect(!IsolationMiddleware.isLoopback("::ffff:192.168.1.20"))
        #expect(!IsolationMiddleware.isLoopback("1127.0.0.1"))
        #expect(!IsolationMiddleware.isLoopback("unknown"))
    }

    @Test("a local client may still sign in, search, read the access log and break the glass; nothing else is posted")
    func localWrites() {
        for path in [
            "/login", "/login/second-factor", "/sign-out", "/switch-user", "/patients/search", "/audit",
            "/patients/pat_x1/break-glass", "/api/v1/break-glass",
        ] {
            #expect(IsolationMiddleware.isLocalWrite(path), "\(path)")
        }
        for path in [
            "/patients/new", "/patients/pat_x1/edit", "/patients/pat_x1/entries/new", "/entries/ent_1/amend",
            "/patients/pat_x1/break-glass/x", "/x/pat_x1/break-glass", "/admin/accounts",
        ] {
            #expect(!IsolationMiddleware.isLocalWrite(path), "\(path)")
        }
    }
}
