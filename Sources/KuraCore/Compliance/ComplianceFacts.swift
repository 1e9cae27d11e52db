/// What the server knows about itself when the checklist is answered (issue 8): the evaluators
/// read only this value, so they are pure and the tests build it by hand.
///
/// Ids are opaque (account ids, generation ids); no person's name is ever part of the facts.
/// Times are milliseconds since the epoch, UTC; `asOf` is the instant the facts describe.
public struct ComplianceFacts: Hashable, Sendable {
    /// The instant of the answers (ms since the epoch, UTC); ages are counted to it.
    public var asOf: Int64
    /// Every account, active or not.
    public var accounts: [AccountFacts]
    /// Whether policy requires a second factor of every account (MFA-1).
    public var secondFactorRequired: Bool
    /// The password policy in force (AUTH-3/AUTH-4).
    public var passwords: PasswordFacts
    /// The access log and its last verification (AUD-1/AUD-2).
    public var accessLog: AccessLogFacts
    /// Backups, the offline copy and the restore drill (BAK-1..3).
    public var backups: BackupFacts
    /// The listeners and TLS (NET-1, MAL-3).
    public var transport: TransportFacts
    /// The running build (MAL-2).
    public var build: BuildFacts
    /// The device registry's counts and the approval policy (INV-1/INV-2).
    public var devices: DeviceFacts
    /// The number of entries in each registry; a missing key means none.
    public var registryEntries: [RegistryID: Int]

    /// Creates the facts.
    public init(
        asOf: Int64, accounts: [AccountFacts], secondFactorRequired: Bool, passwords: PasswordFacts,
        accessLog: AccessLogFacts, backups: BackupFacts, transport: TransportFacts, build: BuildFacts,
        devices: DeviceFacts, registryEntries: [RegistryID: Int]
    ) {
        self.asOf = asOf
        self.accounts = accounts
        self.secondFactorRequired = secondFactorRequired
        self.passwords = passwords
        self.accessLog = accessLog
        self.backups = backups
        self.transport = transport
        self.build = build
        self.devices = devices
        self.registryEntries = registryEntries
    }
}

/// One account as the evaluators see it: an opaque id, the login, roles and dates, no names.
public struct AccountFacts: Hashable, Sendable {
    /// The opaque account id.
    public var id: String
    /// The login (shown in the administrators' list, ACC-2).
    public var login: String
    /// The roles the account holds.
    public var roles: Set<Role>
    /// Whether the account can sign in (not disabled).
    public var active: Bool
    /// Whether a second factor (TOTP or a security key) is enrolled.
    public var hasSecondFactor: Bool
    /// When the account was created.
    public var createdAt: Int64
    /// The last successful sign-in, nil when never.
    public var lastSignInAt: Int64?
    /// The end date (a leaver's last day), nil when open-ended.
    public var endsAt: Int64?

    /// Creates an account's facts.
    public init(
        id: String, login: String, roles: Set<Role>, active: Bool, hasSecondFactor: Bool, createdAt: Int64,
        lastSignInAt: Int64? = nil, endsAt: Int64? = nil
    ) {
        self.id = id
        self.login = login
        self.roles = roles
        self.active = active
        self.hasSecondFactor = hasSecondFactor
        self.createdAt = createdAt
        self.lastSignInAt = lastSignInAt
        self.endsAt = endsAt
    }
}

/// The password policy in force (AUTH-2..4, checklist 2⑦⑧).
public struct PasswordFacts: Hashable, Sendable {
    /// The shortest password accepted when letters, digits and symbols are mixed.
    public var minimumLength: Int
    /// The shortest password accepted without that mix.
    public var minimumLengthWithoutMix: Int
    /// Entries in the common/breached word lists loaded (0: none loaded).
    public var guessableWordCount: Int
    /// Whether an administrator-issued (initial) password must be changed at first sign-in.
    public var initialPasswordMustChange: Bool
    /// Days after which a password shorter than 13 characters on an account without a second
    /// factor must change; nil when no rotation is enforced.
    public var rotationDays: Int?

    /// Creates the facts.
    public init(
        minimumLength: Int, minimumLengthWithoutMix: Int, guessableWordCount: Int, initialPasswordMustChange: Bool,
        rotationDays: Int?
    ) {
        self.minimumLength = minimumLength
        self.minimumLengthWithoutMix = minimumLengthWithoutMix
        self.guessableWordCount = guessableWordCount
        self.initialPasswordMustChange = initialPasswordMustChange
        self.rotationDays = rotationDays
    }
}
