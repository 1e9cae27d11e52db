import HTTPTypes
import Hummingbird
import KuraCore
import KuraStore
import NIOCore

/// `/patients/{id}/chart`, its print view and the attachments it shows inline: each read is
/// audited before it is sent (AUD-1). A chart outside the reader's care teams sends those who
/// may break the glass to the page that asks for a reason (ACC-7).
struct ChartPages: Sendable {
    let pages: WebPages

    var records: RecordService { pages.records }

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.chart(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                let id = try Self.id(context)
                return try await Self.redirectingToBreakGlass {
                    try await showChart(auth, id, cursor: try RecordAPI.cursor(request), request: request)
                }
            }
        }
        router.get(RouterPath(PageRoute.printChart(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                let id = try Self.id(context)
                return try await Self.redirectingToBreakGlass {
                    let chart = try await Self.breakingGlass(auth, id) {
                        try await records.printableChart(auth, patientID: id)
                    }
                    let frame = pages.frame(auth)
                    return pages.render(frame, PrintChartPage(chart, text: frame.text, now: records.clock()))
                }
            }
        }
        router.get(RouterPath(PageRoute.attachment(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                let (view, bytes) = try await records.attachmentContent(auth, id: try Self.id(context))
                return Self.attachmentResponse(view, bytes)
            }
        }
    }

    /// The chart page: the chart, its attachments, the running grant and, where the reader may
    /// see them, its viewers; then the pure model.
    func showChart(
        _ auth: Authenticated, _ id: String, cursor: AuditCursor?, request: Request
    ) async throws -> Response {
        let (chart, attachments) = try await Self.breakingGlass(auth, id) {
            try await records.chartPage(auth, patientID: id, before: cursor)
        }
        let grant =
            chart.access == AccessDecision.AllowReason.breakGlass.rawValue
            ? try await records.runningBreakGlass(auth, patientID: id) : nil
        // Physicians on the care team, where the clinic's policy allows (AUD-1); auditors read
        // the same list in the access log, since they open no chart (ACC-2).
        let viewers =
            records.chartViewersVisibleToPhysicians && auth.activeRoles.contains(.physician)
                && chart.access == AccessDecision.AllowReason.careTeam.rawValue
            ? try await records.chartViewers(auth, patientID: id) : nil
        let frame = pages.frame(auth)
        let reads = ChartPage.Reads(
            chart: chart, attachments: attachments, grant: grant, viewers: viewers, logins: try await pages.logins(),
            cursor: cursor)
        return pages.render(
            frame, ChartPage(reads, abilities: ChartPage.Abilities(auth), text: frame.text, now: records.clock()),
            notice: pages.notice(request, frame))
    }

    /// Runs a chart read; a refusal for a patient outside the care teams becomes a redirect to
    /// the break-glass page for those who may open it (ACC-7), and stays a 403 for the rest.
    static func breakingGlass<T>(
        _ auth: Authenticated, _ id: String, _ read: () async throws -> T
    ) async throws -> T {
        do {
            return try await read()
        } catch RecordError.identity(.forbidden(AccessDecision.DenyReason.notInCareTeam.rawValue))
            where (try? auth.require(.breakGlass)) != nil
        {
            throw BreakGlassNeeded(patientID: id)
        }
    }

    /// Runs `body`, answering ``BreakGlassNeeded`` with the redirect to the break-glass page.
    static func redirectingToBreakGlass(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let needed as BreakGlassNeeded {
            return PageResponse.redirect(to: PageRoute.breakGlass(needed.patientID).path)
        }
    }

    /// The id in the path.
    static func id(_ context: KuraRequestContext) throws -> String {
        guard let id = context.parameters.get("id") else { throw RecordError.notFound("patient") }
        return id
    }

    /// An attachment for the chart: images inline (`<img>`); a PDF is downloaded rather than
    /// run in the browser's viewer under this origin.
    static func attachmentResponse(_ view: AttachmentView, _ bytes: [UInt8]) -> Response {
        RecordAPI.attachmentResponse(view, bytes, inline: view.mediaType.hasPrefix("image/"))
    }
}

/// A chart read refused because the patient is outside the reader's care teams, by someone who
/// may break the glass: answered with a redirect to ``PageRoute/breakGlass(_:)``.
struct BreakGlassNeeded: Error, Sendable {
    let patientID: String
}
