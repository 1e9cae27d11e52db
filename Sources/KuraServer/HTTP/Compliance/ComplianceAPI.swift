import Foundation
import HTTPTypes
import Hummingbird
import KuraCore
import KuraStore
import NIOCore

/// The compliance part of the JSON API (issue 8): the checklists answered from the system's
/// state, the people's answers, the registries and the sealed printable report. Administrators
/// and auditors read; administrators write (GOV-1…4, INV-1, INC-1, PRIV-2).
struct ComplianceAPI: Sendable {
    let http: IdentityHTTP
    let compliance: ComplianceCheck

    func register(on group: RouterGroup<KuraRequestContext>) {
        group.get("compliance/checklists") { request, _ in
            _ = try await http.allowed(request, .readCompliance, change: false)
            let reports = try await compliance.reports()
            return Self.json(.object(["checklists": .array(reports.map(\.summary))]))
        }
        group.get("compliance/checklists/{checklist}") { request, context in
            _ = try await http.allowed(request, .readCompliance, change: false)
            return Self.json(try await compliance.report(try context.parameters.require("checklist")).json)
        }
        group.put("compliance/checklists/{checklist}/items/{item}/answer") { request, context in
            let auth = try await http.allowed(request, .manageCompliance, change: true)
            let body = try await StrictJSON.decode(AnswerBody.self, request, context)
            let report = try await compliance.report(try context.parameters.require("checklist"))
            let item = try context.parameters.require("item")
            guard report.checklist.item(item) != nil else { throw ComplianceError.notFound("checklist item") }
            let recorded = try await compliance.service.answer(
                ChecklistAnswer(
                    checklist: report.checklist.id, item: item, yes: body.answer == .yes,
                    confirmedOn: body.confirmedOn, targetOn: body.targetOn, comment: body.comment,
                    evidence: body.evidence),
                by: auth)
            return JSONReply.make(RecordedAnswerReply(recorded))
        }
        group.post("compliance/reports") { request, context in
            let auth = try await http.allowed(request, .manageCompliance, change: true)
            let body = try await StrictJSON.decode(ReportBody.self, request, context)
            let report = try await compliance.report(body.checklist)
            let html = try await compliance.service.printable(report, language: body.language ?? "ja")
            let seal = try await compliance.service.seal(html, checklist: report, actor: auth.actor)
            var response = Response(
                status: .created,
                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: html)))
            response.headers[ComplianceAPI.reportHashHeader] = seal.sha256
            return response
        }
        group.post("compliance/evidence") { request, context in
            let auth = try await http.allowed(request, .manageCompliance, change: true)
            let limit = ComplianceService.evidenceFileMaxBytes
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: limit + 1)
            } catch {
                throw ComplianceError.invalid("the file is larger than \(limit / 1_048_576) MB")
            }
            guard let name = request.headers[RecordAPI.fileNameHeader]?.removingPercentEncoding else {
                throw ComplianceError.invalid("Kura-File-Name: the percent-encoded file name")
            }
            let file = try await compliance.service.addEvidenceFile(
                Array(buffer.readableBytesView), declaredType: request.headers[.contentType], fileName: name, by: auth)
            return JSONReply.make(file, status: .created)
        }
        group.get("compliance/evidence/{id}") { request, context in
            let auth = try await http.allowed(request, .readCompliance, change: false)
            let (file, bytes) = try await compliance.service.evidenceFile(
                try context.parameters.require("id"), by: auth)
            return Self.download(file, bytes)
        }
        registerRegistries(on: group)
        registerReviews(on: group)
    }

    /// An evidence file's bytes as its checked type, a download that is never sniffed, cached
    /// or framed (as attachments are).
    static func download(_ file: EvidenceFile, _ bytes: [UInt8]) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: file.mediaType, .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"\(file.id)\"",
                PageResponse.contentTypeOptionsHeader: "nosniff",
                PageResponse.contentSecurityPolicyHeader: "default-src 'none'; sandbox",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The header naming the sealed report's SHA-256.
    static let reportHashHeader = HTTPField.Name("X-Kura-Report-SHA256")!

    /// A canonical JSON answer.
    static func json(_ value: CanonicalJSON, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: (try? value.canonicalBytes()) ?? Array("{}".utf8))))
    }

}

/// `PUT …/answer`.
struct AnswerBody: Codable {
    enum Answer: String, Codable {
        case yes
        case no
    }
    var answer: Answer
    var confirmedOn: String
    var targetOn: String?
    var comment: String?
    var evidence: [String]?
}

/// `POST /compliance/reports`.
struct ReportBody: Codable {
    var checklist: String
    var language: String?
}

/// A recorded answer as the API shows it.
struct RecordedAnswerReply: Encodable {
    var checklist: String
    var item: String
    var answer: String
    var confirmedOn: String
    var targetOn: String?
    var comment: String?
    var evidence: [String]?
    var version: Int64
    var recordedAt: Int64
    var author: String

    init(_ recorded: RecordedAnswer) {
        checklist = recorded.answer.checklist
        item = recorded.answer.item
        answer = recorded.answer.yes ? "yes" : "no"
        confirmedOn = recorded.answer.confirmedOn
        targetOn = recorded.answer.targetOn
        comment = recorded.answer.comment
        evidence = recorded.answer.evidence
        version = recorded.version
        recordedAt = recorded.recordedAt
        author = recorded.author
    }
}

extension ChecklistReport {
    /// One checklist in the list: its id, edition, title and counts.
    var summary: CanonicalJSON {
        guard case .object(var fields) = json else { return json }
        fields["items"] = nil
        return .object(fields)
    }
}
