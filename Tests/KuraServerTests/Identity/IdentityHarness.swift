import Foundation
import Hummingbird
import HummingbirdTesting
import KuraCore
import KuraServer
import KuraStore
import KuraTesting
import Logging
import Synchronization
import Testing

/// A clock the test moves by hand (idle lock, expiry, lockout, dormancy).
final class TestClock: Sendable {
    let value = Mutex<Int64>(1_800_000_000_000)

    /// Now, in ms since the epoch.
    var now: Int64 { value.withLock { $0 } }

    /// Moves time forward.
    func advance(milliseconds: Int64) { value.withLock { $0 += milliseconds } }

    /// Moves time forward by minutes.
    func advance(minutes: Int64) { advance(milliseconds: minutes * 60_000) }
}

/// A Kura application built by the real composition root with a test clock and cheap password
/// hashing, running (services and HTTP) for the duration of `body`.
struct IdentityHarness: Sendable {
    let clock: TestClock
    let startup: StartupReport
    let services: KuraServices
    let client: any TestClientProtocol
    /// The data folder and the database URL (nil for SQLite), for raw looks at the storage.
    let raw: RawDatabase

    var identity: IdentityService { services.identity }

    static let adminPassword = "Hoshi-zora-no-shita-2718!"

    static func with(
        _ backend: TestBackend,
        configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (IdentityHarness) async throws -> Void
    ) async throws {
        let folder = try TemporaryDirectory()
        let database = try await backend.makeDatabase()
        defer { folder.remove() }
        var configuration = ServerConfiguration(
            dataDirectory: folder.file("data"), databaseURL: database.url, port: 0, insecureHTTP: true)
        configuration.passwordHashing = .passwordTesting
        configuration.identity.clinicName = "さくら在宅クリニック"
        configure(&configuration)
        var logger = Logger(label: "kura-test")
        logger.logLevel = .warning
        let clock = TestClock()
        let dataDirectory = configuration.dataDirectory
        let (application, startup, services) = try await buildApplication(
            configuration: configuration, logger: logger, clock: { clock.now })
        do {
            try await application.test(.live) { client in
                try await body(
                    IdentityHarness(
                        clock: clock, startup: startup, services: services, client: client,
                        raw: RawDatabase(
                            backend: backend, dataDirectory: dataDirectory, url: database.url)))
            }
        } catch {
            await database.cleanup()
            throw error
        }
        await database.cleanup()
    }

    /// A sign-in attempt from a test address.
    func attempt(
        _ login: String, _ password: String, device: String? = nil, address: String = "192.0.2.10"
    )
        -> SignInAttempt
    {
        SignInAttempt(login: login, password: password, clientAddress: address, userAgent: "test", deviceToken: device)
    }

    /// The current TOTP code for a base32 secret as enrolment shows it.
    func code(_ secret: String, offsetSteps: Int64 = 0) throws -> String {
        let bytes = try #require(Base32.decode(secret))
        return TOTP(secret: bytes).code(at: clock.now / 1000 + offsetSteps * 30)
    }

    /// Creates the first administrator with the setup code, signs in and enrols TOTP; returns
    /// the ready session, the TOTP secret and the recovery codes.
    func readyAdministrator() async throws -> (auth: Authenticated, secret: String, recovery: [String], device: String)
    {
        let setupCode = try #require(startup.setupCode)
        _ = try await identity.createFirstAdministrator(
            setupCode: setupCode, login: "admin", name: "院長 太郎", password: Self.adminPassword)
        let signedIn = try await identity.signIn(attempt("admin", Self.adminPassword))
        #expect(signedIn.authenticated.stage == .enrolment)
        let (auth, secret, recovery) = try await enrol(signedIn.authenticated)
        return (auth, secret, recovery, signedIn.deviceToken)
    }

    /// Enrols TOTP for a session at the enrolment stage.
    func enrol(_ auth: Authenticated) async throws -> (Authenticated, String, [String]) {
        let offer = try identity.beginEnrolment(auth)
        let secret = offer.secret.replacingOccurrences(of: " ", with: "")
        let confirmed = try await identity.confirmEnrolment(
            auth, enrolmentToken: offer.enrolmentToken, code: try code(secret))
        // The code of this step is used up: later sign-ins need the next step's code.
        clock.advance(milliseconds: 30_000)
        return (confirmed.authenticated, secret, confirmed.recoveryCodes)
    }

    /// Adds a physician as `admin` and takes them through first sign-in: password change and
    /// enrolment; the device is approved by the administrator.
    func readyPhysician(
        admin: Authenticated, login: String = "dr.suzuki"
    ) async throws -> (
        auth: Authenticated, password: String, secret: String, device: String, sessionToken: String
    ) {
        let (account, initial) = try await identity.addAccount(
            NewAccount(login: login, name: "鈴木 花子", jobType: "physician", licence: "123456", roles: ["physician"]),
            by: admin.actor)
        let first = try await identity.signIn(attempt(login, initial))
        #expect(first.authenticated.stage == .passwordChange)
        let password = "Nagai-kaidan-wo-noboru-7#"
        let changed = try await identity.changePassword(first.authenticated, current: initial, new: password)
        #expect(changed.stage == .enrolment)
        let (auth, secret, _) = try await enrol(changed)
        _ = try await identity.approveDevice(auth.device.id, ownership: .clinic, by: admin.actor)
        #expect(account.login == login)
        return (auth, password, secret, first.deviceToken, first.sessionToken)
    }

    /// A ready administrator and a ready physician, as the record tests start: the physician's
    /// session as it stands after the administrator approved its device (so it may see PHI).
    func administratorAndDoctor() async throws -> (
        admin: Authenticated,
        doctor: Authenticated,
        physician: (auth: Authenticated, password: String, secret: String, device: String, sessionToken: String)
    ) {
        let admin = try await readyAdministrator().auth
        let physician = try await readyPhysician(admin: admin)
        let doctor = try await identity.authenticate(token: physician.sessionToken, kind: .browser)
        return (admin, doctor, physician)
    }

    /// Every leaf's details appended so far, as text.
    func ledgerDetails() async throws -> [String] {
        try await services.checkpointer.integrateNow()
        let size = try #require(try await services.store.latestCheckpoint()).size
        let rows = try await services.store.rows(in: 0..<size)
        return rows.map { String(decoding: $0.details ?? [], as: UTF8.self) }
    }
}
