import HTTPTypes
import Hummingbird
import KuraCore

extension RecordError {
    /// The answer to a refused record request: the JSON error body with the right status.
    func response(language: String) -> Response {
        let english = language == "en"
        switch self {
        case .identity(let error):
            return error.response(language: language)
        case .invalidInput(let field):
            return JSONReply.error(
                "invalid-input", message: english ? description : "入力内容を確認してください（\(field)）。",
                status: .badRequest)
        case .refused(let rule):
            return JSONReply.error(
                "refused.\(IdentityError.kebabCase("\(rule)"))", message: english ? rule.description : rule.japanese,
                status: .unprocessableContent)
        case .unsupportedMedia:
            return JSONReply.error(
                "unsupported-media",
                message: english ? description : "PDF・JPEG・PNG のファイルだけを保存できます（\(description)）。",
                status: .unsupportedMediaType)
        case .tooLarge(let limit):
            return JSONReply.error(
                "content-too-large",
                message: english ? description : "ファイルが大きすぎます（\(limit / 1_048_576) MB まで）。",
                status: .contentTooLarge)
        case .notYetIntegrated:
            return JSONReply.error(
                "not-yet-integrated",
                message: english ? description : "この版はまだ署名済みチェックポイントに含まれていません。少し待ってから再度お試しください。",
                status: .accepted, retryAfterSeconds: 1)
        }
    }
}
