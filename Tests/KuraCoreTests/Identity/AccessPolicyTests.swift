import KuraCore
import Testing

/// ACC-1, ACC-2, ACC-7: the role × action table, written out by hand so that a change to
/// ``AccessPolicy/permissions`` must be made twice, once here on purpose.
@Suite("Access decisions")
struct AccessPolicyTests {
    /// Per action, the roles that may do it (for patient-scoped actions: within the care team).
    static let expected: [AccessAction: Set<Role>] = [
        .readChart: [.physician, .nurse, .clerk, .partner],
        .writeEntry: [.physician, .nurse],
        .finalizeEntry: [.physician, .nurse],
        .proxyEntry: [.nurse, .clerk],
        .approveProxyEntry: [.physician],
        .exportRecords: [.physician],
        .registerPatient: [.physician, .nurse, .clerk],
        .searchPatients: [.physician, .nurse, .clerk, .partner],
        .breakGlass: [.physician, .nurse],
        .manageAccounts: [.admin],
        .manageDevices: [.admin],
        .handleAlerts: [.admin, .auditor],
        .signOffReviews: [.admin, .auditor],
        .readAuditLog: [.auditor],
        .exportAuditLog: [.auditor],
        .manageOwnAccount: Set(Role.allCases),
        .readCompliance: [.admin, .auditor],
        .manageCompliance: [.admin],
    ]

    static let cells: [(Role, AccessAction)] = Role.allCases.flatMap { role in
        AccessAction.allCases.map { (role, $0) }
    }

    @Test("every role × action cell in the care team matches the table", arguments: cells)
    func tableInCareTeam(role: Role, action: AccessAction) throws {
        let decision = AccessPolicy.decide(AccessRequest(activeRoles: [role], action: action, inCareTeam: true))
        let allowed = try #require(Self.expected[action]).contains(role)
        #expect(decision.isAllowed == allowed, "\(role) \(action)")
        if !allowed { #expect(decision == .deny(.role)) }
    }

    @Test("outside the care team, patient actions are denied unless break-glass covers them", arguments: cells)
    func outsideCareTeam(role: Role, action: AccessAction) throws {
        let roleAllows = try #require(Self.expected[action]).contains(role)
        let plain = AccessPolicy.decide(AccessRequest(activeRoles: [role], action: action))
        let withGrant = AccessPolicy.decide(AccessRequest(activeRoles: [role], action: action, holdsBreakGlass: true))
        guard roleAllows else {
            #expect(plain == .deny(.role))
            #expect(withGrant == .deny(.role))
            return
        }
        if action.isPatientScoped && action != .breakGlass {
            #expect(plain == .deny(.notInCareTeam))
            let grantOpens = [AccessAction.readChart, .writeEntry, .finalizeEntry].contains(action)
            #expect(withGrant == (grantOpens ? .allow(.breakGlass) : .deny(.notInCareTeam)))
        } else {
            #expect(plain == .allow(.role))
        }
    }

    @Test("an unapproved device sees no PHI but may still manage its own account")
    func unapprovedDevice() {
        let read = AccessRequest(activeRoles: [.physician], action: .readChart, inCareTeam: true, deviceCleared: false)
        #expect(AccessPolicy.decide(read) == .deny(.deviceNotApproved))
        let own = AccessRequest(activeRoles: [.physician], action: .manageOwnAccount, deviceCleared: false)
        #expect(AccessPolicy.decide(own) == .allow(.role))
        let admin = AccessRequest(activeRoles: [.admin], action: .manageAccounts, deviceCleared: false)
        #expect(AccessPolicy.decide(admin) == .allow(.role))
    }

    @Test("no roles means no access at all")
    func denyByDefault() {
        for action in AccessAction.allCases {
            #expect(
                AccessPolicy.decide(AccessRequest(activeRoles: [], action: action, inCareTeam: true)) == .deny(.role))
        }
    }

    @Test("an administrator's clinical role counts only once activated in the session (ACC-2)")
    func administratorClinicalRole() {
        let roles: Set<Role> = [.admin, .physician]
        #expect(ActiveRoles.of(roles: roles, activated: []) == [.admin])
        #expect(ActiveRoles.of(roles: roles, activated: [.physician]) == [.admin, .physician])
        #expect(ActiveRoles.of(roles: [.physician], activated: []) == [.physician])
        #expect(ActiveRoles.isAdministratorWithClinicalRole(roles))
        #expect(!ActiveRoles.isAdministratorWithClinicalRole([.admin, .auditor]))
        let chart = AccessRequest(
            activeRoles: ActiveRoles.of(roles: roles, activated: []), action: .readChart, inCareTeam: true)
        #expect(AccessPolicy.decide(chart) == .deny(.role))
    }

    @Test("roles round-trip through their stored form")
    func storedForm() {
        let roles: Set<Role> = [.nurse, .admin]
        #expect(roles.storedForm == "nurse,admin")
        #expect(Set<Role>(storedForm: roles.storedForm) == roles)
        #expect(Set<Role>(storedForm: "") == [])
        #expect(Set<Role>(storedForm: "nurse,root") == nil)
    }
}
