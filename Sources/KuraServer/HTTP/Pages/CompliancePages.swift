import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import KuraCore
import KuraStore
import NIOCore

/// `/compliance/…`: the checklists answered from the system's state, the answer forms, the
/// registries and the sealed printable report (issue 8). Administrators and auditors read;
/// administrators answer, keep the registries and print (GOV-1…4, INV-1, INC-1, PRIV-2).
struct CompliancePages: Sendable {
    let pages: WebPages

    var compliance: ComplianceCheck { pages.compliance }

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.compliance.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.readCompliance)
                let frame = pages.frame(auth)
                let (reports, facts) = try await compliance.reportsAndFacts()
                let model = ComplianceOverviewModel(
                    reports: reports, registries: facts.registryEntries, auth: auth, text: frame.text)
                return pages.render(frame, model, notice: pages.notice(request, frame))
            }
        }
        router.get(RouterPath(PageRoute.checklist(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showChecklist(
                    try Self.id(context), auth, notice: pages.notice(request, pages.frame(auth)))
            }
        }
        router.post(RouterPath(PageRoute.checklist(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await AnswerForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                let id = try Self.id(context)
                do {
                    let report = try await compliance.report(id)
                    let item = try form.filled(\.item)
                    guard report.checklist.item(item) != nil else { throw ComplianceError.notFound("checklist item") }
                    _ = try await compliance.service.answer(
                        ChecklistAnswer(
                            checklist: id, item: item, yes: try form.filled(\.answer) == "yes",
                            confirmedOn: try form.filled(\.confirmedOn),
                            targetOn: form.targetOn.flatMap { $0.isEmpty ? nil : $0 }, comment: form.comment,
                            evidence: form.evidence),
                        by: auth)
                } catch {
                    guard let problem = PageProblem(error, text: pages.frame(auth).text) else { throw error }
                    return try await showChecklist(id, auth, problem: problem)
                }
                return PageResponse.redirect(to: PageRoute.checklist(id).path(notice: .done))
            }
        }
        router.post(RouterPath(PageRoute.checklistReport(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await TokenForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                try auth.require(.manageCompliance)
                let report = try await compliance.report(try Self.id(context))
                let html = try await compliance.service.printable(report, language: pages.frame(auth).text.language)
                let seal = try await compliance.service.seal(html, checklist: report, actor: auth.actor)
                return Self.report(html, sha256: seal.sha256)
            }
        }
        router.post(RouterPath(PageRoute.evidenceUpload.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await upload(request, context: context) }
        }
        router.get(RouterPath(PageRoute.evidenceFile(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                let (file, bytes) = try await compliance.service.evidenceFile(try Self.id(context), by: auth)
                return ComplianceAPI.download(file, bytes)
            }
        }
        registerRegistries(on: router)
        registerReviews(on: router)
    }

    /// Keeps the uploaded evidence file and returns to the checklist it was sent from; a
    /// refusal shows that checklist with the reason.
    func upload(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let limit = ComplianceService.evidenceFileMaxBytes + 65_536
        let body: [UInt8]
        do {
            body = Array(try await request.body.collect(upTo: limit).readableBytesView)
        } catch {
            throw ComplianceError.invalid("the file is larger than 10 MB")
        }
        let form = try MultipartForm(contentType: request.headers[.contentType], body: body)
        let auth = try await pages.session(request, posting: TokenForm(csrf: form.text("_csrf")))
        let checklist = form.text("checklist").flatMap { id in compliance.checklists.first { $0.id == id }?.id }
        let back = checklist ?? compliance.checklists[0].id
        do {
            guard let file = form.file("file"), let name = file.fileName, !file.bytes.isEmpty else {
                throw PageRefusal.missingField
            }
            _ = try await compliance.service.addEvidenceFile(
                file.bytes, declaredType: file.contentType, fileName: name, by: auth)
        } catch {
            guard let problem = PageProblem(error, text: pages.frame(auth).text) else { throw error }
            return try await showChecklist(back, auth, problem: problem)
        }
        return PageResponse.redirect(to: PageRoute.checklist(back).path(notice: .done))
    }

    /// The printed report's CSP: no script at all, and only its own style sheet, by hash.
    static let reportPolicy: String = {
        let digest = Data(SHA256.hash(data: Array(ChecklistReport.printStyle.utf8))).base64EncodedString()
        return "default-src 'none'; style-src 'sha256-\(digest)'; base-uri 'none'; frame-ancestors 'none'"
    }()

    /// The printed report as its own page, with the pages' headers but its own CSP.
    static func report(_ html: [UInt8], sha256: String) -> Response {
        var fields = PageResponse.headers
        fields[PageResponse.contentSecurityPolicyHeader] = reportPolicy
        fields[.contentType] = "text/html; charset=utf-8"
        fields[ComplianceAPI.reportHashHeader] = sha256
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: html)))
    }

    /// The checklist page for `auth`, with a refusal's message and status.
    func showChecklist(
        _ id: String, _ auth: Authenticated, notice: String? = nil, problem: PageProblem? = nil
    ) async throws -> Response {
        try auth.require(.readCompliance)
        let frame = pages.frame(auth)
        let model = ChecklistModel(
            try await compliance.report(id), evidence: try await compliance.service.evidenceFiles(),
            canAnswer: auth.holds(.manageCompliance), text: frame.text)
        return show(frame, model, notice: notice, problem: problem)
    }

    /// `model` in its layout with a notice, or with a refusal's message and status.
    func show<Main: PageModel>(
        _ frame: PageFrame, _ model: Main, notice: String?, problem: PageProblem?
    ) -> Response {
        guard let problem else { return pages.render(frame, model, notice: notice) }
        return pages.render(frame, model, problem: problem)
    }

    /// The path's id.
    static func id(_ context: KuraRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), StoreWrite.isOpaqueID(id) else {
            throw ComplianceError.notFound("page")
        }
        return id
    }
}

/// The answer form of one item.
struct AnswerForm: PageForm {
    let csrf: String?
    let item: String?
    let answer: String?
    let confirmedOn: String?
    let targetOn: String?
    let comment: String?
    let evidence: [String]?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case item, answer, confirmedOn, targetOn, comment, evidence
    }
}
