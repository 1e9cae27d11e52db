import Foundation
import KuraCore
import KuraServer
import Logging

/// Kura started in-process by the real composition root (`buildApplication`) and run in a
/// service group, with a signed-in administrator and an account for the flood to guess at.
struct FloodServer: Sendable {
    /// The port the server bound.
    let port: Int
    /// The administrator's session token (password and second factor done: stage ready).
    let sessionToken: String

    /// The login the flood's even attempts guess at.
    static let targetLogin = "flood.target"

    /// Builds and starts the server, prepares the accounts, runs `body`, then shuts the server
    /// down gracefully and waits for its services to stop.
    static func run<T: Sendable>(
        configuration: ServerConfiguration,
        logger: Logger,
        _ body: (FloodServer) async throws -> T
    ) async throws -> T {
        try await InProcessKura.run(configuration: configuration, logger: logger) { running in
            guard let setupCode = running.startup.setupCode else {
                throw BenchError.invalid("the new data folder has no setup code")
            }
            let token = try await prepareAccounts(running.services.identity, setupCode: setupCode)
            return try await body(FloodServer(port: running.port, sessionToken: token))
        }
    }

    /// Creates the first administrator, signs in and enrols TOTP as a person would (through the
    /// same service the routes call), and adds the flood's target account; returns the
    /// administrator's session token. The password is random and never printed.
    static func prepareAccounts(_ identity: IdentityService, setupCode: String) async throws -> String {
        let random = SystemRandomBytes()
        let password = "Kb-" + random.bytes(count: 16).map { String(format: "%02x", $0) }.joined() + "-7!"
        _ = try await identity.createFirstAdministrator(
            setupCode: setupCode, login: "admin", name: "ベンチ 管理者", password: password)
        let signedIn = try await identity.signIn(
            SignInAttempt(
                login: "admin", password: password, clientAddress: "192.0.2.1", userAgent: "kura-bench",
                deviceToken: nil))
        let offer = try identity.beginEnrolment(signedIn.authenticated)
        guard let secret = Base32.decode(offer.secret.replacingOccurrences(of: " ", with: "")) else {
            throw BenchError.invalid("the enrolment secret does not decode")
        }
        let code = TOTP(secret: secret).code(at: Int64(Date().timeIntervalSince1970))
        let ready = try await identity.confirmEnrolment(
            signedIn.authenticated, enrolmentToken: offer.enrolmentToken, code: code
        ).authenticated
        guard ready.stage == .ready else { throw BenchError.invalid("the administrator is not ready") }
        _ = try await identity.addAccount(
            NewAccount(login: targetLogin, name: "標的 花子", jobType: "clerk", roles: ["clerk"]), by: ready.actor)
        return signedIn.sessionToken
    }
}
