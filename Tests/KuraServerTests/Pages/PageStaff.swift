import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import KuraServer
import KuraStore
import NIOCore
import Testing

/// A member of staff for the page tests: a browser holding their session and device cookies,
/// their account id, and their ready session for calls to the record service.
struct PageStaff {
    var browser: PageBrowser
    let id: String
    let login: String
    var auth: Authenticated
    /// The TOTP secret and the device token, to sign in again after the clock moved on.
    let secret: String
    let device: String

    /// Adds an account with `roles` as `admin` and takes it through first sign-in (password
    /// change, enrolment, device approval), as the record tests do.
    static func make(
        _ harness: IdentityHarness, admin: Authenticated, login: String, jobType: String, roles: [String]
    ) async throws -> PageStaff {
        let (account, initial) = try await harness.identity.addAccount(
            NewAccount(
                login: login, name: "職員 \(login)", jobType: jobType,
                licence: ["physician", "nurse"].contains(jobType) ? "123456" : nil, roles: roles),
            by: admin.actor)
        let first = try await harness.identity.signIn(harness.attempt(login, initial))
        let changed = try await harness.identity.changePassword(
            first.authenticated, current: initial, new: password)
        let (enrolled, secret, _) = try await harness.enrol(changed)
        _ = try await harness.identity.approveDevice(enrolled.device.id, ownership: .clinic, by: admin.actor)
        let auth = try await harness.identity.authenticate(token: first.sessionToken, kind: .browser)
        var browser = PageBrowser(harness.client)
        browser.cookies = ["__Host-kura-session": first.sessionToken, "__Host-kura-device": first.deviceToken]
        return PageStaff(
            browser: browser, id: account.id, login: login, auth: auth, secret: secret, device: first.deviceToken)
    }

    /// Signs in again with both factors on the same device (after the test clock passed the
    /// idle lock and the session lifetime).
    mutating func signInAgain(_ harness: IdentityHarness) async throws {
        let signedIn = try await harness.identity.signIn(harness.attempt(login, Self.password, device: device))
        _ = try await harness.identity.verifySecondFactor(signedIn.authenticated, code: try harness.code(secret))
        auth = try await harness.identity.authenticate(token: signedIn.sessionToken, kind: .browser)
        browser.cookies = ["__Host-kura-session": signedIn.sessionToken, "__Host-kura-device": device]
    }

    static let password = "Tooi-yama-no-kawabe-9%"

    /// Registers a patient through the record service (not the pages), with `team` on its care team.
    static func patient(
        _ harness: IdentityHarness, by staff: PageStaff, number: String, name: String, team: [String] = []
    ) async throws -> String {
        try await harness.services.records.register(
            staff.auth,
            demographics: PatientDemographics(
                patientNumber: number, name: name, kana: "ヤマダ ハナコ", birthDate: "1940-02-29", sex: "female"),
            careTeam: team
        ).patient.id
    }

    /// GET `path`, expecting 200.
    mutating func page(_ path: String) async throws -> TestResponse {
        let response = try await browser.get(path)
        #expect(response.status == .ok, "GET \(path)")
        return response
    }

    /// The CSRF token of the pages this browser is shown.
    mutating func csrf() async throws -> String {
        try PageBrowser.hidden("_csrf", in: try await page("/account"))
    }
}

extension TestResponse {
    /// The body as text.
    var html: String { PageBrowser.html(self) }

    /// The path a 303 sends the browser to.
    var location: String? { status == .seeOther ? headers[.location] : nil }
}
