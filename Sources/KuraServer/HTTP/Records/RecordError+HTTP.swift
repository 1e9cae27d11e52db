import HTTPTypes
import Hummingbird
import KuraCore

extension RecordError {
    /// The HTTP status of the refusal (DESIGN "Bad input, faults").
    var status: HTTPResponse.Status {
        switch self {
        case .identity(let error): error.status
        case .invalidInput: .badRequest
        case .refused: .unprocessableContent
        case .unsupportedMedia: .unsupportedMediaType
        case .tooLarge: .contentTooLarge
        case .notYetIntegrated: .accepted
        }
    }

    /// A stable machine-readable code for clients.
    var code: String {
        switch self {
        case .identity(let error): error.code
        case .invalidInput: "invalid-input"
        case .refused(let rule): "refused.\(IdentityError.kebabCase("\(rule)"))"
        case .unsupportedMedia: "unsupported-media"
        case .tooLarge: "content-too-large"
        case .notYetIntegrated: "not-yet-integrated"
        }
    }

    /// The message shown to a person, in `language` (`ja` or `en`); it names fields and rules,
    /// never a value.
    func message(language: String) -> String {
        let english = language == "en"
        switch self {
        case .identity(let error): return error.message(language: language)
        case .invalidInput(let field): return english ? description : "入力内容を確認してください（\(field)）。"
        case .refused(let rule): return english ? rule.description : rule.japanese
        case .unsupportedMedia:
            return english ? description : "PDF・JPEG・PNG のファイルだけを保存できます（\(description)）。"
        case .tooLarge(let limit): return english ? description : "ファイルが大きすぎます（\(limit / 1_048_576) MB まで）。"
        case .notYetIntegrated:
            return english
                ? description : "この版はまだ署名済みチェックポイントに含まれていません。少し待ってから再度お試しください。"
        }
    }

    /// The answer to a refused record request: the JSON error body with the right status.
    func response(language: String) -> Response {
        if case .identity(let error) = self { return error.response(language: language) }
        return JSONReply.error(
            code, message: message(language: language), status: status,
            retryAfterSeconds: self == .notYetIntegrated ? 1 : nil)
    }
}
