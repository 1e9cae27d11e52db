import Foundation
import HTTPTypes
import Hummingbird
import KuraCore
import NIOCore

/// `/audit` and `/audit.csv`: the access log for auditors (AUD-1, AUD-2, AUD-4, ACC-7). Only
/// `readAuditLog` reads the page and only `exportAuditLog` the CSV; both reads are themselves
/// audited by the service. The filter form is posted and answered with a redirect to the
/// filtered page, whose URL names the patient by opaque id, never by number; so
/// `/audit?patient=ID` links a patient's log from anywhere (``patientLogPath(id:)``).
struct AuditPages: Sendable {
    let pages: WebPages

    var records: RecordService { pages.records }

    /// The access log of one patient.
    static func patientLogPath(id: String) -> String {
        AuditFilterInput.link(PageRoute.audit.path, AuditFilterInput.encode([("patient", id)]))
    }

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.audit.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.readAuditLog)
                return try await showLog(auth, AuditFilterInput { request.uri.queryParameters.get($0) })
            }
        }
        router.post(RouterPath(PageRoute.audit.pattern)) { request, context in
            await pages.guarded(request, context: context) { try await filter(request, context: context) }
        }
        router.get(RouterPath(PageRoute.auditCSV.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.exportAuditLog)
                let input = AuditFilterInput { request.uri.queryParameters.get($0) }
                let log = try await records.accessLogExport(auth, try input.filter())
                let text = pages.frame(auth).text
                return Self.csv(AccessLogCSV.render(log.rows.map { AuditRow($0, log: log, text: text) }, text: text))
            }
        }
    }

    /// The posted filter: the patient number becomes the patient's id, and the browser goes to
    /// the filtered page. An unknown number shows the form again with that message.
    func filter(_ request: Request, context: KuraRequestContext) async throws -> Response {
        let form = try await AuditFilterForm.decode(request, context: context)
        let auth = try await pages.session(request, posting: form)
        try auth.require(.readAuditLog)
        var input = AuditFilterInput {
            switch $0 {
            case "account": form.account
            case "action": form.action
            case "from": form.from
            case "until": form.until
            case "breakGlass": form.breakGlass
            default: nil
            }
        }
        let number = (form.patientNumber ?? "").trimmingCharacters(in: .whitespaces)
        if !number.isEmpty {
            guard number.count <= 100, let id = try await records.accessLogPatientID(auth, number: number) else {
                input.patientNumber = number
                return try await showUnknownPatient(auth, input)
            }
            input.patient = id
        }
        return PageResponse.redirect(to: AuditFilterInput.link(PageRoute.audit.path, input.query))
    }

    /// The form with what was typed and the unknown-patient message, and no rows.
    func showUnknownPatient(_ auth: Authenticated, _ input: AuditFilterInput) async throws -> Response {
        let frame = pages.frame(auth)
        let accounts = try await accountChoices()
        let empty = AccessLog(rows: [], patients: [:], logins: [:], next: nil, unknownPatient: true)
        return pages.render(
            frame, AuditModel(input, log: empty, accounts: accounts, canExport: false, text: frame.text))
    }

    /// The page for `input`; a refused filter shows the form again with the reason and no rows.
    func showLog(_ auth: Authenticated, _ input: AuditFilterInput) async throws -> Response {
        let frame = pages.frame(auth)
        let accounts = try await accountChoices()
        let canExport = (try? auth.require(.exportAuditLog)) != nil
        do {
            let log = try await records.accessLog(auth, try input.filter())
            return pages.render(
                frame, AuditModel(input, log: log, accounts: accounts, canExport: canExport, text: frame.text))
        } catch {
            return try pages.refused(
                error, frame, AuditModel(input, log: nil, accounts: accounts, canExport: false, text: frame.text))
        }
    }

    /// The accounts the filter offers, by login name.
    func accountChoices() async throws -> [(id: String, login: String)] {
        try await pages.logins().map { (id: $0.key, login: $0.value) }.sorted { $0.login < $1.login }
    }

    /// The CSV answer, with the pages' protective headers and a file name for the download.
    static func csv(_ bytes: [UInt8]) -> Response {
        var fields = PageResponse.headers
        fields[.contentType] = "text/csv; charset=utf-8"
        fields[.contentDisposition] = "attachment; filename=\"kura-access-log.csv\""
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
