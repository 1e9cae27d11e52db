import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KuraCore
import KuraServer
import NIOCore
import Testing

/// The identity API over real HTTP: cookies, CSRF, stage gating, the rate limit (SESS-1,
/// AUTH-5, MFA-1, ASVS 4.2.2).
@Suite("Identity over HTTP")
struct IdentityHTTPTests {
    /// A browser's state: its cookies and the session's CSRF token.
    struct Browser {
        var cookies: [String: String] = [:]
        var csrf: String?

        var headers: HTTPFields {
            var fields: HTTPFields = [.contentType: "application/json"]
            if !cookies.isEmpty {
                fields[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
            }
            return fields
        }

        mutating func remember(_ response: TestResponse) {
            for line in response.headers[values: .setCookie] {
                let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
            }
            if let state = try? JSONDecoder().decode(
                [String: JSONValue].self, from: Data(String(buffer: response.body).utf8)),
                case .string(let token) = state["csrfToken"]
            {
                csrf = token
            }
        }

        func request(
            _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, json: String? = nil,
            csrf sendCSRF: Bool = true
        ) async throws -> TestResponse {
            var fields = headers
            if sendCSRF, let csrf { fields[IdentityHTTPTests.csrfHeader] = csrf }
            return try await client.execute(
                uri: path, method: method, headers: fields, body: json.map { ByteBuffer(string: $0) })
        }
    }

    /// Enough JSON to read the fields the tests look at.
    enum JSONValue: Decodable {
        case string(String)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .string(text) } else { self = .other }
        }
    }

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    @Test("setup, sign-in and enrolment over HTTP, with cookies and CSRF enforced", arguments: TestBackend.available)
    func browserFlow(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let client = harness.client
            var browser = Browser()
            let code = try #require(harness.startup.setupCode)
            let setup = try await browser.request(
                client, .post, "/api/v1/setup",
                json:
                    #"{"setupCode":"\#(code)","login":"admin","name":"院長 太郎","password":"\#(IdentityHarness.adminPassword)"}"#
            )
            #expect(setup.status == .created)

            let wrong = try await browser.request(
                client, .post, "/api/v1/session", json: #"{"login":"admin","password":"nope"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(try Self.object(wrong)["error"] as? String == "invalid-credentials")

            let signIn = try await browser.request(
                client, .post, "/api/v1/session",
                json: #"{"login":"admin","password":"\#(IdentityHarness.adminPassword)"}"#)
            #expect(signIn.status == .ok)
            let setCookies = signIn.headers[values: .setCookie]
            #expect(setCookies.count == 2)
            for cookie in setCookies {
                #expect(cookie.hasPrefix("__Host-kura-"))
                for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
                    #expect(cookie.contains(attribute), "\(attribute) in a Set-Cookie")
                }
            }
            browser.remember(signIn)
            #expect(try Self.object(signIn)["stage"] as? String == "enrolment")

            // Before enrolment nothing else is reachable.
            let sessions = try await browser.request(client, .get, "/api/v1/me/sessions")
            #expect(sessions.status == .forbidden)
            #expect(try Self.object(sessions)["error"] as? String == "stage-required.enrolment")

            // A state-changing request without the CSRF token is refused.
            let forged = try await browser.request(client, .post, "/api/v1/me/second-factor", csrf: false)
            #expect(forged.status == .forbidden)
            let offer = try await browser.request(client, .post, "/api/v1/me/second-factor")
            #expect(offer.status == .ok)
            let body = try Self.object(offer)
            let secret = try #require(body["secret"] as? String).replacingOccurrences(of: " ", with: "")
            let token = try #require(body["enrolmentToken"] as? String)
            #expect((body["uri"] as? String)?.hasPrefix("otpauth://totp/") == true)
            #expect((body["qrSVG"] as? String)?.hasPrefix("<svg") == true)
            let confirm = try await browser.request(
                client, .post, "/api/v1/me/second-factor/confirm",
                json: #"{"enrolmentToken":"\#(token)","code":"\#(try harness.code(secret))"}"#)
            #expect(confirm.status == .ok)
            #expect((try Self.object(confirm)["recoveryCodes"] as? [String])?.count == 10)

            let listed = try await browser.request(client, .get, "/api/v1/me/sessions")
            #expect(listed.status == .ok)

            // Administrators add accounts; the answer carries the one-time password once.
            let add = try await browser.request(
                client, .post, "/api/v1/accounts",
                json: #"{"login":"ns.tanaka","name":"田中 看護","jobType":"nurse","licence":"N-1","roles":["nurse"]}"#)
            #expect(add.status == .created)
            #expect((try Self.object(add)["initialPassword"] as? String)?.count == 19)
            let forgedAdd = try await browser.request(
                client, .post, "/api/v1/accounts",
                json: #"{"login":"evil","name":"x","jobType":"other","roles":["admin"]}"#, csrf: false)
            #expect(forgedAdd.status == .forbidden)

            // Signing out ends the session.
            let out = try await browser.request(client, .delete, "/api/v1/session")
            #expect(out.status == .noContent)
            let after = try await browser.request(client, .get, "/api/v1/session")
            #expect(after.status == .unauthorized)
        }
    }

    @Test("a flood of sign-ins from one address is refused with 429 and Retry-After", arguments: [TestBackend.sqlite])
    func rateLimit(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            var statuses: [HTTPResponse.Status] = []
            var retryAfter: String?
            for _ in 0..<32 {
                let response = try await harness.client.execute(
                    uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"login":"someone","password":"guess guess"}"#))
                statuses.append(response.status)
                if response.status == .tooManyRequests { retryAfter = response.headers[.retryAfter] }
            }
            #expect(statuses.prefix(30).allSatisfy { $0 == .unauthorized })
            #expect(statuses.suffix(2).allSatisfy { $0 == .tooManyRequests })
            #expect(Int(retryAfter ?? "") ?? 0 > 0)
        }
    }

    @Test("the OpenAPI document is served as JSON")
    func openAPI() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let response = try await harness.client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try Self.object(response)
            #expect(document["openapi"] as? String == "3.1.0")
        }
    }
}

/// API clients (SESS-1, INV-2): a bearer token only after a second-factor sign-in, only for an
/// approved device, short-lived, and free of CSRF because no browser sends it on its own.
@Suite("API bearer tokens")
struct APITokenTests {
    @Test(
        "a token needs password, code and an approved device, and lapses after fifteen minutes",
        arguments: TestBackend.available)
    func tokens(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator().auth
            let doctor = try await harness.readyPhysician(admin: admin)
            let client = harness.client
            func request(_ code: String, device: String?) async throws -> TestResponse {
                var headers: HTTPFields = [.contentType: "application/json"]
                if let device { headers[HTTPField.Name("Kura-Device")!] = device }
                return try await client.execute(
                    uri: "/api/v1/tokens", method: .post, headers: headers,
                    body: ByteBuffer(
                        string: #"{"login":"dr.suzuki","password":"\#(doctor.password)","code":"\#(code)"}"#))
            }
            let wrongCode = try await request("000000", device: nil)
            #expect(wrongCode.status == .unauthorized)
            harness.clock.advance(milliseconds: 30_000)
            let pending = try await request(try harness.code(doctor.secret), device: nil)
            #expect(pending.status == .accepted)
            let reply = try IdentityHTTPTests.object(pending)
            #expect(reply["status"] as? String == "device-pending")
            let deviceToken = try #require(reply["deviceToken"] as? String)
            let device = try #require(try await harness.identity.listDevices().first { $0.status == "pending" })
            _ = try await harness.identity.approveDevice(device.id, ownership: .clinic, by: admin.actor)

            harness.clock.advance(milliseconds: 30_000)
            let issued = try await request(try harness.code(doctor.secret), device: deviceToken)
            #expect(issued.status == .created)
            let token = try #require(try IdentityHTTPTests.object(issued)["token"] as? String)
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            let sessions = try await client.execute(uri: "/api/v1/me/sessions", method: .get, headers: bearer)
            #expect(sessions.status == .ok)
            // The token is not a cookie session: it cannot be used as one.
            let asCookie = try await client.execute(
                uri: "/api/v1/me/sessions", method: .get, headers: [.cookie: "__Host-kura-session=\(token)"])
            #expect(asCookie.status == .unauthorized)
            harness.clock.advance(minutes: 15)
            let lapsed = try await client.execute(uri: "/api/v1/me/sessions", method: .get, headers: bearer)
            #expect(lapsed.status == .unauthorized)
        }
    }
}
