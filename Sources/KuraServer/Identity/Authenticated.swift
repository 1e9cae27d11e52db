import KuraCore
import KuraStore

/// A request's signed-in session, resolved from its token and checked for idle lock, expiry,
/// a disabled account and a revoked device.
public struct Authenticated: Sendable {
    /// The account, as stored now.
    public let account: AccountRecord
    /// The session, as stored now.
    public let session: SessionRecord
    /// The session's device.
    public let device: DeviceRecord
    /// How far the sign-in has come; anything but `ready` reaches only its own page.
    public let stage: SignInStage
    /// The roles in force (ACC-2).
    public let activeRoles: Set<Role>
    /// Whether the device may see PHI (approved, or approval not required; INV-2).
    public let deviceCleared: Bool

    /// The actor the ledger records.
    public var actor: Actor { .account(id: account.id) }

    /// Whether a role in force allows `action` on some patient: for menus and links only; the
    /// decision for a given patient follows when it is opened (``IdentityService/decide``).
    public func holds(_ action: AccessAction) -> Bool {
        activeRoles.contains { AccessPolicy.permissions[$0, default: []].contains(action) }
    }

    /// Throws unless the session is ready and the access decision allows `action` for a request
    /// that concerns no patient (patient actions go through ``IdentityService/decide``).
    public func require(_ action: AccessAction) throws(IdentityError) {
        guard stage == .ready else { throw .stageRequired(stage) }
        let decision = AccessPolicy.decide(
            AccessRequest(activeRoles: activeRoles, action: action, deviceCleared: deviceCleared))
        guard case .allow = decision else {
            if case .deny(let reason) = decision { throw .forbidden(reason.rawValue) }
            throw .forbidden("denied")
        }
    }
}

/// What a successful password check gives the caller: the cookies to set and the session.
public struct SignedIn: Sendable {
    /// The session token for the cookie (or the bearer header of an API client).
    public let sessionToken: String
    /// The device token for the long-lived device cookie.
    public let deviceToken: String
    /// The session as it now stands.
    public let authenticated: Authenticated
    /// Whether an administrator reset the password since the last sign-in (AUTH-6).
    public let passwordWasReset: Bool
}

/// What a person types to sign in, and where from.
public struct SignInAttempt: Sendable {
    /// The login name as typed.
    public var login: String
    /// The password as typed.
    public var password: String
    /// The client address (after trusted-proxy resolution).
    public var clientAddress: String
    /// The browser's user agent.
    public var userAgent: String
    /// The device cookie, if the browser has one.
    public var deviceToken: String?

    /// Creates an attempt.
    public init(login: String, password: String, clientAddress: String, userAgent: String, deviceToken: String?) {
        self.login = login
        self.password = password
        self.clientAddress = clientAddress
        self.userAgent = userAgent
        self.deviceToken = deviceToken
    }
}
