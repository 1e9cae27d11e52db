import Hummingbird
import Logging

/// Turns every error into a short answer with the right status: unknown routes get 404 with a
/// sentence, not an empty body; unexpected errors get 500 without details (they are logged with
/// an opaque request id, never with PHI). Under `/api/` every refusal is the JSON error body
/// the OpenAPI document promises (`{"error": code, "message": text}`), also for a malformed
/// request body, an oversized one or an unknown path, so API clients parse one shape; elsewhere
/// it is plain text.
struct ErrorBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as IdentityError {
            if case .unavailable = error {
                context.logger.error("identity operation failed", metadata: ["kura.error": "\(error)"])
            }
            return error.response(language: IdentityHTTP.language(request))
        } catch let error as ComplianceError {
            if case .unavailable = error {
                context.logger.error("compliance operation failed", metadata: ["kura.error": "\(error)"])
            }
            return error.identityError.response(language: IdentityHTTP.language(request))
        } catch let error as RecordError {
            if case .identity(.unavailable) = error {
                context.logger.error("record operation failed", metadata: ["kura.error": "\(error)"])
            }
            return error.response(language: IdentityHTTP.language(request))
        } catch let error as any HTTPResponseError {
            // Hummingbird's own refusals: HTTPError, and NIO's too-many-bytes for a body over
            // `maxUploadSize` (413).
            let detail = (error as? HTTPError)?.body
            if Self.isAPI(request) {
                return Self.apiResponse(error.status, detail: detail, language: IdentityHTTP.language(request))
            }
            let message: String
            switch error.status {
            case .notFound: message = "not found: no such resource\n"
            case .methodNotAllowed: message = "method not allowed\n"
            default: message = (detail ?? error.status.reasonPhrase) + "\n"
            }
            return PlainText.response(message, status: error.status)
        } catch {
            context.logger.error("request failed", metadata: ["kura.error.type": "\(type(of: error))"])
            if Self.isAPI(request) {
                return JSONReply.error("internal", message: "internal error", status: .internalServerError)
            }
            return PlainText.response("internal error\n", status: .internalServerError)
        }
    }

    static func isAPI(_ request: Request) -> Bool {
        request.uri.path.hasPrefix("/api/")
    }

    /// A Hummingbird refusal as an API error: a body that does not decode is `invalid-input` (its
    /// message names the key, never a value), an unknown path `not-found`.
    static func apiResponse(_ status: HTTPResponse.Status, detail: String?, language: String) -> Response {
        switch status {
        case .badRequest:
            return IdentityError.invalidInput(detail ?? "request body").response(language: language)
        case .notFound:
            return IdentityError.notFound("no such resource").response(language: language)
        case .contentTooLarge:
            let message =
                language == "en" ? "The request body is larger than 64 KiB." : "リクエストの本文が大きすぎます（64 KiB まで）。"
            return JSONReply.error("content-too-large", message: message, status: status)
        default:
            return JSONReply.error("http-error", message: detail ?? status.reasonPhrase, status: status)
        }
    }
}
