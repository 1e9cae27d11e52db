import Foundation
import Hummingbird

/// Strict JSON bodies (DESIGN "Bad input"): a body decodes only if it is an object whose every
/// member, at every depth, is one the type knows; a wrong type or a missing member is refused
/// naming the member's path, never its value.
///
/// Unknown members are found by decoding, encoding the value back, and looking for members of
/// the input that did not survive (explicit `null`s aside): a typo such as `"finalise": true`
/// is refused rather than silently ignored.
enum StrictJSON {
    static func decode<T: Codable>(_ type: T.Type, from bytes: [UInt8]) throws(RecordError) -> T {
        let data = Data(bytes)
        guard let input = try? JSONSerialization.jsonObject(with: data), input is [String: Any] else {
            throw .invalidInput("the body must be a JSON object")
        }
        let value: T
        do {
            value = try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw .invalidInput(describe(error))
        } catch {
            throw .invalidInput("the body does not decode")
        }
        guard let encoded = try? JSONEncoder().encode(value),
            let output = try? JSONSerialization.jsonObject(with: encoded)
        else { throw .invalidInput("the body does not decode") }
        if let path = unknownMember(input, known: output, path: "") {
            throw .invalidInput("\(path): unknown member")
        }
        return value
    }

    /// The path of the first member of `input` missing from `known`, or nil.
    static func unknownMember(_ input: Any, known: Any, path: String) -> String? {
        if let object = input as? [String: Any] {
            let knownObject = known as? [String: Any] ?? [:]
            for key in object.keys.sorted() where !(object[key] is NSNull) {
                let child = path.isEmpty ? safe(key) : "\(path).\(safe(key))"
                guard let knownValue = knownObject[key] else { return child }
                if let found = unknownMember(object[key]!, known: knownValue, path: child) { return found }
            }
        } else if let array = input as? [Any], let knownArray = known as? [Any] {
            for (offset, element) in array.enumerated() where offset < knownArray.count {
                if let found = unknownMember(element, known: knownArray[offset], path: "\(path)[\(offset)]") {
                    return found
                }
            }
        }
        return nil
    }

    /// A member name fit for a message: printable ASCII, at most 40 characters.
    static func safe(_ key: String) -> String {
        let kept = key.unicodeScalars.filter { (0x21...0x7E).contains($0.value) }.prefix(40)
        return kept.isEmpty ? "?" : String(String.UnicodeScalarView(kept))
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? safe($0.stringValue) }
                .joined(separator: ".")
            return joined.isEmpty ? "body" : joined
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "\(parent == "body" ? safe(key.stringValue) : "\(parent).\(safe(key.stringValue))"): required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)): wrong type"
        case .dataCorrupted(let context): return "\(path(context)): malformed"
        @unknown default: return "body: malformed"
        }
    }
}

extension StrictJSON {
    /// A request's body as `type`, strictly, at most the context's upload size: the one body
    /// decoder of the JSON API.
    static func decode<T: Codable>(_ type: T.Type, _ request: Request, _ context: KuraRequestContext) async throws -> T
    {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return try decode(type, from: Array(buffer.readableBytesView))
    }
}
