import Testing

@testable import KuraServer

/// The one upload form's body (RFC 7578): fields and a file come back exactly, the file's bytes
/// untouched even where they look like line breaks or a boundary's dashes; anything malformed is
/// refused whole.
@Suite("multipart/form-data posts")
struct MultipartFormTests {
    static func body(_ boundary: String, _ parts: [String], file: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        for part in parts { bytes += Array("--\(boundary)\r\n\(part)\r\n".utf8) }
        bytes += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"規程.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                .utf8)
        return bytes + file + Array("\r\n--\(boundary)--\r\n".utf8)
    }

    @Test("fields and a file come back exactly, with a plain or quoted boundary")
    func parses() throws {
        let file: [UInt8] = Array("%PDF-1.7\r\n--not-the-boundary\r\n\r\n%%EOF".utf8) + [0, 255, 13, 10]
        for (header, boundary) in [
            ("multipart/form-data; boundary=xyz123", "xyz123"),
            ("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"", "a b"),
        ] {
            let form = try MultipartForm(
                contentType: header,
                body: Self.body(
                    boundary, ["Content-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken-1"], file: file))
            #expect(form.text("_csrf") == "token-1")
            let part = try #require(form.file("file"))
            #expect(part.fileName == "規程.pdf" && part.contentType == "application/pdf" && part.bytes == file)
            #expect(form.text("file") == nil && form.file("_csrf") == nil)
        }
    }

    @Test(
        "a malformed post is refused whole",
        arguments: [
            ("application/x-www-form-urlencoded", Array("a=b".utf8)),
            ("multipart/form-data", Array("--x\r\n\r\n--x--".utf8)),
            ("multipart/form-data; boundary=x", Array("no delimiter at all".utf8)),
            (
                "multipart/form-data; boundary=x",
                Array("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated".utf8)
            ),
            ("multipart/form-data; boundary=x", Array("--x\r\nContent-Disposition: form-data\r\n\r\nv\r\n--x--".utf8)),
            ("multipart/form-data; boundary=x", Array("--x\r\nno header line\r\n\r\nv\r\n--x--".utf8)),
        ])
    func refused(contentType: String, body: [UInt8]) {
        #expect(throws: PageRefusal.malformedUpload) { try MultipartForm(contentType: contentType, body: body) }
    }
}
