import KuraCore

/// The start page (pure model, STYLE 13): the worklist rows, the review items and counts, and
/// the links a first action needs.
struct DashboardModel: PageModel {
    static let template = "dashboard"
    static let titleKey = "titleDashboard"

    /// One entry on a list.
    struct Row: Sendable {
        /// The entry page.
        let link: String
        /// The patient's chart.
        let chartLink: String
        /// The care time (visits) or the time of the last change.
        let time: String
        let patientName: String
        let patientNumber: String
        let kind: String
        let state: String
        /// Who wrote it (shown on the approval list: the clerk or nurse who entered it).
        let author: String
    }

    /// A break-glass or other review item.
    struct ReviewRow: Sendable {
        let raised: String
        let event: String
        let subject: String
    }

    /// `令和8年11月25日（水）`.
    let today: String
    /// Whether the clinical lists are shown (the session's roles write or approve entries).
    let clinical: Bool
    let visits: [Row]
    let approvals: [Row]
    let drafts: [Row]
    /// Whether the session may register patients (the first thing a new clinic does).
    let newPatientLink: String?
    let patientsLink: String?
    let approvalsLink: String?
    let hasVisits: Bool
    let hasApprovals: Bool
    let hasDrafts: Bool
    /// Open review items, break-glass first, for administrators and auditors.
    let reviews: [ReviewRow]
    let showsReviews: Bool
    let reviewsLink: String
    let openAlerts: Int
    let showsAlerts: Bool
    let alertsLink: String
    let pendingDevices: Int
    let showsDevices: Bool
    let devicesLink: String
    /// The device waits for an administrator's approval: no patient data until then (INV-2).
    let deviceWaiting: Bool

    init(
        _ auth: Authenticated, today: CivilDate, worklist: Worklist?, reviews: [QueueItemView]?, openAlerts: Int?,
        pendingDevices: Int?, logins: [String: String], text: PageText
    ) {
        self.today = PageTime.japaneseDate(today, text, weekday: true)
        clinical = worklist != nil
        func rows(_ items: [Worklist.Item], time: (EntryView) -> Int64) -> [Row] {
            items.map { item in
                Row(
                    link: PageRoute.entry(item.entry.id).path, chartLink: PageRoute.chart(item.patient.id).path,
                    time: PageTime.jst(time(item.entry)), patientName: item.patient.name,
                    patientNumber: item.patient.patientNumber,
                    kind: RecordKind(rawValue: item.entry.kind).map {
                        text.language == "en" ? $0.englishName : $0.japaneseName
                    }
                        ?? item.entry.kind,
                    state: text["state" + PageText.capitalised(item.entry.state)],
                    author: logins[item.entry.author] ?? item.entry.author)
            }
        }
        visits = rows(worklist?.visits ?? []) { $0.careAt ?? $0.createdAt }
        approvals = rows(worklist?.approvals ?? []) { $0.createdAt }
        drafts = rows(worklist?.drafts ?? []) { $0.updatedAt }
        hasVisits = !visits.isEmpty
        hasApprovals = !approvals.isEmpty
        hasDrafts = !drafts.isEmpty
        let holds = auth.holds
        newPatientLink = holds(.registerPatient) ? PageRoute.newPatient.path : nil
        patientsLink = holds(.searchPatients) ? PageRoute.patients.path : nil
        approvalsLink = holds(.approveProxyEntry) ? PageRoute.approvals.path : nil
        // Break-glass first (ACC-7: every emergency access is reviewed), then newest first.
        let rank = { (item: QueueItemView) in (item.kind.hasPrefix("break-glass") ? 0 : 1, -item.createdAt) }
        self.reviews = (reviews ?? []).sorted { rank($0) < rank($1) }.map { item in
            ReviewRow(
                raised: PageTime.jst(item.createdAt), event: text.event(item.kind),
                subject: item.subjectAccountID.map { logins[$0] ?? $0 } ?? text["never"])
        }
        showsReviews = reviews != nil
        reviewsLink = PageRoute.reviews.path
        self.openAlerts = openAlerts ?? 0
        showsAlerts = openAlerts != nil
        alertsLink = PageRoute.alerts.path
        self.pendingDevices = pendingDevices ?? 0
        showsDevices = pendingDevices != nil
        devicesLink = PageRoute.devices.path
        deviceWaiting = !auth.deviceCleared && (holds(.readChart) || holds(.readAuditLog))
    }
}
