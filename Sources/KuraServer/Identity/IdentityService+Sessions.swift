import KuraCore
import KuraStore

/// A session as its holder sees it in "my account".
public struct SessionView: Sendable, Codable, Equatable {
    /// The opaque session id.
    public var id: String
    /// `browser` or `api`.
    public var kind: String
    /// When it began and was last seen (ms since the epoch).
    public var createdAt: Int64
    /// Last seen.
    public var lastSeenAt: Int64
    /// The device it is bound to.
    public var deviceID: String
    /// Whether it is the session making the request.
    public var current: Bool
}

extension IdentityService {
    /// The holder's open sessions, newest first.
    public func sessions(of auth: Authenticated) async throws(IdentityError) -> [SessionView] {
        try await read { () async throws(StoreError) in try await store.openSessions(accountID: auth.account.id) }
            .map { session in
                SessionView(
                    id: session.id, kind: session.kind.rawValue, createdAt: session.createdAt,
                    lastSeenAt: session.lastSeenAt, deviceID: session.deviceID, current: session.id == auth.session.id)
            }
    }

    /// Ends one of the holder's own sessions (SESS-3).
    public func revokeOwnSession(_ auth: Authenticated, sessionID: String) async throws(IdentityError) {
        guard let session = try await read({ () async throws(StoreError) in try await store.session(id: sessionID) }),
            session.accountID == auth.account.id, session.endedAt == nil
        else { throw .notFound("session") }
        try await end(session, reason: .revoked, event: "session.revoked", actor: auth.actor)
    }

    /// Issues a short-lived API bearer token (SESS-1): only with the password **and** a TOTP
    /// code, and only to an approved device. An unknown device is registered pending approval
    /// and its token returned, so the client can retry once an administrator approved it.
    public func issueAPIToken(_ attempt: SignInAttempt, code: String) async throws(IdentityError) -> APITokenResult {
        let signedIn = try await signIn(attempt, kind: .api)
        guard signedIn.authenticated.account.sealedTOTPSecret != nil else {
            try await end(
                signedIn.authenticated.session, reason: .revoked, event: "api-token.refused",
                actor: signedIn.authenticated.actor)
            throw .stageRequired(.enrolment)
        }
        let verified: Authenticated
        do throws(IdentityError) {
            verified = try await verifySecondFactor(signedIn.authenticated, code: code)
        } catch {
            // A half-open API session is of no use to anybody: end it with the attempt.
            try await end(signedIn.authenticated.session, reason: .revoked, event: "api-token.refused", actor: .system)
            throw error
        }
        guard verified.stage == .ready, verified.device.status == .approved else {
            try await end(verified.session, reason: .revoked, event: "api-token.refused", actor: verified.actor)
            if verified.device.status != .approved { return .devicePending(deviceToken: signedIn.deviceToken) }
            throw .stageRequired(verified.stage)
        }
        try await commit([
            try leaf("api-token.issued", actor: verified.actor, ["session": .string(verified.session.id)])
        ])
        return .issued(
            token: signedIn.sessionToken, deviceToken: signedIn.deviceToken,
            expiresAt: verified.session.createdAt + settings.sessions.apiTokenMilliseconds)
    }
}

/// The answer to an API token request.
public enum APITokenResult: Sendable, Equatable {
    /// The token, its device's token, and when it lapses (ms since the epoch).
    case issued(token: String, deviceToken: String, expiresAt: Int64)
    /// The device is waiting for an administrator; retry with this device token afterwards.
    case devicePending(deviceToken: String)
}
