/// Whether an account may sign in.
public enum AccountStatus: String, Sendable, Hashable, CaseIterable {
    /// The account may sign in (subject to lockout and its end date).
    case active
    /// An administrator or the dormancy rule disabled it (ACC-4); only an administrator re-enables it.
    case disabled
}

/// Why an account was disabled (ACC-4), for the dormant-account report.
public enum DisableReason: String, Sendable, Hashable, CaseIterable {
    /// An administrator disabled it.
    case manual
    /// No login for the configured number of days.
    case dormant
    /// Its end date passed (the person left).
    case ended
}

/// Whether a device may see PHI (INV-2, DEV-2).
public enum DeviceStatus: String, Sendable, Hashable, CaseIterable {
    /// Seen, waiting for an administrator's approval.
    case pending
    /// Approved by an administrator.
    case approved
    /// Revoked (lost, retired): its sessions end and it never signs in again.
    case revoked
}

/// Who owns a device (DEV-2): a clinic device or the person's own (BYOD).
public enum DeviceOwnership: String, Sendable, Hashable, CaseIterable {
    /// Not yet stated by an administrator.
    case unknown
    /// Owned and managed by the clinic.
    case clinic
    /// The person's own device.
    case byod
}

/// What a session is for.
public enum SessionKind: String, Sendable, Hashable, CaseIterable {
    /// A browser session behind a cookie.
    case browser
    /// A short-lived bearer token for an API client.
    case api
}

/// Why a session ended (SESS-1…3), recorded on the session and in its ledger leaf.
public enum SessionEndReason: String, Sendable, Hashable, CaseIterable {
    case logout
    /// Idle longer than the idle limit.
    case idle
    /// Older than the absolute lifetime.
    case expired
    /// Revoked by its holder or an administrator.
    case revoked
    /// "Switch user" on a shared PC.
    case switchedUser = "switched-user"
    /// The password changed or was reset.
    case passwordChanged = "password-changed"
    /// The account was disabled or locked out.
    case accountDisabled = "account-disabled"
    /// Its device was revoked.
    case deviceRevoked = "device-revoked"
}

/// The two queues a person works through: alerts to acknowledge and reviews to sign off (AUD-1).
public enum QueueKind: String, Sendable, Hashable, CaseIterable {
    /// An in-app alert for administrators, acknowledged by a person.
    case alert
    /// An item an auditor or administrator must review and sign off (break-glass, reset, …).
    case review
}
