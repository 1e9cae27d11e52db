import Foundation
import HTTPTypes
import Hummingbird
import KuraCore
import KuraStore
import NIOCore

extension RecordAPI {
    /// The headers that carry an upload's details: nothing about a file goes into a URL, where
    /// request logs would keep it. The file name is percent-encoded UTF-8.
    static let fileNameHeader = HTTPField.Name("Kura-File-Name")!
    static let entryHeader = HTTPField.Name("Kura-Entry")!
    static let receivedHeader = HTTPField.Name("Kura-Received-On")!
    static let scannedHeader = HTTPField.Name("Kura-Scanned-On")!
    static let colourHeader = HTTPField.Name("Kura-Scan-Colour")!

    func registerAttachments(on group: RouterGroup<KuraRequestContext>) {
        group.post("patients/:patient/attachments") { request, context in
            let auth = try await http.ready(request)
            let limit = records.attachmentMaxBytes
            // One byte over the limit tells "too large" from "exactly the limit".
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: limit + 1)
            } catch {
                throw RecordError.tooLarge(limitBytes: limit)
            }
            guard let encodedName = request.headers[Self.fileNameHeader],
                let fileName = encodedName.removingPercentEncoding
            else { throw RecordError.invalidInput("Kura-File-Name: the percent-encoded file name") }
            let upload = NewAttachment(
                bytes: Array(buffer.readableBytesView), declaredType: request.headers[.contentType], fileName: fileName,
                entryID: request.headers[Self.entryHeader], receivedOn: request.headers[Self.receivedHeader],
                scannedOn: request.headers[Self.scannedHeader], colour: request.headers[Self.colourHeader])
            let view = try await records.addAttachment(auth, patientID: try Self.id(context, "patient"), upload)
            return JSONReply.make(view, status: .created)
        }
        group.get("patients/:patient/attachments") { request, context in
            let auth = try await http.authenticate(request).0
            return JSONReply.make(
                AttachmentsReply(
                    attachments: try await records.attachments(auth, patientID: try Self.id(context, "patient"))))
        }
        group.get("attachments/:attachment") { request, context in
            let auth = try await http.authenticate(request).0
            let (view, bytes) = try await records.attachmentContent(auth, id: try Self.id(context, "attachment"))
            return Self.attachmentResponse(view, bytes, inline: false)
        }
    }

    /// An attachment's bytes as its checked type: never sniffed, cached or framed, sandboxed,
    /// sent with no referrer and readable only by this site's pages; a download unless
    /// `inline` (the chart shows images inline).
    static func attachmentResponse(_ view: AttachmentView, _ bytes: [UInt8], inline: Bool) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: view.mediaType, .cacheControl: "no-store",
                .contentDisposition: "\(inline ? "inline" : "attachment"); filename=\"\(view.id)\"",
                PageResponse.contentTypeOptionsHeader: "nosniff",
                .contentSecurityPolicy: "default-src 'none'; sandbox",
                PageResponse.referrerPolicyHeader: "no-referrer",
                crossOriginResourcePolicy: "same-origin",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static let crossOriginResourcePolicy = HTTPField.Name("Cross-Origin-Resource-Policy")!
}

struct AttachmentsReply: Codable {
    var attachments: [AttachmentView]
}
