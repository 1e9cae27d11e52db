/// What an uploaded attachment really is, from its bytes (MAL-4: only PDF and images, checked by
/// content, never by the client's word or the file name).
///
/// ``inspect(_:declared:maxBytes:)`` identifies PDF, PNG and JPEG by signature and checks that
/// the file is whole: a PDF ends with `%%EOF`, a PNG's chunks are intact (lengths and CRCs, IHDR
/// first, IEND last with nothing after it), a JPEG's segments lead to a frame header and the
/// file ends with EOI. Anything else — Office files with macros, executables, archives, HTML,
/// SVG — is refused as an unsupported type. It does not look inside a PDF (for scripts or
/// embedded files) or decode image data.
public struct AttachmentContent: Hashable, Sendable {
    /// The media types Kura accepts as attachments.
    public enum MediaType: String, Hashable, Sendable, CaseIterable {
        /// A PDF document.
        case pdf = "application/pdf"
        /// A PNG image.
        case png = "image/png"
        /// A JPEG image (JFIF or Exif).
        case jpeg = "image/jpeg"
    }

    /// Scan resolution in dots per inch, stored with a scan (SCAN-1).
    public struct Resolution: Hashable, Sendable {
        /// Horizontal dots per inch.
        public let horizontal: Int
        /// Vertical dots per inch.
        public let vertical: Int

        /// Creates a resolution.
        public init(horizontal: Int, vertical: Int) {
            self.horizontal = horizontal
            self.vertical = vertical
        }
    }

    /// The media type found in the bytes.
    public let mediaType: MediaType
    /// The image width in pixels; nil for a PDF.
    public let pixelWidth: Int?
    /// The image height in pixels; nil for a PDF.
    public let pixelHeight: Int?
    /// The resolution the image records (PNG pHYs in metres, JFIF density in inches or
    /// centimetres); nil when it records none or only an aspect ratio, and for a PDF.
    public let resolution: Resolution?
    /// The size of the file in bytes.
    public let byteCount: Int

    /// Creates a description (for tests and for results read back from storage).
    public init(mediaType: MediaType, pixelWidth: Int?, pixelHeight: Int?, resolution: Resolution?, byteCount: Int) {
        self.mediaType = mediaType
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.resolution = resolution
        self.byteCount = byteCount
    }

    /// Identifies and checks an attachment.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - declared: the client's Content-Type, if any; parameters are ignored, and
    ///     `application/octet-stream` counts as no declaration (browsers send it for any file).
    ///   - maxBytes: the largest file accepted.
    /// - Throws: ``AttachmentContentError`` when the file is empty, too large, not a PDF, PNG or
    ///   JPEG, cut short, damaged, or not the type declared.
    public static func inspect(
        _ bytes: some Collection<UInt8>,
        declared: String?,
        maxBytes: Int
    ) throws(AttachmentContentError) -> AttachmentContent {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maxBytes else { throw .tooLarge(limit: maxBytes) }
        // One parser over contiguous bytes; a non-contiguous collection is copied once.
        func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<AttachmentContent, AttachmentContentError> {
            Result { () throws(AttachmentContentError) in try inspect(buffer, declared: declared) }
        }
        let result = bytes.withContiguousStorageIfAvailable(run) ?? Array(bytes).withUnsafeBufferPointer(run)
        return try result.get()
    }

    private static func inspect(
        _ bytes: UnsafeBufferPointer<UInt8>,
        declared: String?
    ) throws(AttachmentContentError) -> AttachmentContent {
        let reader = ByteReader(bytes: bytes)
        let mediaType = try sniff(reader)
        if let declared = DeclaredType(declared), declared.mediaType != mediaType {
            throw .declaredTypeMismatch(declared: declared.text, actual: mediaType.rawValue)
        }
        switch mediaType {
        case .pdf: return try inspectPDF(reader)
        case .png: return try inspectPNG(reader)
        case .jpeg: return try inspectJPEG(reader)
        }
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let jpegSignature: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let pdfSignature: [UInt8] = Array("%PDF-".utf8)

    /// The type whose signature the file starts with; a file shorter than a signature it begins
    /// with is truncated.
    private static func sniff(_ reader: ByteReader) throws(AttachmentContentError) -> MediaType {
        let signatures: [(MediaType, [UInt8])] = [(.pdf, pdfSignature), (.png, pngSignature), (.jpeg, jpegSignature)]
        for (type, signature) in signatures {
            let common = min(signature.count, reader.count)
            guard reader.matches(signature[..<common], at: 0) else { continue }
            guard common == signature.count else { throw .truncated }
            return type
        }
        throw .unsupportedType
    }
}
