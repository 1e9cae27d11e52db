import HTTPTypes
import Hummingbird
import KuraCore
import NIOCore

/// `/audit` and `/audit.csv`: the access log for auditors (AUD-1, AUD-2, AUD-4, ACC-7). Only
/// `readAuditLog` reads the page and only `exportAuditLog` the CSV; both reads are themselves
/// audited by the service. The filter is a GET form, so `/audit?patient=NUMBER` links a
/// patient's log from anywhere (``patientLogPath(number:)``).
struct AuditPages: Sendable {
    let pages: WebPages

    var records: RecordService { pages.records }

    /// The access log of one patient, by patient number.
    static func patientLogPath(number: String) -> String {
        AuditFilterInput.link(PageRoute.audit.path, AuditFilterInput.encode([("patient", number)]))
    }

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.audit.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                try auth.require(.readAuditLog)
                return try await showLog(auth, AuditFilterInput { request.uri.queryParameters.get($0) })
            }
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

    /// The page for `input`; a refused filter shows the form again with the reason and no rows.
    func showLog(_ auth: Authenticated, _ input: AuditFilterInput) async throws -> Response {
        let frame = pages.frame(auth)
        let accounts = try await pages.identity.listAccounts().map { (id: $0.id, login: $0.login) }
            .sorted { $0.login < $1.login }
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

    /// The CSV answer, with the pages' protective headers and a file name for the download.
    static func csv(_ bytes: [UInt8]) -> Response {
        var fields = PageResponse.headers
        fields[.contentType] = "text/csv; charset=utf-8"
        fields[.contentDisposition] = "attachment; filename=\"kura-access-log.csv\""
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
