import Hummingbird
import KuraCore

/// `/patients/{id}/chart`: the whole chart as a readable page at a stable URL (REC-3), audited
/// before it is sent (AUD-1).
struct ChartPages: Sendable {
    let pages: WebPages

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.chart(PageRoute.anyID).pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                guard let id = context.parameters.get("id") else { throw RecordError.notFound("patient") }
                let chart = try await pages.records.printableChart(auth, patientID: id)
                let frame = pages.frame(auth)
                let today = try RecordService.today(pages.records.clock())
                return pages.render(frame, ChartPage(chart, text: frame.text, today: today))
            }
        }
    }
}
