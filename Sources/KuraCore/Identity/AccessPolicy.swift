/// The facts an access decision needs, gathered by the server; nothing else influences it.
public struct AccessRequest: Sendable, Hashable {
    /// The roles in force for this session (``ActiveRoles``), not every role the account holds.
    public var activeRoles: Set<Role>
    /// The action.
    public var action: AccessAction
    /// Whether the actor is on the care team of the patient the action concerns (ignored for
    /// actions that concern no patient).
    public var inCareTeam: Bool
    /// Whether the actor holds a running break-glass grant for that patient.
    public var holdsBreakGlass: Bool
    /// Whether the session's device is approved, or approval is not required.
    public var deviceCleared: Bool

    /// Creates a request.
    public init(
        activeRoles: Set<Role>, action: AccessAction, inCareTeam: Bool = false, holdsBreakGlass: Bool = false,
        deviceCleared: Bool = true
    ) {
        self.activeRoles = activeRoles
        self.action = action
        self.inCareTeam = inCareTeam
        self.holdsBreakGlass = holdsBreakGlass
        self.deviceCleared = deviceCleared
    }
}

/// The answer, with the reason recorded in the audit trail.
public enum AccessDecision: Sendable, Hashable {
    /// Allowed, and why.
    case allow(AllowReason)
    /// Denied, and why.
    case deny(DenyReason)

    /// Whether the action may go ahead.
    public var isAllowed: Bool {
        if case .allow = self { return true }
        return false
    }

    /// Why an action was allowed.
    public enum AllowReason: String, Sendable, Hashable {
        /// The role allows it and it concerns no patient.
        case role
        /// The actor is on the patient's care team.
        case careTeam = "care-team"
        /// A running break-glass grant allows it (flagged in the audit trail).
        case breakGlass = "break-glass"
    }

    /// Why an action was denied.
    public enum DenyReason: String, Sendable, Hashable {
        /// No active role allows the action (deny by default).
        case role
        /// The patient is not on the actor's care teams; break-glass may open it.
        case notInCareTeam = "not-in-care-team"
        /// The device is not approved yet (INV-2).
        case deviceNotApproved = "device-not-approved"
    }
}

/// Access control as one pure function of the request (ACC-1, ACC-7): deny by default.
///
/// The table of what each role may do is ``permissions``; patient-scoped actions also need care
/// team membership or, where the action allows it, a running break-glass grant. Administrators
/// and auditors hold no clinical action at all (ACC-2).
public enum AccessPolicy {
    /// What each role may do.
    public static let permissions: [Role: Set<AccessAction>] = [
        .physician: [
            .readChart, .writeEntry, .finalizeEntry, .approveProxyEntry, .exportRecords, .registerPatient,
            .searchPatients, .breakGlass, .manageOwnAccount,
        ],
        .nurse: [
            .readChart, .writeEntry, .finalizeEntry, .proxyEntry, .registerPatient, .searchPatients, .breakGlass,
            .manageOwnAccount,
        ],
        .clerk: [.readChart, .proxyEntry, .registerPatient, .searchPatients, .manageOwnAccount],
        .partner: [.readChart, .searchPatients, .manageOwnAccount],
        .admin: [
            .manageAccounts, .manageDevices, .handleAlerts, .signOffReviews, .manageOwnAccount, .readCompliance,
            .manageCompliance,
        ],
        .auditor: [
            .readAuditLog, .exportAuditLog, .signOffReviews, .handleAlerts, .manageOwnAccount, .readCompliance,
        ],
    ]

    /// Actions a break-glass grant may open outside the care team: reading and writing for care,
    /// never export or approval.
    public static let breakGlassActions: Set<AccessAction> = [.readChart, .writeEntry, .finalizeEntry]

    /// Decides `request`.
    public static func decide(_ request: AccessRequest) -> AccessDecision {
        let allowed = request.activeRoles.contains { permissions[$0, default: []].contains(request.action) }
        guard allowed else { return .deny(.role) }
        if request.action.touchesPHI && !request.deviceCleared { return .deny(.deviceNotApproved) }
        guard request.action.isPatientScoped, request.action != .breakGlass else { return .allow(.role) }
        if request.inCareTeam { return .allow(.careTeam) }
        if request.holdsBreakGlass && breakGlassActions.contains(request.action) { return .allow(.breakGlass) }
        return .deny(.notInCareTeam)
    }
}

/// The roles in force for a session (ACC-2): an administrator's clinical roles count only once
/// activated in that session with re-authentication.
public enum ActiveRoles {
    /// The account's `roles`, minus clinical roles not in `activated` when the account is an
    /// administrator.
    public static func of(roles: Set<Role>, activated: Set<Role>) -> Set<Role> {
        guard roles.contains(.admin) else { return roles }
        return roles.filter { !$0.isClinical || activated.contains($0) }
    }

    /// Whether the account is an ACC-2 exception: an administrator who also holds a clinical role.
    public static func isAdministratorWithClinicalRole(_ roles: Set<Role>) -> Bool {
        roles.contains(.admin) && roles.contains(where: \.isClinical)
    }
}
