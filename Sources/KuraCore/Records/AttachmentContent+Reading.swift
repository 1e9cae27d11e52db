extension AttachmentContent {
    /// Bounds-checked big-endian reads; every read past the end throws ``AttachmentContentError/truncated``.
    struct ByteReader {
        let bytes: UnsafeBufferPointer<UInt8>

        var count: Int { bytes.count }

        func byte(at offset: Int) throws(AttachmentContentError) -> UInt8 {
            guard offset >= 0, offset < bytes.count else { throw .truncated }
            return bytes[offset]
        }

        func uint16(at offset: Int) throws(AttachmentContentError) -> Int {
            try Int(byte(at: offset)) << 8 | Int(byte(at: offset + 1))
        }

        func uint32(at offset: Int) throws(AttachmentContentError) -> Int {
            try uint16(at: offset) << 16 | uint16(at: offset + 2)
        }

        /// Whether `pattern` occurs at `offset` (false when it would run past the end).
        func matches(_ pattern: some Collection<UInt8>, at offset: Int) -> Bool {
            guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
            return zip(bytes[offset...], pattern).allSatisfy { $0 == $1 }
        }

        /// The bytes `range`, which must lie inside the file.
        func slice(_ range: Range<Int>) throws(AttachmentContentError) -> UnsafeBufferPointer<UInt8> {
            guard range.lowerBound >= 0, range.upperBound <= bytes.count else { throw .truncated }
            return UnsafeBufferPointer(rebasing: bytes[range])
        }
    }

    /// The media type a client declared, reduced to `type/subtype` in lowercase.
    struct DeclaredType {
        /// The text for error messages: the media type, or `invalid`.
        let text: String
        /// The accepted type it names, if any (with common aliases such as `image/jpg`).
        let mediaType: MediaType?

        /// Nil when nothing was declared, or only `application/octet-stream`.
        init?(_ declared: String?) {
            guard let declared else { return nil }
            var essence = declared.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
            while let first = essence.first, first == " " || first == "\t" { essence.removeFirst() }
            while let last = essence.last, last == " " || last == "\t" { essence.removeLast() }
            let lowered = essence.lowercased()
            if lowered == "application/octet-stream" { return nil }
            // Only RFC 9110 token characters around one slash, so the text is safe to echo.
            let tokenCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~")
            let parts = lowered.split(separator: "/", omittingEmptySubsequences: false)
            let isMediaType =
                lowered.count <= 127 && parts.count == 2
                && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(tokenCharacters.contains) }
            text = isMediaType ? lowered : "invalid"
            mediaType = Self.aliases[lowered]
        }

        static let aliases: [String: MediaType] = [
            "application/pdf": .pdf, "application/x-pdf": .pdf,
            "image/png": .png, "image/x-png": .png,
            "image/jpeg": .jpeg, "image/jpg": .jpeg, "image/pjpeg": .jpeg,
        ]
    }
}
