/// A role an account holds (ACC-1). Roles are granted by an administrator, never by the holder.
///
/// The clinical roles reach patient data; `admin` manages accounts and devices but holds no
/// clinical access (ACC-2); `auditor` reads the audit trail and signs off reviews; `partner` is an
/// outside care partner (visiting-nurse station, pharmacy) with read access to its care teams.
public enum Role: String, Sendable, Hashable, CaseIterable, Comparable {
    case physician
    case nurse
    case clerk
    case admin
    case auditor
    case partner

    /// Whether the role reaches patient data (ACC-2: an administrator's clinical role is one of these).
    public var isClinical: Bool {
        switch self {
        case .physician, .nurse, .clerk, .partner: true
        case .admin, .auditor: false
        }
    }

    /// Whether the person must record a licence number (physicians and nurses, AUTH-1).
    public var requiresLicence: Bool {
        self == .physician || self == .nurse
    }

    /// Orders by declaration, so role lists print in a stable order.
    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Set where Element == Role {
    /// The roles as stored: sorted raw values joined by commas ("" for none).
    public var storedForm: String {
        sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Parses ``storedForm``; nil when a name is not a role.
    public init?(storedForm: String) {
        guard !storedForm.isEmpty else {
            self = []
            return
        }
        var roles: Set<Role> = []
        for name in storedForm.split(separator: ",", omittingEmptySubsequences: false) {
            guard let role = Role(rawValue: String(name)) else { return nil }
            roles.insert(role)
        }
        self = roles
    }
}
