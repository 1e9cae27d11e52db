import Hummingbird
import KuraCore
import KuraStore

/// The identity part of the JSON API under `/api/v1` (described in `OpenAPIText`): setup,
/// sign-in, the second factor, the holder's own account, and API tokens.
struct IdentityAPI: Sendable {
    let http: IdentityHTTP

    var identity: IdentityService { http.identity }

    func register(on group: RouterGroup<KuraRequestContext>) {
        group.get("setup") { _, _ in JSONReply.make(SetupStatus(pending: try await identity.setupPending())) }
        group.post("setup") { request, context in
            let body = try await request.decode(as: SetupRequest.self, context: context)
            let account = try await identity.createFirstAdministrator(
                setupCode: body.setupCode, login: body.login, name: body.name, password: body.password,
                language: body.language)
            return JSONReply.make(account, status: .created)
        }
        group.post("session") { request, context in
            let body = try await request.decode(as: SignInRequest.self, context: context)
            let signedIn = try await identity.signIn(
                SignInAttempt(
                    login: body.login, password: body.password,
                    clientAddress: http.clientAddress(request, context: context),
                    userAgent: request.headers[.userAgent] ?? "",
                    deviceToken: request.cookies[SessionCookies.device]?.value))
            return JSONReply.make(
                sessionState(signedIn.authenticated, passwordWasReset: signedIn.passwordWasReset),
                cookies: [
                    SessionCookies.make(SessionCookies.session, value: signedIn.sessionToken),
                    SessionCookies.make(
                        SessionCookies.device, value: signedIn.deviceToken, maxAge: SessionCookies.deviceMaxAge),
                ])
        }
        group.get("session") { request, _ in
            JSONReply.make(sessionState(try await http.authenticate(request).0, passwordWasReset: nil))
        }
        group.delete("session") { request, _ in
            try await identity.signOut(try await http.authenticateForChange(request))
            return JSONReply.noContent(cookies: [SessionCookies.clear(SessionCookies.session)])
        }
        group.post("session/switch-user") { request, _ in
            try await identity.signOut(try await http.authenticateForChange(request), switchingUser: true)
            return JSONReply.noContent(cookies: [SessionCookies.clear(SessionCookies.session)])
        }
        group.post("session/second-factor") { request, context in
            let auth = try await http.authenticateForChange(request)
            let body = try await request.decode(as: SecondFactorRequest.self, context: context)
            let result: Authenticated
            if let code = body.code {
                result = try await identity.verifySecondFactor(auth, code: code)
            } else if let recovery = body.recoveryCode {
                result = try await identity.useRecoveryCode(auth, code: recovery)
            } else {
                throw IdentityError.invalidInput("code or recoveryCode")
            }
            return JSONReply.make(sessionState(result, passwordWasReset: nil))
        }
        group.post("session/reauthenticate") { request, context in
            let auth = try await http.ready(request)
            let body = try await request.decode(as: PasswordBody.self, context: context)
            return JSONReply.make(
                sessionState(try await identity.reauthenticate(auth, password: body.password), passwordWasReset: nil))
        }
        group.post("session/activate-role") { request, context in
            let auth = try await http.ready(request)
            let body = try await request.decode(as: ActivateRoleRequest.self, context: context)
            guard let role = Role(rawValue: body.role) else { throw IdentityError.invalidInput("role: unknown role") }
            let result = try await identity.activateClinicalRole(auth, role: role, password: body.password)
            return JSONReply.make(sessionState(result, passwordWasReset: nil))
        }
        group.post("tokens") { request, context in
            let body = try await request.decode(as: TokenRequest.self, context: context)
            let result = try await identity.issueAPIToken(
                SignInAttempt(
                    login: body.login, password: body.password,
                    clientAddress: http.clientAddress(request, context: context),
                    userAgent: request.headers[.userAgent] ?? "",
                    deviceToken: request.headers[IdentityHTTP.deviceHeader]),
                code: body.code)
            switch result {
            case .issued(let token, let deviceToken, let expiresAt):
                return JSONReply.make(
                    TokenReply(status: "issued", token: token, deviceToken: deviceToken, expiresAt: expiresAt),
                    status: .created)
            case .devicePending(let deviceToken):
                return JSONReply.make(
                    TokenReply(status: "device-pending", token: nil, deviceToken: deviceToken, expiresAt: nil),
                    status: .accepted)
            }
        }
        registerMe(on: group)
    }

    func registerMe(on group: RouterGroup<KuraRequestContext>) {
        group.post("me/password") { request, context in
            let auth = try await http.authenticateForChange(request)
            let body = try await request.decode(as: PasswordChangeRequest.self, context: context)
            let result = try await identity.changePassword(auth, current: body.currentPassword, new: body.newPassword)
            return JSONReply.make(sessionState(result, passwordWasReset: nil))
        }
        group.post("me/second-factor") { request, _ in
            JSONReply.make(try identity.beginEnrolment(try await http.authenticateForChange(request)))
        }
        group.post("me/second-factor/confirm") { request, context in
            let auth = try await http.authenticateForChange(request)
            let body = try await request.decode(as: EnrolmentConfirmation.self, context: context)
            let result = try await identity.confirmEnrolment(auth, enrolmentToken: body.enrolmentToken, code: body.code)
            return JSONReply.make(
                RecoveryCodes(recoveryCodes: result.recoveryCodes, remaining: result.recoveryCodes.count))
        }
        group.get("me/recovery-codes") { request, _ in
            let auth = try await http.authenticate(request).0
            // Like the other "my account" reads: a password-only session learns nothing more.
            try auth.require(.manageOwnAccount)
            return JSONReply.make(
                RecoveryCodes(recoveryCodes: nil, remaining: try await identity.remainingRecoveryCodes(auth)))
        }
        group.post("me/recovery-codes") { request, _ in
            let codes = try await identity.regenerateRecoveryCodes(try await http.ready(request))
            return JSONReply.make(RecoveryCodes(recoveryCodes: codes, remaining: codes.count))
        }
        group.get("me/sessions") { request, _ in
            let auth = try await http.authenticate(request).0
            try auth.require(.manageOwnAccount)
            return JSONReply.make(try await identity.sessions(of: auth))
        }
        group.delete("me/sessions/{id}") { request, context in
            let auth = try await http.ready(request)
            try await identity.revokeOwnSession(auth, sessionID: try context.parameters.require("id"))
            return JSONReply.noContent()
        }
        group.get("me/devices") { request, _ in
            let auth = try await http.authenticate(request).0
            try auth.require(.manageOwnAccount)
            return JSONReply.make(try await identity.devices(of: auth.account.id))
        }
        group.post("break-glass") { request, context in
            let auth = try await http.ready(request)
            let body = try await request.decode(as: BreakGlassRequest.self, context: context)
            let grant = try await identity.openBreakGlass(
                auth, patientID: body.patientID, reason: body.reason, password: body.password)
            return JSONReply.make(grant, status: .created)
        }
    }

    /// The session as the API describes it.
    func sessionState(_ auth: Authenticated, passwordWasReset: Bool?) -> SessionState {
        SessionState(
            stage: auth.stage.rawValue, sessionID: auth.session.id, accountID: auth.account.id,
            login: auth.account.login,
            roles: auth.account.roles.sorted().map(\.rawValue), activeRoles: auth.activeRoles.sorted().map(\.rawValue),
            deviceID: auth.device.id, deviceStatus: auth.device.status.rawValue,
            csrfToken: http.csrf.token(for: auth.session.id),
            passwordWasReset: passwordWasReset)
    }
}
