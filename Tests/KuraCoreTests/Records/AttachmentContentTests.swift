import KuraCore
import Testing

@Suite("Attachment content checks (MAL-4)")
struct AttachmentContentTests {
    typealias Fixtures = AttachmentFixtures

    func inspect(
        _ bytes: [UInt8], declared: String? = nil, maxBytes: Int = 1 << 20
    ) throws(AttachmentContentError)
        -> AttachmentContent
    {
        try AttachmentContent.inspect(bytes, declared: declared, maxBytes: maxBytes)
    }

    @Test("a minimal PDF, PNG and JPEG are recognised with their sizes")
    func valid() throws {
        let pdf = try inspect(Fixtures.pdf, declared: "application/pdf")
        #expect(
            pdf
                == AttachmentContent(
                    mediaType: .pdf, pixelWidth: nil, pixelHeight: nil, resolution: nil, byteCount: Fixtures.pdf.count))
        let png = try inspect(Fixtures.png(), declared: "image/png")
        #expect(png.mediaType == .png && png.pixelWidth == 1 && png.pixelHeight == 1 && png.resolution == nil)
        #expect(png.byteCount == Fixtures.png().count)
        let large = try inspect(Fixtures.png(width: 2480, height: 3508))
        #expect(large.pixelWidth == 2480 && large.pixelHeight == 3508)
        let jpeg = try inspect(Fixtures.jpeg(), declared: "image/jpeg")
        #expect(jpeg.mediaType == .jpeg && jpeg.pixelWidth == 640 && jpeg.pixelHeight == 480)
        #expect(jpeg.resolution == AttachmentContent.Resolution(horizontal: 72, vertical: 72))
        #expect(AttachmentContent.MediaType.allCases.map(\.rawValue) == ["application/pdf", "image/png", "image/jpeg"])
    }

    @Test("a PDF 2.0 and a PDF with trailing line ends are accepted")
    func pdfVariants() throws {
        let version2 = Array("%PDF-2.0\n%%EOF".utf8)
        #expect(try inspect(version2).mediaType == .pdf)
        let trailing = Fixtures.pdf + Array(repeating: UInt8(ascii: "\n"), count: 900)
        #expect(try inspect(trailing).mediaType == .pdf)
    }

    @Test(
        "SCAN-1: resolution from PNG pHYs (per metre) and JFIF density (per inch or centimetre)",
        arguments: [
            (
                Fixtures.png(pixelsPerMetre: (11811, 11811, 1)),
                AttachmentContent.Resolution(horizontal: 300, vertical: 300)
            ),
            (
                Fixtures.png(pixelsPerMetre: (7874, 3937, 1)),
                AttachmentContent.Resolution(horizontal: 200, vertical: 100)
            ),
            (Fixtures.png(pixelsPerMetre: (1, 2, 0)), nil),  // unit 0: aspect ratio only
            (Fixtures.jpeg(jfif: (1, 300, 300)), AttachmentContent.Resolution(horizontal: 300, vertical: 300)),
            (Fixtures.jpeg(jfif: (2, 118, 236)), AttachmentContent.Resolution(horizontal: 300, vertical: 599)),
            (Fixtures.jpeg(jfif: (0, 1, 1)), nil),
            (Fixtures.jpeg(jfif: nil), nil),
        ])
    func resolution(bytes: [UInt8], expected: AttachmentContent.Resolution?) throws {
        #expect(try inspect(bytes).resolution == expected)
    }

    @Test(
        "declared types that agree: parameters, case, aliases, none, octet-stream",
        arguments: [
            (Fixtures.png(), "IMAGE/PNG; charset=binary"), (Fixtures.png(), " image/png "), (Fixtures.png(), nil),
            (Fixtures.png(), "application/octet-stream"), (Fixtures.jpeg(), "image/jpg"),
            (Fixtures.jpeg(), "image/pjpeg"), (Fixtures.pdf, "application/x-pdf"),
        ])
    func declaredAgrees(bytes: [UInt8], declared: String?) throws {
        _ = try inspect(bytes, declared: declared)
    }

    @Test(
        "a declared type that disagrees is refused, naming only media types",
        arguments: [
            (Fixtures.png(), "image/jpeg", "image/jpeg", "image/png"),
            (Fixtures.pdf, "application/vnd.ms-excel", "application/vnd.ms-excel", "application/pdf"),
            (Fixtures.jpeg(), "text/html; charset=utf-8", "text/html", "image/jpeg"),
            (Fixtures.pdf, "山田太郎の紹介状.pdf", "invalid", "application/pdf"),
            (Fixtures.png(), "image/png/../x", "invalid", "image/png"),
            (Fixtures.png(), "", "invalid", "image/png"),
        ])
    func declaredDisagrees(bytes: [UInt8], declared: String, shown: String, actual: String) {
        let error = #expect(throws: AttachmentContentError.self) { try inspect(bytes, declared: declared) }
        #expect(error == .declaredTypeMismatch(declared: shown, actual: actual))
        #expect(error?.description.contains("山田") == false)
    }

    @Test("empty files and files over the limit are refused before anything else")
    func sizes() throws {
        #expect(throws: AttachmentContentError.empty) { try inspect([]) }
        let png = Fixtures.png()
        #expect(throws: AttachmentContentError.tooLarge(limit: png.count - 1)) {
            try inspect(png, maxBytes: png.count - 1)
        }
        #expect(try inspect(png, maxBytes: png.count).byteCount == png.count)
        #expect(
            AttachmentContentError.tooLarge(limit: 20_000_000).description
                == "the file is larger than the limit of 20000000 bytes")
    }

    @Test(
        "anything but PDF, PNG and JPEG is an unsupported type",
        arguments: [
            [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00],  // ZIP: .docx, .xlsm with macros
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],  // OLE compound file: .doc, .xls
            Array("MZ\u{90}\0".utf8),  // Windows executable
            [0x7F, 0x45, 0x4C, 0x46, 0x02],  // ELF
            Array("GIF89a".utf8), Array("<html><body>".utf8), Array("<svg xmlns=".utf8), Array("%!PS-Adobe".utf8),
            Array(" %PDF-1.4\n%%EOF".utf8),  // something before the header
            Array("plain text".utf8), [0x00], [0xFF, 0xD8, 0x00],
        ] as [[UInt8]])
    func unsupported(bytes: [UInt8]) {
        #expect(throws: AttachmentContentError.unsupportedType) { try inspect(bytes) }
    }

    @Test("every proper prefix of a valid file is truncated", arguments: ["pdf", "png", "jpeg"])
    func everyPrefixIsTruncated(kind: String) {
        let whole = kind == "pdf" ? Fixtures.pdf : kind == "png" ? Fixtures.png() : Fixtures.jpeg()
        // The PDF's last byte is a line end after %%EOF: without it the file is still whole.
        for length in 1..<(kind == "pdf" ? whole.count - 1 : whole.count) {
            #expect(throws: AttachmentContentError.truncated, "\(kind) cut to \(length)") {
                try inspect(Array(whole.prefix(length)))
            }
        }
    }

    @Test("damaged PNGs are malformed: a flipped byte, a zero size, a missing or misplaced chunk, data after IEND")
    func damagedPNG() {
        var flipped = Fixtures.png()
        flipped[flipped.count - 20] ^= 0x01  // inside IDAT: its CRC no longer matches
        let iend = Fixtures.chunk("IEND", [])
        let cases: [[UInt8]] = [
            flipped,
            Fixtures.png(width: 0),
            Fixtures.png(height: 0),
            Fixtures.pngSignature + Fixtures.onePixel + Fixtures.header(width: 1, height: 1) + iend,
            Fixtures.pngSignature + Fixtures.header(width: 1, height: 1) + iend,
            Fixtures.pngSignature + Fixtures.header(width: 1, height: 1) + Fixtures.header(width: 1, height: 1)
                + Fixtures.onePixel + iend,
            Fixtures.png() + [0x00],
            Fixtures.png() + Fixtures.onePixel,
            Fixtures.pngSignature + Fixtures.chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1]) + Fixtures.onePixel + iend,
        ]
        for (number, bytes) in cases.enumerated() {
            #expect(throws: AttachmentContentError.malformed, "case \(number)") { try inspect(bytes) }
        }
    }

    @Test("damaged JPEGs and PDFs are malformed: no frame, zero size, broken markers, unknown PDF version")
    func damagedJPEGAndPDF() {
        var brokenMarker = Fixtures.jpeg()
        brokenMarker[20] = 0x00  // the byte after the APP0 segment must start a marker
        let cases: [[UInt8]] = [
            Fixtures.jpeg(frame: false),
            Fixtures.jpeg(width: 0),
            Fixtures.jpeg(height: 0),
            brokenMarker,
            [0xFF, 0xD8, 0xFF, 0xD8, 0xFF, 0xD9],  // a second SOI
            [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x01, 0xFF, 0xD9],  // a segment length below 2
            Array("%PDF-1.8\n%%EOF".utf8), Array("%PDF-3.0\n%%EOF".utf8), Array("%PDF-1x\n%%EOF".utf8),
        ]
        for (number, bytes) in cases.enumerated() {
            #expect(throws: AttachmentContentError.malformed, "case \(number)") { try inspect(bytes) }
        }
        #expect(throws: AttachmentContentError.truncated) {
            try inspect(Fixtures.pdf + Array(repeating: 0x20, count: 1100))
        }
    }

    @Test("a collection that is not contiguous gives the same answer")
    func nonContiguous() throws {
        let bytes = Fixtures.jpeg()
        let viaCopy = try AttachmentContent.inspect(bytes.lazy.map { $0 }, declared: nil, maxBytes: 1 << 20)
        #expect(viaCopy == (try inspect(bytes)))
    }

    @Test("error descriptions are fixed English text")
    func descriptions() {
        let all: [AttachmentContentError] = [
            .empty, .tooLarge(limit: 10), .unsupportedType, .truncated, .malformed,
            .declaredTypeMismatch(declared: "image/png", actual: "application/pdf"),
        ]
        #expect(Set(all.map(\.description)).count == all.count)
        #expect(
            AttachmentContentError.declaredTypeMismatch(declared: "image/png", actual: "application/pdf").description
                == "the file was sent as image/png but its content is application/pdf")
    }
}
