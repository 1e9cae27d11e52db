/// Why an attachment was refused (MAL-4). Descriptions name media types and limits only, never
/// file content or names.
public enum AttachmentContentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file has no bytes.
    case empty
    /// The file is larger than the limit, in bytes.
    case tooLarge(limit: Int)
    /// The content is not a PDF, PNG or JPEG.
    case unsupportedType
    /// The file does not end where its format says it should: an interrupted upload, a cut file,
    /// or bytes appended after a JPEG's end marker.
    case truncated
    /// The structure is wrong: a bad checksum, an impossible size, data after the end.
    case malformed
    /// The client declared one media type and the content is another. `declared` is the media
    /// type as sent (lowercased, parameters removed), or `invalid` if it was not a media type.
    case declaredTypeMismatch(declared: String, actual: String)

    /// A fixed message per case.
    public var description: String {
        switch self {
        case .empty: "the file is empty"
        case .tooLarge(let limit): "the file is larger than the limit of \(limit) bytes"
        case .unsupportedType: "only PDF, PNG and JPEG files can be attached"
        case .truncated: "the file is incomplete: it does not end where its format says it should"
        case .malformed: "the file is damaged or not a valid file of its type"
        case .declaredTypeMismatch(let declared, let actual):
            "the file was sent as \(declared) but its content is \(actual)"
        }
    }
}
