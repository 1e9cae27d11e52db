import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraServer
import KuraStore
import NIOCore
import NIOPosix

/// A physician account of `kura-bench records`, made ready as a person makes it: first sign-in
/// with the initial password, a new password, TOTP enrolment, the device approved by the
/// administrator. The password and secret are random and never printed.
struct BenchPhysician: Sendable {
    let accountID: String
    let login: String
    let password: String
    let totpSecret: [UInt8]
    let deviceToken: String
    /// The TOTP step used at enrolment: a token request must use a later one (replay guard).
    let enrolledStep: Int64
}

/// The accounts of `kura-bench records`: the first administrator and two physicians, made
/// through the same service the routes call.
enum RecordsAccounts {
    /// Creates the administrator and the physicians `logins`, all ready, and an auditor
    /// `auditor` last when one is named.
    static func prepare(
        _ identity: IdentityService, setupCode: String, logins: [String], auditor: String? = nil
    ) async throws -> [BenchPhysician] {
        let password = randomPassword()
        _ = try await identity.createFirstAdministrator(
            setupCode: setupCode, login: "admin", name: "ベンチ 管理者", password: password)
        let signedIn = try await identity.signIn(attempt("admin", password))
        let admin = try await enrol(identity, signedIn.authenticated).auth
        var physicians: [BenchPhysician] = []
        let people = logins.map { ($0, true) } + (auditor.map { [($0, false)] } ?? [])
        for (login, physician) in people {
            let (account, initial) = try await identity.addAccount(
                physician
                    ? NewAccount(
                        login: login, name: "ベンチ 医師", jobType: "physician", licence: "123456", roles: ["physician"])
                    : NewAccount(login: login, name: "ベンチ 監査", jobType: "other", roles: ["auditor"]),
                by: admin.actor)
            let first = try await identity.signIn(attempt(login, initial))
            let newPassword = randomPassword()
            let changed = try await identity.changePassword(first.authenticated, current: initial, new: newPassword)
            let (auth, secret, step) = try await enrol(identity, changed)
            _ = try await identity.approveDevice(auth.device.id, ownership: .clinic, by: admin.actor)
            physicians.append(
                BenchPhysician(
                    accountID: account.id, login: login, password: newPassword, totpSecret: secret,
                    deviceToken: first.deviceToken, enrolledStep: step))
        }
        return physicians
    }

    /// Enrols TOTP for a session at the enrolment stage; returns the ready session, the secret
    /// and the step whose code was used.
    static func enrol(
        _ identity: IdentityService, _ auth: Authenticated
    ) async throws -> (auth: Authenticated, secret: [UInt8], step: Int64) {
        let offer = try identity.beginEnrolment(auth)
        guard let secret = Base32.decode(offer.secret.replacingOccurrences(of: " ", with: "")) else {
            throw BenchError.invalid("the enrolment secret does not decode")
        }
        let now = Int64(Date().timeIntervalSince1970)
        let ready = try await identity.confirmEnrolment(
            auth, enrolmentToken: offer.enrolmentToken, code: TOTP(secret: secret).code(at: now)
        ).authenticated
        guard ready.stage == .ready else { throw BenchError.invalid("the account is not ready after enrolment") }
        return (ready, secret, now / 30)
    }

    /// An API bearer token for `physician` (valid 15 minutes), asked for over HTTP as an API
    /// client does (`POST /api/v1/tokens` with the password, a fresh TOTP code and the approved
    /// device), and the TOTP step its code used; `spent` is the last step already used.
    static func apiToken(
        for physician: BenchPhysician, port: Int, spent: Int64
    ) async throws -> (token: String, step: Int64) {
        // A used code is refused (replay guard): wait for the next 30-second step if need be.
        while Int64(Date().timeIntervalSince1970) / 30 <= spent {
            try await Task.sleep(for: .milliseconds(500))
        }
        let now = Int64(Date().timeIntervalSince1970)
        let code = TOTP(secret: physician.totpSecret).code(at: now)
        let body = try JSONSerialization.data(
            withJSONObject: ["login": physician.login, "password": physician.password, "code": code])
        var headers: HTTPFields = [.contentType: "application/json", .userAgent: "kura-bench"]
        headers[HTTPField.Name("Kura-Device")!] = physician.deviceToken
        let client = TestClient(
            host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30)),
            eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton)
        )
        client.connect()
        let response: TestClient.Response
        do {
            response = try await client.execute(
                TestClient.Request(
                    "/api/v1/tokens", method: .post, authority: "localhost", headers: headers,
                    body: ByteBuffer(bytes: body)))
        } catch {
            try? await client.shutdown()
            throw error
        }
        try? await client.shutdown()
        guard response.status == .created, let text = response.body.map({ String(buffer: $0) }),
            let reply = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let token = reply["token"] as? String
        else { throw BenchError.invalid("POST /api/v1/tokens answered \(response.status.code)") }
        return (token, now / 30)
    }

    static func attempt(_ login: String, _ password: String) -> SignInAttempt {
        SignInAttempt(
            login: login, password: password, clientAddress: "192.0.2.1", userAgent: "kura-bench", deviceToken: nil)
    }

    /// A long random password the policy accepts.
    static func randomPassword() -> String {
        "Kb-" + SystemRandomBytes().bytes(count: 16).map { String(format: "%02x", $0) }.joined() + "-7!"
    }
}
