import HTTPTypes
import Hummingbird
import KuraCore

extension IdentityError {
    /// The HTTP status of the refusal (DESIGN "Bad input, faults").
    var status: HTTPResponse.Status {
        switch self {
        case .invalidCredentials, .secondFactorRejected, .notSignedIn: .unauthorized
        case .tooManyRequests: .tooManyRequests
        case .setupUnavailable, .stageRequired, .forbidden, .reauthenticationRequired: .forbidden
        case .passwordRefused: .unprocessableContent
        case .invalidInput: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .unavailable: .serviceUnavailable
        }
    }

    /// A stable machine-readable code for clients.
    var code: String {
        switch self {
        case .invalidCredentials: "invalid-credentials"
        case .secondFactorRejected: "second-factor-rejected"
        case .tooManyRequests: "too-many-requests"
        case .setupUnavailable: "setup-unavailable"
        case .passwordRefused(let rule): "password-refused.\(Self.kebabCase("\(rule)"))"
        case .invalidInput: "invalid-input"
        case .notSignedIn: "not-signed-in"
        case .stageRequired(let stage): "stage-required.\(stage.rawValue)"
        case .forbidden: "forbidden"
        case .reauthenticationRequired: "reauthentication-required"
        case .notFound: "not-found"
        case .conflict: "conflict"
        case .unavailable: "unavailable"
        }
    }

    /// The message shown to a person, in `language` (`ja` or `en`).
    func message(language: String) -> String {
        let english = language == "en"
        switch self {
        case .invalidCredentials:
            return english
                ? "Sign-in failed: the login name or password is wrong, or the account is locked."
                : "ログインできません。ログインIDかパスワードが違うか、アカウントがロックされています。"
        case .secondFactorRejected:
            return english ? "The code was not accepted." : "確認コードが正しくありません。"
        case .tooManyRequests(let seconds):
            return english ? "Too many attempts; try again in \(seconds) s." : "試行が多すぎます。\(seconds)秒後にもう一度お試しください。"
        case .setupUnavailable:
            return english
                ? "The setup code is wrong, or setup is already done."
                : "セットアップコードが違うか、セットアップは完了しています。"
        case .passwordRefused(let rule):
            return rule.message(language: language)
        case .notSignedIn:
            return english ? "Please sign in." : "ログインしてください。"
        case .stageRequired(let stage):
            switch stage {
            case .secondFactor: return english ? "Enter your second-factor code." : "確認コードを入力してください。"
            case .passwordChange: return english ? "Change your password first." : "先にパスワードを変更してください。"
            case .enrolment: return english ? "Set up your second factor first." : "先に二要素認証を設定してください。"
            case .ready: return english ? "Not allowed now." : "現在この操作はできません。"
            }
        case .reauthenticationRequired:
            return english ? "Enter your password again for this action." : "この操作にはパスワードの再入力が必要です。"
        case .forbidden(let reason):
            return english ? "Not allowed (\(reason))." : "権限がありません（\(reason)）。"
        case .invalidInput(let field):
            return english ? description : "入力内容を確認してください（\(field)）。"
        case .notFound(let what):
            return english ? description : "見つかりません（\(what)）。"
        case .conflict(let what):
            return english ? description : "他の操作と競合しました（\(what)）。"
        case .unavailable:
            return english ? "The service is unavailable; try again." : "現在サービスを利用できません。しばらくしてからお試しください。"
        }
    }

    /// The JSON error body `{"error": code, "message": text}` with its status.
    func response(language: String) -> Response {
        var retryAfter: Int?
        if case .tooManyRequests(let seconds) = self { retryAfter = seconds }
        return JSONReply.error(
            code, message: message(language: language), status: status, retryAfterSeconds: retryAfter)
    }
}

extension IdentityError {
    /// `tooShort` → `too-short`: codes are kebab-case like every other code of the API.
    static func kebabCase(_ name: String) -> String {
        var output = ""
        for character in name {
            if character.isUppercase {
                output += "-" + character.lowercased()
            } else {
                output.append(character)
            }
        }
        return output
    }
}
