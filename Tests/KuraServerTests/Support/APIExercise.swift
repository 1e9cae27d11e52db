import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// One client of the API: a browser (cookies and the CSRF token) or an API client (a bearer
/// token and its `Kura-Device` header), remembering what the server hands it as a client would.
struct APICaller {
    var cookies: [String: String] = [:]
    var csrf: String?
    var bearer: String?
    var device: String?

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let deviceHeader = HTTPField.Name("Kura-Device")!

    /// The request headers this caller sends.
    func headers(body: Bool, csrf sendCSRF: Bool) -> HTTPFields {
        var fields: HTTPFields = [:]
        if body { fields[.contentType] = "application/json" }
        if !cookies.isEmpty {
            fields[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        if sendCSRF, let csrf { fields[Self.csrfHeader] = csrf }
        if let bearer { fields[.authorization] = "Bearer \(bearer)" }
        if let device { fields[Self.deviceHeader] = device }
        return fields
    }

    /// Keeps the cookies a reply sets (a cleared one is dropped) and any CSRF token it carries.
    mutating func remember(_ headers: HTTPFields, json: JSONValue?) {
        for line in headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(
                separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            cookies[String(pair[0])] = pair[1].isEmpty ? nil : String(pair[1])
        }
        if let token = json?["csrfToken"]?.string { csrf = token }
    }
}

/// A reply as the tests read it.
struct APIReply {
    let status: Int
    let headers: HTTPFields
    let body: String
    let json: JSONValue?

    /// The string member `key` of the JSON body. Bound first, so that a failure shows only the
    /// missing member, never the rest of a body that may hold tokens or one-time passwords.
    func string(_ key: String) throws -> String {
        let member = json?[key]?.string
        return try #require(member, "the reply has the member \(key)")
    }
}

/// Drives the API over HTTP and checks every reply against the OpenAPI document, recording
/// which documented operations answered with which status.
struct APIExercise {
    let client: any TestClientProtocol
    let conformance: OpenAPIConformance
    /// "METHOD /template status" for every reply seen.
    var answered: Set<String> = []

    /// Sends a request as `caller`, expects `status`, and checks the reply against the document.
    @discardableResult
    mutating func call(
        _ caller: inout APICaller, _ method: HTTPRequest.Method, _ path: String, json: String? = nil,
        file: (bytes: [UInt8], headers: HTTPFields)? = nil, csrf: Bool = true, expect status: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> APIReply {
        var headers = caller.headers(body: json != nil, csrf: csrf)
        for field in file?.headers ?? [:] { headers[field.name] = field.value }
        let response = try await client.execute(
            uri: path, method: method, headers: headers,
            body: json.map { ByteBuffer(string: $0) } ?? file.map { ByteBuffer(bytes: $0.bytes) })
        let body = String(buffer: response.body)
        let reply = APIReply(
            status: Int(response.status.code), headers: response.headers, body: body,
            json: try? JSONValue.parse(body))
        #expect(reply.status == status, "\(method) \(path)", sourceLocation: sourceLocation)
        let problems = conformance.problems(
            method: method.rawValue, path: path, status: reply.status, headers: response.headers, body: body)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
        if let template = conformance.template(for: String(path.prefix { $0 != "?" })) {
            answered.insert("\(method.rawValue) \(template) \(reply.status)")
        }
        caller.remember(response.headers, json: reply.json)
        return reply
    }

    /// The problems of a JSON body against a component schema (for replies to paths the
    /// document does not list, such as an unknown path's 404).
    func problems(_ reply: APIReply, schema name: String) -> [String] {
        guard let json = reply.json else { return ["the body is not JSON"] }
        return conformance.validator.problems(json, against: .object(["$ref": .string("#/components/schemas/\(name)")]))
    }
}
