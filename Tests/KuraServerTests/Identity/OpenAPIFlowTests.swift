import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraStore
import NIOCore
import Testing

@testable import KuraServer

/// Real replies match the OpenAPI document (DESIGN "Interfaces": "responses match it"): one
/// clinic's identity work over HTTP, from setup to break-glass, API tokens, the queues, refusals
/// and a 429, with every reply checked against the documented status, headers and schema, and
/// every documented operation seen answering with success at least once.
@Suite("OpenAPI replies")
struct OpenAPIFlowTests {
    static let nursePassword = "Shiroi-kumo-ga-nagareru-3&"

    static let inchoPassword = "Aoi-umi-to-nagai-michi-5$"

    @Test("a whole clinic flow over HTTP answers exactly as the document says")
    func flow() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            var api = APIExercise(client: harness.client, conformance: try OpenAPITests.conformance())
            let administrator = try await Self.setUpAdministrator(&api, harness: harness)
            var admin = administrator.0
            let secret = administrator.1
            let nurse = try await Self.administerAccounts(&api, admin: &admin)
            try await Self.nurseAndDevices(&api, admin: &admin, nurse: nurse)
            try await Self.clinicians(&api, admin: &admin, harness: harness)
            try await Self.apiToken(&api, admin: &admin, harness: harness, secret: secret, nurseID: nurse.id)
            try await Self.queues(&api, admin: &admin)
            try await Self.publicRoutes(&api, harness: harness)
            try await Self.refusals(&api, admin: &admin)

            let succeeded = Set(
                api.answered.filter { $0.hasSuffix(" 200") || $0.hasSuffix(" 201") || $0.hasSuffix(" 204") }
                    .map { String($0.dropLast(4)) })
            // The record and compliance operations have their own flows.
            for operation in api.conformance.operations
            where !RecordFlowTests.isRecordOperation(operation) && !ComplianceAPITests.isComplianceOperation(operation)
            {
                #expect(succeeded.contains(operation), "\(operation) answered with success in the flow")
            }
        }
    }

    /// Setup with the one-time code, sign-in, TOTP enrolment and the holder's own views; returns
    /// the administrator's browser and TOTP secret.
    static func setUpAdministrator(
        _ api: inout APIExercise, harness: IdentityHarness
    ) async throws -> (APICaller, String) {
        var admin = APICaller()
        let password = IdentityHarness.adminPassword
        func setup(_ code: String) -> String {
            #"{"setupCode":"\#(code)","login":"admin","name":"院長 太郎","password":"\#(password)"}"#
        }
        let pending = try await api.call(&admin, .get, "/api/v1/setup", expect: 200)
        #expect(pending.json?["pending"] == .bool(true))
        try await api.call(&admin, .post, "/api/v1/setup", json: setup("WRONG"), expect: 403)
        try await api.call(
            &admin, .post, "/api/v1/setup", json: setup(try #require(harness.startup.setupCode)), expect: 201)

        try await api.call(&admin, .post, "/api/v1/session", json: #"{"login":"admin","password":"nope"}"#, expect: 401)
        let signIn = try await api.call(
            &admin, .post, "/api/v1/session", json: #"{"login":"admin","password":"\#(password)"}"#, expect: 200)
        #expect(try signIn.string("stage") == "enrolment")
        try await api.call(&admin, .get, "/api/v1/session", expect: 200)
        try await api.call(&admin, .get, "/api/v1/me/sessions", expect: 403)
        try await api.call(&admin, .post, "/api/v1/me/second-factor", csrf: false, expect: 403)

        let offer = try await api.call(&admin, .post, "/api/v1/me/second-factor", expect: 200)
        let secret = try offer.string("secret").replacingOccurrences(of: " ", with: "")
        let token = try offer.string("enrolmentToken")
        func confirm(_ code: String) -> String { #"{"enrolmentToken":"\#(token)","code":"\#(code)"}"# }
        let right = try harness.code(secret)
        let wrong = String(format: "%06d", ((Int(right) ?? 0) + 500_000) % 1_000_000)
        try await api.call(&admin, .post, "/api/v1/me/second-factor/confirm", json: confirm(wrong), expect: 401)
        try await api.call(&admin, .post, "/api/v1/me/second-factor/confirm", json: confirm(right), expect: 200)
        harness.clock.advance(milliseconds: 30_000)
        let count = try await api.call(&admin, .get, "/api/v1/me/recovery-codes", expect: 200)
        #expect(count.json?["remaining"] == .integer(10))
        try await api.call(&admin, .post, "/api/v1/me/recovery-codes", expect: 200)
        try await api.call(&admin, .get, "/api/v1/me/sessions", expect: 200)
        try await api.call(&admin, .get, "/api/v1/me/devices", expect: 200)
        return (admin, secret)
    }

    /// Adding and administering a nurse's account; returns its id and a one-time password.
    static func administerAccounts(
        _ api: inout APIExercise, admin: inout APICaller
    ) async throws -> (id: String, password: String) {
        func nurse(_ jobType: String) -> String {
            #"{"login":"ns.tanaka","name":"田中 看護","jobType":"\#(jobType)","licence":"N-1","roles":["nurse"]}"#
        }
        try await api.call(&admin, .post, "/api/v1/accounts", json: "{}", expect: 400)
        try await api.call(&admin, .post, "/api/v1/accounts", json: nurse("wizard"), expect: 400)
        let added = try await api.call(&admin, .post, "/api/v1/accounts", json: nurse("nurse"), expect: 201)
        try await api.call(&admin, .post, "/api/v1/accounts", json: nurse("nurse"), expect: 409)
        let id = try #require(added.json?["account"]?["id"]?.string)
        let adminID = try await api.call(&admin, .get, "/api/v1/session", expect: 200).string("accountID")

        try await api.call(&admin, .get, "/api/v1/accounts", expect: 200)
        try await api.call(&admin, .get, "/api/v1/accounts/\(id)", expect: 200)
        try await api.call(&admin, .get, "/api/v1/accounts/acc_missing", expect: 404)
        let password = #"{"password":"\#(IdentityHarness.adminPassword)"}"#
        try await api.call(&admin, .post, "/api/v1/session/reauthenticate", json: password, expect: 200)
        let roles = #"{"roles":["nurse","clerk"]}"#
        try await api.call(&admin, .put, "/api/v1/accounts/\(id)/roles", json: roles, expect: 200)
        try await api.call(&admin, .put, "/api/v1/accounts/\(adminID)/roles", json: roles, expect: 403)
        try await api.call(
            &admin, .put, "/api/v1/accounts/\(id)/end-date", json: #"{"endsAt":4102444800000}"#, expect: 200)
        try await api.call(&admin, .put, "/api/v1/accounts/\(id)/end-date", json: #"{"endsAt":null}"#, expect: 200)
        let disabled = try await api.call(&admin, .post, "/api/v1/accounts/\(id)/disable", expect: 200)
        #expect(disabled.json?["disabledReason"] == .string("manual"))
        try await api.call(&admin, .post, "/api/v1/accounts/\(id)/enable", expect: 200)
        try await api.call(&admin, .post, "/api/v1/accounts/\(id)/unlock", expect: 200)
        try await api.call(&admin, .get, "/api/v1/reports/dormant-accounts", expect: 200)
        let activate = #"{"role":"%@","password":"\#(IdentityHarness.adminPassword)"}"#
        try await api.call(
            &admin, .post, "/api/v1/session/activate-role",
            json: activate.replacingOccurrences(of: "%@", with: "nurse"),
            expect: 403)
        try await api.call(
            &admin, .post, "/api/v1/session/activate-role",
            json: activate.replacingOccurrences(of: "%@", with: "wizard"),
            expect: 400)
        // The reset gives the flow a password for the nurse's first sign-in (AUTH-6).
        let reset = try await api.call(&admin, .post, "/api/v1/accounts/\(id)/reset-password", expect: 200)
        return (id, try reset.string("oneTimePassword"))
    }

    /// The nurse's first sign-in and password change; device approval and revocation (INV-2,
    /// DEV-2); revoking every session of an account.
    static func nurseAndDevices(
        _ api: inout APIExercise, admin: inout APICaller, nurse account: (id: String, password: String)
    ) async throws {
        var nurse = APICaller()
        func signIn(_ password: String) -> String { #"{"login":"ns.tanaka","password":"\#(password)"}"# }
        func change(to new: String) -> String {
            #"{"currentPassword":"\#(account.password)","newPassword":"\#(new)"}"#
        }
        let first = try await api.call(&nurse, .post, "/api/v1/session", json: signIn(account.password), expect: 200)
        #expect(try first.string("stage") == "password-change")
        #expect(first.json?["passwordWasReset"] == .bool(true))
        try await api.call(&nurse, .post, "/api/v1/me/password", json: change(to: "password"), expect: 422)
        try await api.call(&nurse, .post, "/api/v1/me/password", json: change(to: Self.nursePassword), expect: 200)

        let device = try first.string("deviceID")
        try await api.call(&admin, .get, "/api/v1/devices", expect: 200)
        let approve = "/api/v1/devices/\(device)/approve"
        try await api.call(&admin, .post, approve, json: #"{"ownership":"lost"}"#, expect: 400)
        try await api.call(&admin, .post, approve, json: #"{"ownership":"byod"}"#, expect: 200)
        try await api.call(&admin, .post, approve, json: #"{"ownership":"byod"}"#, expect: 409)
        try await api.call(
            &admin, .post, "/api/v1/devices/dev_missing/approve", json: #"{"ownership":"byod"}"#, expect: 404)

        try await api.call(&admin, .delete, "/api/v1/accounts/\(account.id)/sessions", expect: 204)
        try await api.call(&nurse, .get, "/api/v1/session", expect: 401)
        try await api.call(&nurse, .post, "/api/v1/session", json: signIn(Self.nursePassword), expect: 200)
        try await api.call(&admin, .post, "/api/v1/devices/\(device)/revoke", expect: 200)
        try await api.call(&admin, .post, "/api/v1/devices/\(device)/revoke", expect: 409)
        try await api.call(&nurse, .get, "/api/v1/session", expect: 401)
        try await api.call(&nurse, .post, "/api/v1/session", json: signIn(Self.nursePassword), expect: 403)
    }

    /// A physician's break-glass (ACC-7), second factor and own sessions (SESS-3); a 院長 who
    /// administers the clinic activating the physician role for one session (ACC-2).
    static func clinicians(_ api: inout APIExercise, admin: inout APICaller, harness: IdentityHarness) async throws {
        let adminToken = try #require(admin.cookies[SessionCookies.session])
        let adminAuth = try await harness.identity.authenticate(token: adminToken, kind: .browser)
        let physician = try await harness.readyPhysician(admin: adminAuth)
        var doctor = APICaller(
            cookies: [SessionCookies.session: physician.sessionToken, SessionCookies.device: physician.device])
        try await api.call(&doctor, .get, "/api/v1/session", expect: 200)
        func breakGlass(_ reason: String) -> String {
            #"{"patientID":"pat_1","reason":"\#(reason)","password":"\#(physician.password)"}"#
        }
        try await api.call(&doctor, .post, "/api/v1/break-glass", json: breakGlass("abc"), expect: 400)
        try await api.call(&doctor, .post, "/api/v1/break-glass", json: breakGlass("救急搬送、主治医不在のため"), expect: 201)

        var other = APICaller(cookies: [SessionCookies.device: physician.device])
        let signIn = #"{"login":"dr.suzuki","password":"\#(physician.password)"}"#
        let second = try await api.call(&other, .post, "/api/v1/session", json: signIn, expect: 200)
        #expect(try second.string("stage") == "second-factor")
        let code = #"{"code":"\#(try harness.code(physician.secret))"}"#
        try await api.call(&other, .post, "/api/v1/session/second-factor", json: code, expect: 200)
        harness.clock.advance(milliseconds: 30_000)
        let secondID = try second.string("sessionID")
        try await api.call(&doctor, .delete, "/api/v1/me/sessions/\(secondID)", expect: 204)
        try await api.call(&doctor, .delete, "/api/v1/me/sessions/\(secondID)", expect: 404)
        try await api.call(&doctor, .delete, "/api/v1/session", expect: 204)

        let (_, initial) = try await harness.identity.addAccount(
            NewAccount(
                login: "incho", name: "院長 次郎", jobType: "physician", licence: "654321", roles: ["admin", "physician"]),
            by: adminAuth.actor)
        let first = try await harness.identity.signIn(harness.attempt("incho", initial))
        let changed = try await harness.identity.changePassword(
            first.authenticated, current: initial, new: Self.inchoPassword)
        _ = try await harness.enrol(changed)
        var incho = APICaller(cookies: [
            SessionCookies.session: first.sessionToken, SessionCookies.device: first.deviceToken,
        ])
        try await api.call(&incho, .get, "/api/v1/session", expect: 200)
        let activated = try await api.call(
            &incho, .post, "/api/v1/session/activate-role",
            json: #"{"role":"physician","password":"\#(Self.inchoPassword)"}"#, expect: 200)
        #expect(activated.json?["activeRoles"]?.array?.contains(.string("physician")) == true)
    }

    /// An API client's bearer token: pending device, approval, issue, use without CSRF, revoke
    /// (SESS-1, INV-2).
    static func apiToken(
        _ api: inout APIExercise, admin: inout APICaller, harness: IdentityHarness, secret: String, nurseID: String
    ) async throws {
        var client = APICaller()
        func request() throws -> String {
            #"{"login":"admin","password":"\#(IdentityHarness.adminPassword)","code":"\#(try harness.code(secret))"}"#
        }
        try await api.call(
            &client, .post, "/api/v1/tokens", json: #"{"login":"admin","password":"wrong","code":"000000"}"#,
            expect: 401)
        let pending = try await api.call(&client, .post, "/api/v1/tokens", json: try request(), expect: 202)
        harness.clock.advance(milliseconds: 30_000)
        client.device = try pending.string("deviceToken")

        let adminID = try await api.call(&admin, .get, "/api/v1/session", expect: 200).string("accountID")
        let devices = try await api.call(&admin, .get, "/api/v1/devices", expect: 200)
        for device in devices.json?.array ?? []
        where device["ownerAccountID"]?.string == adminID && device["status"] == .string("pending") {
            let id = try #require(device["id"]?.string)
            try await api.call(
                &admin, .post, "/api/v1/devices/\(id)/approve", json: #"{"ownership":"clinic"}"#, expect: 200)
        }
        let issued = try await api.call(&client, .post, "/api/v1/tokens", json: try request(), expect: 201)
        harness.clock.advance(milliseconds: 30_000)
        client.bearer = try issued.string("token")
        try await api.call(&client, .get, "/api/v1/session", expect: 200)
        try await api.call(&client, .get, "/api/v1/accounts", expect: 200)
        try await api.call(&client, .post, "/api/v1/accounts/\(nurseID)/unlock", csrf: false, expect: 200)
        try await api.call(&client, .delete, "/api/v1/session", csrf: false, expect: 204)
        try await api.call(&client, .get, "/api/v1/session", expect: 401)
    }

    /// The alert and review queues (AUD-1, ACC-7).
    static func queues(_ api: inout APIExercise, admin: inout APICaller) async throws {
        let alerts = try await api.call(&admin, .get, "/api/v1/alerts", expect: 200)
        let alert = try #require(alerts.json?.array?.first?["id"]?.string, "an open alert")
        try await api.call(&admin, .post, "/api/v1/alerts/\(alert)/acknowledge", expect: 200)
        try await api.call(&admin, .post, "/api/v1/alerts/\(alert)/acknowledge", expect: 409)
        try await api.call(&admin, .post, "/api/v1/alerts/alr_missing/acknowledge", expect: 404)
        try await api.call(&admin, .get, "/api/v1/alerts?open=false", expect: 200)

        let reviews = try await api.call(&admin, .get, "/api/v1/reviews", expect: 200)
        let review = try #require(reviews.json?.array?.first?["id"]?.string, "an open review")
        let signOff = "/api/v1/reviews/\(review)/sign-off"
        try await api.call(&admin, .post, signOff, json: #"{"outcome":"maybe"}"#, expect: 400)
        try await api.call(&admin, .post, signOff, json: #"{"outcome":"accepted"}"#, expect: 200)
        try await api.call(&admin, .post, signOff, json: #"{"outcome":"flagged"}"#, expect: 409)
        try await api.call(&admin, .get, "/api/v1/reviews?open=false", expect: 200)
    }

    /// The health check, this document and the C2SP tlog-tiles log: no session needed.
    static func publicRoutes(_ api: inout APIExercise, harness: IdentityHarness) async throws {
        var anybody = APICaller()
        try await harness.services.checkpointer.integrateNow()
        try await api.call(&anybody, .get, "/healthz", expect: 200)
        try await api.call(&anybody, .get, "/api/v1/openapi.json", expect: 200)
        try await api.call(&anybody, .get, "/log/checkpoint", expect: 200)
        let size = try #require(try await harness.services.store.latestCheckpoint()).size
        #expect(size > 0 && size < 256_000)
        let (index, width) = (size / 256, size % 256)
        let tile = width == 0 ? String(format: "%03d", index - 1) : String(format: "%03d.p/%d", index, width)
        try await api.call(&anybody, .get, "/log/tile/0/\(tile)", expect: 200)
        try await api.call(&anybody, .get, "/log/tile/entries/\(tile)", expect: 200)
        try await api.call(&anybody, .get, "/log/tile/0/x999/000", expect: 404)
        try await api.call(&anybody, .get, "/log/tile/0/abc", expect: 400)
    }

    /// Refusals outside any operation (unknown path, oversized body) keep the error body; a
    /// flood of sign-ins gets 429 with Retry-After (AUTH-5); switching user ends the session.
    static func refusals(_ api: inout APIExercise, admin: inout APICaller) async throws {
        let unknown = try await api.client.execute(uri: "/api/v1/nope", method: .get)
        #expect(unknown.status == .notFound)
        let unknownReply = APIReply(
            status: 404, headers: unknown.headers, body: String(buffer: unknown.body),
            json: try? JSONValue.parse(String(buffer: unknown.body)))
        #expect(api.problems(unknownReply, schema: "Error").isEmpty)

        let large = try await api.client.execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"login":""# + String(repeating: "a", count: 70_000) + #""}"#))
        #expect(large.status == .contentTooLarge)
        let largeReply = APIReply(
            status: 413, headers: large.headers, body: String(buffer: large.body),
            json: try? JSONValue.parse(String(buffer: large.body)))
        #expect(api.problems(largeReply, schema: "Error").isEmpty)

        var flood = APICaller()
        let guess = #"{"login":"someone","password":"guess guess"}"#
        for _ in 0..<40 {
            let response = try await api.client.execute(
                uri: "/api/v1/session", method: .post, headers: flood.headers(body: true, csrf: false),
                body: ByteBuffer(string: guess))
            if response.status == .tooManyRequests { break }
        }
        try await api.call(&flood, .post, "/api/v1/session", json: guess, expect: 429)

        try await api.call(&admin, .post, "/api/v1/session/switch-user", expect: 204)
        try await api.call(&admin, .get, "/api/v1/session", expect: 401)
    }
}
