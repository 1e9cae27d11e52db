/// Request and reply bodies of the identity API (their schemas are in `OpenAPIText`).
struct SetupStatus: Codable {
    let pending: Bool
}

struct SetupRequest: Codable {
    let setupCode: String
    let login: String
    let name: String
    let password: String
    let language: String?
}

struct SignInRequest: Codable {
    let login: String
    let password: String
}

struct SecondFactorRequest: Codable {
    let code: String?
    let recoveryCode: String?
}

struct PasswordBody: Codable {
    let password: String
}

struct ActivateRoleRequest: Codable {
    let role: String
    let password: String
}

struct TokenRequest: Codable {
    let login: String
    let password: String
    let code: String
}

struct TokenReply: Codable {
    let status: String
    let token: String?
    let deviceToken: String
    let expiresAt: Int64?
}

struct PasswordChangeRequest: Codable {
    let currentPassword: String
    let newPassword: String
}

struct EnrolmentConfirmation: Codable {
    let enrolmentToken: String
    let code: String
}

struct RecoveryCodes: Codable {
    let recoveryCodes: [String]?
    let remaining: Int
}

struct BreakGlassRequest: Codable {
    let patientID: String
    let reason: String
    let password: String
}

struct SessionState: Codable {
    let stage: String
    let sessionID: String
    let accountID: String
    let login: String
    let roles: [String]
    let activeRoles: [String]
    let deviceID: String
    let deviceStatus: String
    let csrfToken: String
    let passwordWasReset: Bool?
}

struct RolesRequest: Codable {
    let roles: [String]
}

struct EndDateRequest: Codable {
    let endsAt: Int64?
}

struct OneTimePasswordReply: Codable {
    let oneTimePassword: String
}

struct DeviceApproval: Codable {
    let ownership: String
}

struct SignOff: Codable {
    let outcome: String
}

struct NewAccountReply: Codable {
    let account: AccountView
    let initialPassword: String
}
