import Foundation
import KuraCore
import KuraServer
import KuraStore
import Testing

/// Break-glass, device revocation, roles and review sign-off (ACC-1, ACC-2, ACC-7, INV-2).
@Suite("Access, break-glass and devices")
struct AccessTests {
    @Test(
        "break-glass opens a patient for sixty minutes and waits for someone else's review",
        arguments: TestBackend.available)
    func breakGlass(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator().auth
            let doctor = try await harness.readyPhysician(admin: admin)
            let auth = try await harness.identity.authenticate(token: doctor.sessionToken, kind: .browser)
            #expect(
                try await harness.identity.decide(auth, action: .readChart, patientID: "pat_1", inCareTeam: false)
                    == .deny(.notInCareTeam))
            await #expect(throws: IdentityError.invalidCredentials) {
                _ = try await harness.identity.openBreakGlass(
                    auth, patientID: "pat_1", reason: "救急搬送の連絡", password: "wrong")
            }
            let grant = try await harness.identity.openBreakGlass(
                auth, patientID: "pat_1", reason: "救急搬送の連絡", password: doctor.password)
            #expect(grant.expiresAt - grant.grantedAt == 60 * 60_000)
            #expect(
                try await harness.identity.decide(auth, action: .readChart, patientID: "pat_1", inCareTeam: false)
                    == .allow(.breakGlass))
            #expect(
                try await harness.identity.decide(auth, action: .exportRecords, patientID: "pat_1", inCareTeam: false)
                    == .deny(.notInCareTeam))
            #expect(
                try await harness.identity.decide(auth, action: .readChart, patientID: "pat_2", inCareTeam: false)
                    == .deny(.notInCareTeam))
            #expect(try await harness.identity.breakGlassReason(grantID: grant.id) == "救急搬送の連絡")
            // Still open at 59 minutes (the session kept busy), closed at 60.
            var current = auth
            for _ in 0..<59 {
                harness.clock.advance(minutes: 1)
                current = try await harness.identity.authenticate(token: doctor.sessionToken, kind: .browser)
            }
            #expect(
                try await harness.identity.decide(current, action: .readChart, patientID: "pat_1", inCareTeam: false)
                    == .allow(.breakGlass))
            harness.clock.advance(minutes: 1)
            let expired = try await harness.identity.authenticate(token: doctor.sessionToken, kind: .browser)
            #expect(
                try await harness.identity.decide(expired, action: .readChart, patientID: "pat_1", inCareTeam: false)
                    == .deny(.notInCareTeam))
            let review = try #require(
                try await harness.identity.queue(.review, openOnly: true).first { $0.kind == "break-glass" })
            #expect(review.refID == grant.id)
            await #expect(throws: IdentityError.forbidden("nobody reviews their own actions")) {
                _ = try await harness.identity.signOffReview(review.id, outcome: .accepted, by: expired.actor)
            }
            let closed = try await harness.identity.signOffReview(review.id, outcome: .accepted, by: admin.actor)
            #expect(closed.closedBy == admin.account.id)
            #expect(try await harness.identity.queue(.review, openOnly: true).allSatisfy { $0.id != review.id })
            let details = try await harness.ledgerDetails()
            #expect(details.contains { $0.contains("\"break-glass.granted\"") && $0.contains("pat_1") })
            #expect(!details.contains { $0.contains("救急") })
        }
    }

    @Test("a revoked device ends its sessions at once and never signs in again", arguments: TestBackend.available)
    func revokedDevice(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator().auth
            let doctor = try await harness.readyPhysician(admin: admin)
            _ = try await harness.identity.revokeDevice(doctor.auth.device.id, by: admin.actor)
            await #expect(throws: IdentityError.notSignedIn) {
                _ = try await harness.identity.authenticate(token: doctor.sessionToken, kind: .browser)
            }
            await #expect(throws: IdentityError.forbidden("device-revoked")) {
                _ = try await harness.identity.signIn(
                    harness.attempt("dr.suzuki", doctor.password, device: doctor.device))
            }
            // Another device starts pending again.
            let fresh = try await harness.identity.signIn(harness.attempt("dr.suzuki", doctor.password))
            #expect(fresh.authenticated.device.status == .pending)
        }
    }

    @Test(
        "nobody grants themselves a role; an administrator's clinical role needs activation",
        arguments: TestBackend.available)
    func roles(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator().auth
            await #expect(throws: IdentityError.forbidden("nobody changes their own roles")) {
                _ = try await harness.identity.setRoles(["admin", "physician"], of: admin.account.id, by: admin.actor)
            }
            #expect(throws: IdentityError.forbidden("role")) { try admin.require(.readChart) }
            // The 院長 case: the console grants the administrator a physician role too.
            await #expect(throws: IdentityError.invalidInput("licence: required for physicians and nurses")) {
                _ = try await harness.identity.setRoles(["admin", "physician"], of: admin.account.id, by: .console)
            }
            let doctor = try await harness.readyPhysician(admin: admin)
            let both = try await harness.identity.setRoles(
                ["admin", "physician"], of: doctor.auth.account.id, by: admin.actor)
            #expect(both.administratorWithClinicalRole)
            // The role change ended the doctor's sessions; a new sign-in has the admin role only.
            await #expect(throws: IdentityError.notSignedIn) {
                _ = try await harness.identity.authenticate(token: doctor.sessionToken, kind: .browser)
            }
            let signedIn = try await harness.identity.signIn(
                harness.attempt("dr.suzuki", doctor.password, device: doctor.device))
            harness.clock.advance(milliseconds: 30_000)
            let ready = try await harness.identity.verifySecondFactor(
                signedIn.authenticated, code: try harness.code(doctor.secret))
            #expect(ready.activeRoles == [.admin])
            let activated = try await harness.identity.activateClinicalRole(
                ready, role: .physician, password: doctor.password)
            #expect(activated.activeRoles == [.admin, .physician])
            try activated.require(.searchPatients)
        }
    }
}
