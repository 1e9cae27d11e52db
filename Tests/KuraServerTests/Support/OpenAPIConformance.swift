import Foundation
import HTTPTypes

/// Kura's OpenAPI document as the tests read it: its operations, the path template a request
/// path falls under, and whether a reply matches what the document says for its operation and
/// status (status documented, headers present and valid, media type, body schema).
struct OpenAPIConformance {
    let document: JSONValue
    let validator: SchemaValidator

    static let methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    init(text: String) throws {
        document = try JSONValue.parse(text)
        validator = SchemaValidator(document: document)
    }

    /// Every documented operation as "METHOD /path/{template}".
    var operations: [String] {
        (document["paths"]?.object ?? [:]).flatMap { path, item in
            Self.methods.filter { item[$0] != nil }.map { "\($0.uppercased()) \(path)" }
        }.sorted()
    }

    /// The documented operation object for `method` on a template.
    func operation(_ method: String, template: String) -> JSONValue? {
        document["paths"]?[template]?[method.lowercased()]
    }

    /// The documented template a concrete `path` falls under: segment by segment, `{name}`
    /// matching any one segment; a final `{name}` may also take the rest of the path (C2SP tile
    /// indexes span segments). With several candidates the one with most literal segments wins.
    func template(for path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let candidates = (document["paths"]?.object ?? [:]).keys.filter { template in
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= segments.count else { return false }
            for (index, part) in parts.enumerated() {
                let isParameter = part.hasPrefix("{") && part.hasSuffix("}")
                if !isParameter && part != segments[index] { return false }
                if isParameter && segments[index].isEmpty { return false }
            }
            return parts.count == segments.count || (parts.last?.hasPrefix("{") ?? false)
        }
        // A template of exactly the path's length wins over one whose last parameter spans the rest.
        let exact = { (template: String) in
            template.split(separator: "/", omittingEmptySubsequences: false).count == segments.count
        }
        return candidates.max { (exact($0) ? 1 : 0, literals($0)) < (exact($1) ? 1 : 0, literals($1)) }
    }

    func literals(_ template: String) -> Int {
        template.split(separator: "/").filter { !$0.hasPrefix("{") }.count
    }

    /// The documented response of `method` `template` for `status`, with `$ref`s followed.
    func response(_ method: String, template: String, status: Int) -> JSONValue? {
        guard let documented = operation(method, template: template)?["responses"]?["\(status)"] else { return nil }
        if let reference = documented["$ref"]?.string { return validator.resolve(reference) }
        return documented
    }

    /// What is wrong with a reply to `method` `path`; empty when it matches the document.
    func problems(method: String, path rawPath: String, status: Int, headers: HTTPFields, body: String) -> [String] {
        let path = String(rawPath.prefix { $0 != "?" })
        guard let template = template(for: path), operation(method, template: template) != nil else {
            return ["\(method) \(path): no documented operation"]
        }
        guard let response = response(method, template: template, status: status) else {
            return ["\(method) \(template): status \(status) is not documented"]
        }
        let place = "\(method) \(template) \(status)"
        return headerProblems(response, headers: headers, place: place)
            + bodyProblems(response, headers: headers, body: body, place: place)
    }

    /// Every header the response documents is sent, and its value fits its schema.
    func headerProblems(_ response: JSONValue, headers: HTTPFields, place: String) -> [String] {
        var found: [String] = []
        for (name, declared) in (response["headers"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            let header = declared["$ref"]?.string.flatMap { validator.resolve($0) } ?? declared
            guard let fieldName = HTTPField.Name(name), let text = headers[fieldName] else {
                found.append("\(place): header \(name) missing")
                continue
            }
            guard let schema = header["schema"] else { continue }
            var value = JSONValue.string(text)
            if schema["type"]?.string == "integer", let integer = Int64(text) { value = .integer(integer) }
            found += validator.problems(value, against: schema, at: "\(place) header \(name)")
        }
        return found
    }

    /// A documented body arrives with its media type and fits its schema; an undocumented one is
    /// empty.
    func bodyProblems(_ response: JSONValue, headers: HTTPFields, body: String, place: String) -> [String] {
        guard let content = response["content"]?.object, !content.isEmpty else {
            return body.isEmpty ? [] : ["\(place): a body where none is documented"]
        }
        let contentType = headers[.contentType] ?? ""
        guard
            let (mediaType, media) = content.first(where: { contentType.hasPrefix($0.key) })
        else { return ["\(place): content type \(contentType) is not documented"] }
        guard let schema = media["schema"] else { return [] }
        guard mediaType == "application/json" else {
            // Plain text and octet streams are strings; their shape is the C2SP formats'.
            return schema["type"]?.string == "string" ? [] : ["\(place): a non-JSON body needs a string schema"]
        }
        guard let value = try? JSONValue.parse(body) else { return ["\(place): the body is not JSON"] }
        return validator.problems(value, against: schema, at: place)
    }
}
