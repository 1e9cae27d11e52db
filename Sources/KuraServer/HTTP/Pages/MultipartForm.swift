import Foundation

/// A `multipart/form-data` post (RFC 7578) of the pages: the one form that uploads a file (an
/// evidence file for the checklist). Text fields and at most a few parts; anything malformed is
/// refused as a whole, naming no value.
struct MultipartForm: Sendable, Equatable {
    /// One part: its field name, the file name when it is a file, its declared type and bytes.
    struct Part: Sendable, Equatable {
        let name: String
        let fileName: String?
        let contentType: String?
        let bytes: [UInt8]
    }

    /// The parts in order.
    let parts: [Part]

    /// The most parts a page form has.
    static let maxParts = 16

    /// The text of field `name`, or nil.
    func text(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The file of field `name`, or nil.
    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && $0.fileName != nil }
    }

    /// Parses `body` sent with `contentType` (`multipart/form-data; boundary=…`).
    init(contentType: String?, body: [UInt8]) throws(PageRefusal) {
        guard let contentType, let boundary = Self.boundary(contentType) else { throw .malformedUpload }
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        guard var start = Self.find(delimiter, in: body, from: 0) else { throw .malformedUpload }
        start += delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[start...].starts(with: [0x2D, 0x2D]) { break }
            guard body[start...].starts(with: [0x0D, 0x0A]) else { throw .malformedUpload }
            let partStart = start + 2
            guard let next = Self.find([0x0D, 0x0A] + delimiter, in: body, from: partStart),
                parts.count < Self.maxParts
            else { throw .malformedUpload }
            parts.append(try Self.part(Array(body[partStart..<next])))
            start = next + 2 + delimiter.count
        }
        self.parts = parts
    }

    /// The boundary parameter of a `multipart/form-data` type.
    static func boundary(_ contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            // RFC 2046 §5.1.1: 1 to 70 characters.
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// One part: headers up to an empty line, then the bytes.
    static func part(_ bytes: [UInt8]) throws(PageRefusal) -> Part {
        guard let split = find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes, from: 0) else { throw .malformedUpload }
        let headers = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        var name: String?
        var fileName: String?
        var contentType: String?
        for header in headers {
            let pair = header.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw .malformedUpload }
            switch pair[0].lowercased() {
            case "content-disposition":
                name = parameter("name", in: pair[1])
                fileName = parameter("filename", in: pair[1])
            case "content-type":
                contentType = pair[1]
            default:
                break
            }
        }
        guard let name else { throw .malformedUpload }
        return Part(name: name, fileName: fileName, contentType: contentType, bytes: Array(bytes[(split + 4)...]))
    }

    /// The quoted parameter `key` of a `Content-Disposition` value.
    static func parameter(_ key: String, in value: String) -> String? {
        for piece in value.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard piece.hasPrefix("\(key)=\"") && piece.hasSuffix("\"") && piece.count >= key.count + 3 else {
                continue
            }
            return String(piece.dropFirst(key.count + 2).dropLast())
        }
        return nil
    }

    /// The first index at or after `from` where `needle` starts in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
