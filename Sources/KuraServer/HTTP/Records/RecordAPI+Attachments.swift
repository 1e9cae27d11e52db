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
            // Served as a download of its checked type: never sniffed, never cached, never framed.
            return Response(
                status: .ok,
                headers: [
                    .contentType: view.mediaType, .cacheControl: "no-store",
                    .contentDisposition: "attachment; filename=\"\(view.id)\"",
                    PageResponse.contentTypeOptionsHeader: "nosniff",
                    .contentSecurityPolicy: "default-src 'none'; sandbox",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}

struct AttachmentsReply: Codable {
    var attachments: [AttachmentView]
}
