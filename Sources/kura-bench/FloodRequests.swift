import HTTPTypes
import HummingbirdTesting
import NIOCore

/// The requests of `kura-bench login-flood`, as a browser or an attacker's script sends them.
enum FloodRequests {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// `GET /healthz`: no session, one store read.
    static func health() -> TestClient.Request {
        TestClient.Request("/healthz", method: .get, authority: "localhost", headers: common())
    }

    /// `GET /api/v1/me/sessions` with the administrator's session cookie.
    static func sessions(token: String) -> TestClient.Request {
        var headers = common()
        headers[.cookie] = "__Host-kura-session=\(token)"
        return TestClient.Request("/api/v1/me/sessions", method: .get, authority: "localhost", headers: headers)
    }

    /// The `index`-th wrong-password sign-in, claiming to come from `address` (believed, because
    /// the benchmark configures 127.0.0.1 as a trusted proxy). Even attempts guess at an account
    /// that exists (locked after its fifth failure), odd ones at logins that do not: both paths
    /// cost one scrypt verification and one ledger leaf (AUTH-5).
    static func attempt(_ index: Int, address: String, target: String) -> TestClient.Request {
        var headers = common()
        headers[.contentType] = "application/json"
        headers[forwardedFor] = address
        let login = index.isMultiple(of: 2) ? target : "nobody\(index)"
        let body = "{\"login\":\"\(login)\",\"password\":\"not-the-password-\(index)\"}"
        return TestClient.Request(
            "/api/v1/session", method: .post, authority: "localhost", headers: headers,
            body: ByteBuffer(string: body))
    }

    static func common() -> HTTPFields {
        [.connection: "keep-alive", .userAgent: "kura-bench"]
    }
}

/// Where a flood's attempts claim to come from.
enum FloodSource: Sendable {
    /// A new address for every attempt (a botnet), so the per-address limit never applies and
    /// only the hasher's own bound stands between the flood and the CPUs.
    case manyAddresses
    /// One address for every attempt, which the per-address limit (30 a minute) stops.
    case oneAddress

    /// The address of the `index`-th attempt: 10.x.y.z for many, a documentation address for one.
    func address(_ index: Int) -> String {
        switch self {
        case .manyAddresses: "10.\((index >> 16) & 255).\((index >> 8) & 255).\(index & 255)"
        case .oneAddress: "198.51.100.7"
        }
    }
}
