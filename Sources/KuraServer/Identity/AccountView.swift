import KuraCore
import KuraStore

/// An account as administrators and the holder see it: names opened, no secrets.
public struct AccountView: Sendable, Equatable, Codable {
    /// The opaque id.
    public var id: String
    /// The login name.
    public var login: String
    /// The person's name.
    public var name: String
    /// The job type code.
    public var jobType: String
    /// The licence number, for physicians and nurses.
    public var licence: String?
    /// The roles, in declaration order.
    public var roles: [String]
    /// `active` or `disabled`.
    public var status: String
    /// Why it is disabled.
    public var disabledReason: String?
    /// The end date (ms since the epoch), if any.
    public var endsAt: Int64?
    /// Created (ms since the epoch).
    public var createdAt: Int64
    /// Last complete sign-in.
    public var lastLoginAt: Int64?
    /// Whether a second factor is enrolled.
    public var secondFactorEnrolled: Bool
    /// Until when it is locked, if it is.
    public var lockedUntil: Int64?
    /// Whether the next sign-in must change the password.
    public var passwordMustChange: Bool
    /// An administrator who also holds a clinical role (the ACC-2 exception to report).
    public var administratorWithClinicalRole: Bool
    /// Days since the last sign-in (or creation).
    public var idleDays: Int
    /// `ja` or `en`.
    public var language: String
}

extension IdentityService {
    /// The view of `record` at the current time.
    func view(_ record: AccountRecord) throws(IdentityError) -> AccountView {
        let now = clock()
        return AccountView(
            id: record.id, login: record.login, name: try open(record.sealedName, objectID: record.id, field: "name"),
            jobType: record.jobType,
            licence: try record.sealedLicence.map { (sealed) throws(IdentityError) in
                try open(sealed, objectID: record.id, field: "licence")
            },
            roles: record.roles.sorted().map(\.rawValue), status: record.status.rawValue,
            disabledReason: record.disabledReason?.rawValue, endsAt: record.endsAt, createdAt: record.createdAt,
            lastLoginAt: record.lastLoginAt, secondFactorEnrolled: record.sealedTOTPSecret != nil,
            lockedUntil: record.lockedUntil.flatMap { $0 > now ? $0 : nil },
            passwordMustChange: record.passwordMustChange,
            administratorWithClinicalRole: ActiveRoles.isAdministratorWithClinicalRole(record.roles),
            idleDays: settings.accounts.idleDays(createdAt: record.createdAt, lastLoginAt: record.lastLoginAt, at: now),
            language: record.language)
    }
}
