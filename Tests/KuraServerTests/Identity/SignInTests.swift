import Foundation
import KuraCore
import KuraServer
import KuraStore
import Testing

/// The sign-in rules of issue 3 through the real service on both backends: setup code, forced
/// password change, enrolment, lockout (AUTH-5), TOTP replay (MFA-1), recovery codes (MFA-3),
/// idle and absolute expiry (SESS-1, SESS-2), resets (AUTH-6), dormancy (ACC-4).
@Suite("Sign-in and sessions")
struct SignInTests {
    @Test("the setup code creates one administrator, once, and never a second", arguments: TestBackend.available)
    func setupOnce(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let code = try #require(harness.startup.setupCode)
            #expect(try await harness.identity.setupPending())
            await #expect(throws: IdentityError.setupUnavailable) {
                _ = try await harness.identity.createFirstAdministrator(
                    setupCode: "AAAA-BBBB-CCCC-DDDD", login: "admin", name: "院長",
                    password: IdentityHarness.adminPassword)
            }
            let admin = try await harness.identity.createFirstAdministrator(
                setupCode: code.lowercased(), login: "Admin", name: "院長 太郎", password: IdentityHarness.adminPassword)
            #expect(admin.login == "admin")
            #expect(admin.roles == ["admin"])
            #expect(!(try await harness.identity.setupPending()))
            await #expect(throws: IdentityError.setupUnavailable) {
                _ = try await harness.identity.createFirstAdministrator(
                    setupCode: code, login: "admin2", name: "別人", password: IdentityHarness.adminPassword)
            }
        }
    }

    @Test(
        "a new physician changes the initial password and enrols before seeing anything",
        arguments: TestBackend.available)
    func newPhysician(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator().auth
            #expect(admin.stage == .ready)
            let (account, initial) = try await harness.identity.addAccount(
                NewAccount(login: "dr.sato", name: "佐藤 一郎", jobType: "physician", licence: "99", roles: ["physician"]),
                by: admin.actor)
            #expect(account.passwordMustChange)
            let first = try await harness.identity.signIn(harness.attempt("dr.sato", initial))
            #expect(first.authenticated.stage == .passwordChange)
            #expect(throws: IdentityError.stageRequired(.passwordChange)) {
                try first.authenticated.require(.readChart)
            }
            // The policy refuses a guessable new password and names the rule.
            await #expect(throws: IdentityError.passwordRefused(.contextWord)) {
                _ = try await harness.identity.changePassword(
                    first.authenticated, current: initial, new: "dr.sato-kura-2024!")
            }
            let changed = try await harness.identity.changePassword(
                first.authenticated, current: initial, new: "Tsuki-ga-kirei-desu-ne-8")
            #expect(changed.stage == .enrolment)
            #expect(throws: IdentityError.stageRequired(.enrolment)) { try changed.require(.readChart) }
            let (ready, _, recovery) = try await harness.enrol(changed)
            #expect(ready.stage == .ready)
            #expect(recovery.count == 10)
            // The device is new: no PHI until an administrator approves it (INV-2).
            #expect(throws: IdentityError.forbidden("device-not-approved")) { try ready.require(.searchPatients) }
            _ = try await harness.identity.approveDevice(ready.device.id, ownership: .byod, by: admin.actor)
            let token = first.sessionToken
            let approved = try await harness.identity.authenticate(token: token, kind: .browser)
            try approved.require(.searchPatients)
        }
    }

    @Test(
        "five failures lock the account; the sixth attempt fails with the right password",
        arguments: TestBackend.available)
    func lockout(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator().auth
            let doctor = try await harness.readyPhysician(admin: admin)
            for _ in 0..<5 {
                await #expect(throws: IdentityError.invalidCredentials) {
                    _ = try await harness.identity.signIn(harness.attempt("dr.suzuki", "wrong password 123"))
                }
            }
            await #expect(throws: IdentityError.invalidCredentials) {
                _ = try await harness.identity.signIn(harness.attempt("dr.suzuki", doctor.password))
            }
            let alerts = try await harness.identity.queue(.alert, openOnly: true)
            #expect(alerts.contains { $0.kind == "account.locked" && $0.subjectAccountID == doctor.auth.account.id })
            // An administrator unlocks; the right password works again.
            _ = try await harness.identity.unlock(doctor.auth.account.id, by: admin.actor)
            let again = try await harness.identity.signIn(harness.attempt("dr.suzuki", doctor.password))
            #expect(again.authenticated.stage == .secondFactor)
            // Or the lock lapses by itself after fifteen minutes.
            for _ in 0..<5 { _ = try? await harness.identity.signIn(harness.attempt("dr.suzuki", "nope nope nope")) }
            harness.clock.advance(minutes: 15)
            _ = try await harness.identity.signIn(harness.attempt("dr.suzuki", doctor.password))
            // An unknown account gets the same answer.
            await #expect(throws: IdentityError.invalidCredentials) {
                _ = try await harness.identity.signIn(harness.attempt("nobody", doctor.password))
            }
        }
    }

    @Test("a TOTP code is accepted once; a replay and a wrong code are refused", arguments: TestBackend.available)
    func totpReplay(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator()
            let first = try await harness.identity.signIn(harness.attempt("admin", IdentityHarness.adminPassword))
            #expect(first.authenticated.stage == .secondFactor)
            let code = try harness.code(admin.secret)
            let ready = try await harness.identity.verifySecondFactor(first.authenticated, code: code)
            #expect(ready.stage == .ready)
            let second = try await harness.identity.signIn(harness.attempt("admin", IdentityHarness.adminPassword))
            await #expect(throws: IdentityError.secondFactorRejected) {
                _ = try await harness.identity.verifySecondFactor(second.authenticated, code: code)
            }
            await #expect(throws: IdentityError.secondFactorRejected) {
                _ = try await harness.identity.verifySecondFactor(second.authenticated, code: "000000")
            }
            // The previous step's code (inside the ±1 window) is older than the one used: refused too.
            await #expect(throws: IdentityError.secondFactorRejected) {
                _ = try await harness.identity.verifySecondFactor(
                    second.authenticated, code: try harness.code(admin.secret, offsetSteps: -1))
            }
            harness.clock.advance(milliseconds: 30_000)
            let next = try await harness.identity.verifySecondFactor(
                second.authenticated, code: try harness.code(admin.secret))
            #expect(next.stage == .ready)
        }
    }

    @Test("a recovery code signs in once, forces re-enrolment and raises an alert", arguments: TestBackend.available)
    func recoveryCode(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator()
            let signedIn = try await harness.identity.signIn(harness.attempt("admin", IdentityHarness.adminPassword))
            let recovered = try await harness.identity.useRecoveryCode(
                signedIn.authenticated, code: admin.recovery[3].uppercased())
            #expect(recovered.stage == .enrolment)
            #expect(try await harness.identity.remainingRecoveryCodes(recovered) == 9)
            let alerts = try await harness.identity.queue(.alert, openOnly: true)
            #expect(alerts.contains { $0.kind == "recovery-code.used" })
            let again = try await harness.identity.signIn(harness.attempt("admin", IdentityHarness.adminPassword))
            await #expect(throws: IdentityError.secondFactorRejected) {
                _ = try await harness.identity.useRecoveryCode(again.authenticated, code: admin.recovery[3])
            }
            // The recovery session lives thirty minutes at most.
            harness.clock.advance(minutes: 9)
            _ = try await harness.identity.authenticate(token: signedIn.sessionToken, kind: .browser)
            harness.clock.advance(minutes: 9)
            _ = try await harness.identity.authenticate(token: signedIn.sessionToken, kind: .browser)
            harness.clock.advance(minutes: 9)
            _ = try await harness.identity.authenticate(token: signedIn.sessionToken, kind: .browser)
            harness.clock.advance(minutes: 4)
            await #expect(throws: IdentityError.notSignedIn) {
                _ = try await harness.identity.authenticate(token: signedIn.sessionToken, kind: .browser)
            }
        }
    }

    @Test("sessions lock after ten idle minutes and end after twelve hours", arguments: TestBackend.available)
    func expiry(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator()
            let token = try await harness.identity.signIn(harness.attempt("admin", IdentityHarness.adminPassword))
                .sessionToken
            harness.clock.advance(minutes: 10)
            await #expect(throws: IdentityError.notSignedIn) {
                _ = try await harness.identity.authenticate(token: token, kind: .browser)
            }
            // A busy session survives the idle limit but not the absolute lifetime.
            let busy = try await harness.identity.signIn(harness.attempt("admin", IdentityHarness.adminPassword))
            harness.clock.advance(milliseconds: 30_000)
            _ = try await harness.identity.verifySecondFactor(busy.authenticated, code: try harness.code(admin.secret))
            for _ in 0..<(12 * 60 / 5 - 1) {
                harness.clock.advance(minutes: 5)
                _ = try await harness.identity.authenticate(token: busy.sessionToken, kind: .browser)
            }
            harness.clock.advance(minutes: 5)
            await #expect(throws: IdentityError.notSignedIn) {
                _ = try await harness.identity.authenticate(token: busy.sessionToken, kind: .browser)
            }
            let details = try await harness.ledgerDetails()
            #expect(details.contains { $0.contains("\"session.idle-locked\"") })
            #expect(details.contains { $0.contains("\"session.expired\"") })
        }
    }

    @Test(
        "concurrent requests of one session after a pause all pass: the activity write races harmlessly",
        arguments: TestBackend.available)
    func concurrentActivity(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator()
            let signedIn = try await harness.identity.signIn(harness.attempt("admin", IdentityHarness.adminPassword))
            _ = try await harness.identity.verifySecondFactor(
                signedIn.authenticated, code: try harness.code(admin.secret))
            for _ in 0..<3 {
                harness.clock.advance(minutes: 2)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<8 {
                        group.addTask {
                            let auth = try await harness.identity.authenticate(
                                token: signedIn.sessionToken, kind: .browser)
                            #expect(auth.stage == .ready)
                        }
                    }
                    try await group.waitForAll()
                }
            }
        }
    }

    @Test("a reset ends sessions, must be changed, is announced and waits for review", arguments: TestBackend.available)
    func reset(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator().auth
            let doctor = try await harness.readyPhysician(admin: admin)
            let oneTime = try await harness.identity.resetPassword(of: doctor.auth.account.id, by: admin.actor)
            await #expect(throws: IdentityError.forbidden("change your own password instead")) {
                _ = try await harness.identity.resetPassword(of: admin.account.id, by: admin.actor)
            }
            let signedIn = try await harness.identity.signIn(
                harness.attempt("dr.suzuki", oneTime, device: doctor.device))
            #expect(signedIn.passwordWasReset)
            let reviews = try await harness.identity.queue(.review, openOnly: true)
            let item = try #require(reviews.first { $0.kind == "password.reset" })
            #expect(item.subjectAccountID == doctor.auth.account.id)
        }
    }

    @Test("accounts idle for ninety days are disabled and cannot sign in", arguments: TestBackend.available)
    func dormancy(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator().auth
            let doctor = try await harness.readyPhysician(admin: admin)
            harness.clock.advance(minutes: 90 * 24 * 60)
            #expect(try await harness.identity.disableDormantAccounts() == 2)
            await #expect(throws: IdentityError.invalidCredentials) {
                _ = try await harness.identity.signIn(harness.attempt("dr.suzuki", doctor.password))
            }
            let report = try await harness.identity.dormantReport()
            #expect(report.map(\.login).sorted() == ["admin", "dr.suzuki"])
            #expect(report.allSatisfy { $0.disabledReason == "dormant" })
        }
    }

    @Test("no password, code or name reaches a ledger leaf", arguments: TestBackend.available)
    func leavesHoldNoSecrets(backend: TestBackend) async throws {
        try await IdentityHarness.with(backend) { harness in
            let admin = try await harness.readyAdministrator()
            let doctor = try await harness.readyPhysician(admin: admin.auth)
            let details = try await harness.ledgerDetails()
            for secret in [IdentityHarness.adminPassword, doctor.password, admin.secret, "鈴木", "院長", "dr.suzuki"] {
                #expect(!details.contains { $0.contains(secret) })
            }
            for kind in [
                "account.created", "login.succeeded", "password.changed", "second-factor.enrolled", "device.approved",
            ] {
                #expect(details.contains { $0.contains("\"kind\":\"\(kind)\"") }, "\(kind)")
            }
        }
    }
}
