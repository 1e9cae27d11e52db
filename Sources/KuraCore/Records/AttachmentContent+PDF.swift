extension AttachmentContent {
    /// A PDF (ISO 32000): `%PDF-1.0`…`%PDF-1.7` or `%PDF-2.0` at the very start, and `%%EOF`
    /// within the last 1024 bytes, where readers look for it (trailing line ends are allowed).
    /// Nothing may precede the header, although some readers tolerate it: a file that is
    /// something else first is not accepted as a PDF.
    static func inspectPDF(_ reader: ByteReader) throws(AttachmentContentError) -> AttachmentContent {
        guard reader.count >= 8 else { throw .truncated }
        let major = try reader.byte(at: 5)
        let dot = try reader.byte(at: 6)
        let minor = try reader.byte(at: 7)
        let validVersion =
            dot == UInt8(ascii: ".")
            && ((major == UInt8(ascii: "1") && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(minor))
                || (major == UInt8(ascii: "2") && minor == UInt8(ascii: "0")))
        guard validVersion else { throw .malformed }
        let marker = Array("%%EOF".utf8)
        let searchStart = max(8, reader.count - 1024)
        var offset = reader.count - marker.count
        while offset >= searchStart {
            if reader.matches(marker, at: offset) {
                return AttachmentContent(
                    mediaType: .pdf, pixelWidth: nil, pixelHeight: nil, resolution: nil, byteCount: reader.count)
            }
            offset -= 1
        }
        throw .truncated
    }
}
