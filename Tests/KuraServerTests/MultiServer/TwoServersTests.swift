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
/// so what one server decides the other honours; each server's in-memory name index catches up
/// with the patients the other changed before it searches.
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

    @Test("a patient registered and renamed through one server is found by its new name on the other")
    func search() async throws {
        try await Self.withTwo { harness, other in
            let (_, doctor, physician) = try await harness.administratorAndDoctor()
            let onOther = try await other.identity.authenticate(token: physician.sessionToken, kind: .browser)
            let registered = try await harness.services.records.register(
                doctor,
                demographics: PatientDemographics(
                    patientNumber: "M-1", name: "旧姓 花子", kana: "キュウセイ ハナコ", birthDate: "1950-01-01",
                    sex: "female"))
            #expect(try await other.records.search(onOther, PatientQuery(kanaPrefix: "きゅうせい")).count == 1)
            harness.clock.advance(minutes: 1)
            _ = try await harness.services.records.updatePatient(
                doctor, id: registered.patient.id,
                demographics: PatientDemographics(
                    patientNumber: "M-1", name: "新姓 花子", kana: "シンセイ ハナコ", birthDate: "1950-01-01",
                    sex: "female"),
                expectedRevision: 1)
            let found = try await other.records.search(onOther, PatientQuery(kanaPrefix: "しんせい"))
            #expect(found.map(\.id) == [registered.patient.id])
            #expect(try await other.records.search(onOther, PatientQuery(kanaPrefix: "きゅうせい")).isEmpty)
        }
    }
}
