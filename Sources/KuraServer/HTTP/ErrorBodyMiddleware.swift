import Hummingbird
import Logging

/// Turns every error into a short plain-text answer with the right status: unknown routes get
/// 404 with a sentence, not an empty body; unexpected errors get 500 without details (they
/// are logged with an opaque request id, never with PHI).
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
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = "not found: no such resource\n"
            case .methodNotAllowed: message = "method not allowed\n"
            default: message = (error.body ?? error.status.reasonPhrase) + "\n"
            }
            return PlainText.response(message, status: error.status)
        } catch {
            context.logger.error("request failed", metadata: ["kura.error.type": "\(type(of: error))"])
            return PlainText.response("internal error\n", status: .internalServerError)
        }
    }
}
