import Foundation
import Hummingbird
import HummingbirdTesting
import KuraCore
import KuraStore
import KuraTesting
import Logging
import Testing

@testable import KuraServer

/// Two Kura servers on one PostgreSQL database, built by the same composition root over the
/// same data folder (issue 7, "Several servers"): sessions and lockouts live in the database,
/// so what one server decides the other honours. (The in-memory search index is not yet kept
/// current across servers; issue 7.)
@Suite("Two servers on one PostgreSQL", .enabled(if: TestBackend.available.contains(.postgres)))
struct TwoServersTests {
    /// Runs `body` with server A (the harness) and a second server B on the same data folder
    /// and database, both serving.
    static func withTwo(_ body: @Sendable (IdentityHarness, KuraServices) async throws -> Void) async throws {
        try await IdentityHarness.with(.postgres) { harness in
            var configuration = ServerConfiguration(
                dataDirectory: harness.raw.dataDirectory, databaseURL: harness.raw.url, port: 0, insecureHTTP: true)
            configuration.passwordHashing = .passwordTesting
            var logger = Logger(label: "kura-test-b")
            logger.logLevel = .warning
            let clock = harness.clock
            let (application, _, services) = try await buildApplication(
                configuration: configuration, logger: logger, clock: { clock.now })
            try await application.test(.live) { _ in try await body(harness, services) }
        }
    }

    @Test("a session made on one server is honoured on the other, and ending it there ends it here")
    func sessions() async throws {
        try await Self.withTwo { harness, other in
            let (_, _, physician) = try await harness.administratorAndDoctor()
            let onOther = try await other.identity.authenticate(token: physician.sessionToken, kind: .browser)
            #expect(onOther.account.login == "dr.suzuki")
            try await other.identity.signOut(onOther)
            await #expect(throws: IdentityError.notSignedIn) {
                try await harness.identity.authenticate(token: physician.sessionToken, kind: .browser)
            }
        }
    }

    @Test("a lockout reached through one server holds on the other (AUTH-5)")
    func lockout() async throws {
        try await Self.withTwo { harness, other in
            let (_, _, physician) = try await harness.administratorAndDoctor()
            for _ in 0..<5 {
                _ = try? await harness.identity.signIn(harness.attempt("dr.suzuki", "Wrong-password-1#"))
            }
            await #expect(throws: IdentityError.self) {
                try await other.identity.signIn(harness.attempt("dr.suzuki", physician.password))
            }
        }
    }
}
