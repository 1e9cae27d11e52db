import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON answers of the API: `no-store`, since they may carry personal data or secrets shown
/// once (initial passwords, recovery codes).
enum JSONReply {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// `value` as JSON with `status`, setting `cookies`.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, cookies: [Cookie] = []) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var response = Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// The error body `{"error": code, "message": text}` of every API refusal (the `Error` schema
    /// of `OpenAPIText`), with `Retry-After` when the client should wait.
    static func error(
        _ code: String, message: String, status: HTTPResponse.Status, retryAfterSeconds: Int? = nil
    ) -> Response {
        var response = make(ErrorBody(error: code, message: message), status: status)
        if let retryAfterSeconds { response.headers[.retryAfter] = "\(retryAfterSeconds)" }
        // RFC 9110 §15.5.2: a 401 names how to authenticate (RFC 6750 for the API's tokens).
        if status == .unauthorized { response.headers[.wwwAuthenticate] = #"Bearer realm="kura""# }
        return response
    }

    struct ErrorBody: Encodable {
        let error: String
        let message: String
    }

    /// An empty 204, setting `cookies`.
    static func noContent(cookies: [Cookie] = []) -> Response {
        var response = Response(status: .noContent, headers: [.cacheControl: "no-store"])
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
