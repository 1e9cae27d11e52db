import Foundation
import Hummingbird

/// A form post of the pages, decoded from `application/x-www-form-urlencoded` with
/// Hummingbird's decoder. Every field is optional, so a post without its `_csrf` field still
/// decodes and is refused for that reason, before anything else is looked at.
protocol PageForm: Decodable, Sendable {
    /// The `_csrf` field.
    var csrf: String? { get }
}

extension PageForm {
    /// The form in `request`'s body; a body that is not a form is ``IdentityError/invalidInput(_:)``.
    static func decode(_ request: Request, context: KuraRequestContext) async throws(IdentityError) -> Self {
        let text: String
        do {
            text = String(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        } catch {
            throw .invalidInput("form: too large or unreadable")
        }
        do {
            return try URLEncodedFormDecoder().decode(Self.self, from: text)
        } catch {
            throw .invalidInput("form: not a form post")
        }
    }

    /// A field the action needs, present and not blank.
    func filled(_ field: KeyPath<Self, String?>) throws(PageRefusal) -> String {
        guard let value = self[keyPath: field], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missingField
        }
        return value
    }
}

/// A form with nothing but its token (sign-out, revoke, acknowledge, …).
struct TokenForm: PageForm {
    let csrf: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
    }
}

/// `/setup`.
struct SetupForm: PageForm {
    let csrf: String?
    let setupCode: String?
    let login: String?
    let name: String?
    let password: String?
    let confirmation: String?
    let language: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case setupCode, login, name, password, confirmation, language
    }
}

/// `/login`.
struct LoginForm: PageForm {
    let csrf: String?
    let login: String?
    let password: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case login, password
    }
}

/// `/login/second-factor`: a TOTP code or a recovery code.
struct SecondFactorForm: PageForm {
    let csrf: String?
    let code: String?
    let recoveryCode: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case code, recoveryCode
    }
}

/// `/enrol`.
struct EnrolForm: PageForm {
    let csrf: String?
    let enrolmentToken: String?
    let code: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case enrolmentToken, code
    }
}

/// `/password`.
struct PasswordForm: PageForm {
    let csrf: String?
    let currentPassword: String?
    let newPassword: String?
    let confirmation: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case currentPassword, newPassword, confirmation
    }
}

/// The add-account form of `/admin/accounts`.
struct AddAccountForm: PageForm {
    let csrf: String?
    let login: String?
    let name: String?
    let jobType: String?
    let licence: String?
    let roles: [String]?
    let language: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case login, name, jobType, licence, roles, language
    }
}

/// A sensitive action on my account, confirmed with the password (re-authentication).
struct ConfirmForm: PageForm {
    let csrf: String?
    let password: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case password
    }
}

/// My display language.
struct LanguageForm: PageForm {
    let csrf: String?
    let language: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case language
    }
}

/// The access-log filter form (posted, so the patient number stays out of the URL).
struct AuditFilterForm: PageForm {
    let csrf: String?
    let account: String?
    let patientNumber: String?
    let action: String?
    let from: String?
    let until: String?
    let breakGlass: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case account, patientNumber, action, from, until, breakGlass
    }
}

/// The roles form of one account: the boxes ticked.
struct RolesForm: PageForm {
    let csrf: String?
    let roles: [String]?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case roles
    }
}

/// Device approval: the button pressed names the ownership.
struct ApprovalForm: PageForm {
    let csrf: String?
    let ownership: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case ownership
    }
}

/// Review sign-off: the button pressed names the outcome.
struct SignOffForm: PageForm {
    let csrf: String?
    let outcome: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case outcome
    }
}
