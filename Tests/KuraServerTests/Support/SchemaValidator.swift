import Foundation

/// Validates JSON values against the JSON Schema subset that Kura's OpenAPI document uses for
/// replies: `type` (a name or a list, so `["integer", "null"]` is nullable), `required`,
/// `properties`, `additionalProperties` (false or a schema), `enum`, `const`, `items`,
/// `minItems`/`maxItems`, `minLength`/`maxLength`, `minimum`/`maximum`, `pattern`, `anyOf`, and
/// `$ref` to anywhere in the document. Annotations are ignored; any other keyword is reported,
/// so the document cannot promise something this validator silently skips.
///
/// Problems name the place (a JSON Pointer-like path) and the keyword, never the value: replies
/// carry one-time passwords, tokens and recovery codes that must not reach test output.
struct SchemaValidator {
    /// The whole OpenAPI document, for `$ref`.
    let document: JSONValue

    static let annotations: Set<String> = [
        "description", "examples", "format", "title", "default", "contentMediaType", "deprecated", "readOnly",
        "writeOnly",
    ]

    /// The value at a local reference such as `#/components/schemas/Account`.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONValue? = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            node = node?[key]
        }
        return node
    }

    /// The problems of `value` against `schema`; empty when it conforms.
    func problems(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        guard let keywords = schema.object else { return ["\(path): the schema is not an object"] }
        if let reference = keywords["$ref"]?.string {
            guard let target = resolve(reference) else { return ["\(path): unresolved $ref \(reference)"] }
            return problems(value, against: target, at: path)
        }
        var found: [String] = []
        for (keyword, argument) in keywords.sorted(by: { $0.key < $1.key }) {
            found += check(keyword, argument, value, keywords: keywords, at: path)
        }
        return found
    }

    // One keyword; the dispatch is long but flat, each case a few lines of the JSON Schema spec.
    func check(
        _ keyword: String, _ argument: JSONValue, _ value: JSONValue, keywords: [String: JSONValue], at path: String
    ) -> [String] {
        switch keyword {
        case _ where Self.annotations.contains(keyword):
            return []
        case "type":
            let allowed = Set(argument.array?.compactMap(\.string) ?? [argument.string].compactMap { $0 })
            return value.schemaTypes.isDisjoint(with: allowed) ? ["\(path): type is not \(allowed.sorted())"] : []
        case "enum":
            return argument.array?.contains(value) == true ? [] : ["\(path): not one of the enum"]
        case "const":
            return argument == value ? [] : ["\(path): not the const"]
        case "required":
            guard let members = value.object else { return [] }
            return (argument.array ?? []).compactMap(\.string).filter { members[$0] == nil }
                .map { "\(path): required member \($0) missing" }
        case "properties":
            guard let members = value.object, let properties = argument.object else { return [] }
            return properties.sorted(by: { $0.key < $1.key }).flatMap { name, schema in
                members[name].map { problems($0, against: schema, at: "\(path)/\(name)") } ?? []
            }
        case "additionalProperties":
            guard let members = value.object else { return [] }
            let known = Set(keywords["properties"]?.object?.keys.map { $0 } ?? [])
            let extra = members.keys.filter { !known.contains($0) }.sorted()
            if argument == .bool(false) { return extra.map { "\(path): undocumented member \($0)" } }
            return extra.flatMap { problems(members[$0]!, against: argument, at: "\(path)/\($0)") }
        case "items":
            guard let elements = value.array else { return [] }
            return elements.enumerated().flatMap { problems($1, against: argument, at: "\(path)/\($0)") }
        case "minItems", "maxItems", "minLength", "maxLength":
            return checkCount(keyword, argument, value, at: path)
        case "minimum", "maximum":
            return checkBound(keyword, argument, value, at: path)
        case "pattern":
            guard let text = value.string, let pattern = argument.string else { return [] }
            let regex = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            return regex?.firstMatch(in: text, range: range) != nil ? [] : ["\(path): does not match the pattern"]
        case "anyOf":
            let branches = argument.array ?? []
            return branches.contains { problems(value, against: $0, at: path).isEmpty }
                ? [] : ["\(path): matches no branch of anyOf"]
        default:
            return ["\(path): unsupported keyword \(keyword)"]
        }
    }

    func checkCount(_ keyword: String, _ argument: JSONValue, _ value: JSONValue, at path: String) -> [String] {
        guard case .integer(let limit) = argument else { return ["\(path): \(keyword) is not an integer"] }
        let count: Int
        switch (keyword, value) {
        case ("minItems", .array(let elements)), ("maxItems", .array(let elements)): count = elements.count
        // JSON Schema counts characters as Unicode code points.
        case ("minLength", .string(let text)), ("maxLength", .string(let text)): count = text.unicodeScalars.count
        default: return []
        }
        let fits = keyword.hasPrefix("min") ? count >= limit : count <= limit
        return fits ? [] : ["\(path): violates \(keyword)"]
    }

    func checkBound(_ keyword: String, _ argument: JSONValue, _ value: JSONValue, at path: String) -> [String] {
        func number(_ json: JSONValue) -> Double? {
            switch json {
            case .integer(let integer): Double(integer)
            case .number(let double): double
            default: nil
            }
        }
        guard let limit = number(argument) else { return ["\(path): \(keyword) is not a number"] }
        guard let actual = number(value) else { return [] }
        let fits = keyword == "minimum" ? actual >= limit : actual <= limit
        return fits ? [] : ["\(path): violates \(keyword)"]
    }
}
