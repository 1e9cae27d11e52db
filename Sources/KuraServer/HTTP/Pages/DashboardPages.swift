import Hummingbird
import KuraCore

/// `/dashboard`: where a ready session lands. A clinician sees today's home visits, the proxy
/// entries waiting for their approval and their unfinished drafts (the worklist is audited as
/// a read of every patient it names, AUD-1); administrators and auditors see the open review
/// items (break-glass first, ACC-7), open alerts and devices waiting for approval.
struct DashboardPages: Sendable {
    let pages: WebPages

    func register(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.dashboard.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                let frame = pages.frame(auth)
                return pages.render(
                    frame, try await model(auth, text: frame.text), notice: pages.notice(request, frame))
            }
        }
    }

    /// The query side: the worklist, the queues and the device list this session may see.
    func model(_ auth: Authenticated, text: PageText) async throws -> DashboardModel {
        let today = try RecordService.today(pages.records.clock())
        var worklist: Worklist?
        if auth.deviceCleared, auth.holds(.writeEntry) || auth.holds(.proxyEntry) || auth.holds(.approveProxyEntry) {
            worklist = try await pages.records.worklist(auth, today: today)
        }
        let logins = try await pages.logins()
        var reviews: [QueueItemView]?
        if (try? auth.require(.signOffReviews)) != nil {
            reviews = try await pages.identity.queue(.review, openOnly: true)
        }
        var alerts: Int?
        if (try? auth.require(.handleAlerts)) != nil {
            alerts = try await pages.identity.queue(.alert, openOnly: true).count
        }
        var pendingDevices: Int?
        if (try? auth.require(.manageDevices)) != nil {
            pendingDevices = try await pages.identity.listDevices().filter {
                $0.status == DeviceStatus.pending.rawValue
            }.count
        }
        return DashboardModel(
            auth, today: today, worklist: worklist, reviews: reviews, openAlerts: alerts,
            pendingDevices: pendingDevices, logins: logins, text: text)
    }
}
