import Foundation
import KuraCore
import KuraStore

/// What an administrator enters for a new account (AUTH-1, ACC-1).
public struct NewAccount: Sendable, Equatable, Codable {
    /// The login name (lowercased and checked here).
    public var login: String
    /// The person's name (required; one account per person, never a shared one).
    public var name: String
    /// The job type code.
    public var jobType: String
    /// The licence number, required with the physician or nurse role.
    public var licence: String?
    /// The roles to grant.
    public var roles: [String]
    /// The last day of use (ms since the epoch), if known.
    public var endsAt: Int64?
    /// `ja` (default) or `en`.
    public var language: String?

    /// Creates the input.
    public init(
        login: String, name: String, jobType: String, licence: String? = nil, roles: [String], endsAt: Int64? = nil,
        language: String? = nil
    ) {
        self.login = login
        self.name = name
        self.jobType = jobType
        self.licence = licence
        self.roles = roles
        self.endsAt = endsAt
        self.language = language
    }
}

/// The input rules shared by the API, the pages and the command line.
enum IdentityInput {
    /// Job type codes Kura knows (the checklist counts staff by these).
    static let jobTypes: Set<String> = [
        "physician", "nurse", "clerk", "administrator", "pharmacist", "therapist", "care-manager", "other",
    ]

    /// The normalised login name, or an error naming the rule.
    static func login(_ raw: String) throws(IdentityError) -> String {
        let login = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard login.utf8.count >= 3, login.utf8.count <= 32, StoreWrite.isLoginName(login) else {
            throw .invalidInput("login: 3 to 32 of a-z, 0-9, '.', '_' and '-'")
        }
        return login
    }

    /// A person's name: 1 to 100 characters after trimming, no control characters.
    static func name(_ raw: String) throws(IdentityError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(name.count),
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .invalidInput("name: 1 to 100 characters") }
        return name
    }

    /// Roles by name; at least one, each known.
    static func roles(_ names: [String]) throws(IdentityError) -> Set<Role> {
        var roles: Set<Role> = []
        for name in names {
            guard let role = Role(rawValue: name) else { throw .invalidInput("roles: unknown role") }
            roles.insert(role)
        }
        guard !roles.isEmpty else { throw .invalidInput("roles: at least one role") }
        return roles
    }

    /// A licence number: 1 to 32 characters of letters, digits and hyphens.
    static func licence(_ raw: String?, roles: Set<Role>) throws(IdentityError) -> String? {
        let licence = raw?.trimmingCharacters(in: .whitespaces)
        if let licence, !licence.isEmpty {
            guard licence.count <= 32, licence.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw .invalidInput("licence: up to 32 letters, digits and hyphens")
            }
            return licence
        }
        if roles.contains(where: \.requiresLicence) {
            throw .invalidInput("licence: required for physicians and nurses")
        }
        return nil
    }

    /// `ja` or `en`.
    static func language(_ raw: String?) throws(IdentityError) -> String {
        guard let raw else { return "ja" }
        guard raw == "ja" || raw == "en" else { throw .invalidInput("language: ja or en") }
        return raw
    }
}
