import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A browser for the server-rendered pages: it keeps cookies from `Set-Cookie`, posts forms as
/// `application/x-www-form-urlencoded`, and reads fields out of the HTML it gets back.
struct PageBrowser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// Sends a GET.
    mutating func get(_ path: String) async throws -> TestResponse {
        try await send(path, method: .get, body: nil)
    }

    /// Posts `fields` as a form.
    mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        try await send(path, method: .post, body: Self.encode(fields))
    }

    /// Posts `fields` and one file as `multipart/form-data`, as a file input's form does.
    mutating func post(
        _ path: String, _ fields: [(String, String)], file: (field: String, name: String, type: String, bytes: [UInt8])
    ) async throws -> TestResponse {
        let boundary = "kura-test-boundary-7f3a"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: \(file.type)\r\n\r\n").utf8)
        body += file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await send(
            path, method: .post, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    mutating func send(_ path: String, method: HTTPRequest.Method, body: String?) async throws -> TestResponse {
        try await send(
            path, method: method, body: body.map { Array($0.utf8) },
            contentType: body == nil ? nil : "application/x-www-form-urlencoded")
    }

    mutating func send(
        _ path: String, method: HTTPRequest.Method, body: [UInt8]?, contentType: String?
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.userAgent: "PagesTests"]
        if let contentType { headers[.contentType] = contentType }
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        remember(response)
        return response
    }

    /// Keeps the cookies a response sets; an empty value with `Max-Age=0` removes one.
    mutating func remember(_ response: TestResponse) {
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0])
            if pair[1].isEmpty || line.contains("Max-Age=0") {
                cookies[name] = nil
            } else {
                cookies[name] = String(pair[1])
            }
        }
    }

    /// `application/x-www-form-urlencoded` for `fields`.
    static func encode(_ fields: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))
        return fields.map { key, value in
            "\(key.addingPercentEncoding(withAllowedCharacters: allowed)!)="
                + value.addingPercentEncoding(withAllowedCharacters: allowed)!
        }.joined(separator: "&")
    }

    /// The body as text.
    static func html(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    /// The value of the first hidden input named `name`.
    static func hidden(_ name: String, in response: TestResponse) throws -> String {
        try #require(text(after: "name=\"\(name)\" value=\"", until: "\"", in: html(response)))
    }

    /// The text of the element with `id`.
    static func element(_ id: String, in response: TestResponse) throws -> String {
        try #require(text(after: "id=\"\(id)\">", until: "<", in: html(response)))
    }

    /// The first form action that ends with `suffix`.
    static func action(endingWith suffix: String, in response: TestResponse) throws -> String {
        let actions = html(response).components(separatedBy: "action=\"").dropFirst().compactMap {
            $0.split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
        return try #require(actions.first { $0.hasSuffix(suffix) }, "a form posting to …\(suffix)")
    }

    /// The text between `start` and the next `end` in `html`.
    static func text(after start: String, until end: String, in html: String) -> String? {
        guard let from = html.range(of: start), let to = html[from.upperBound...].range(of: end) else { return nil }
        return String(html[from.upperBound..<to.lowerBound])
    }
}
