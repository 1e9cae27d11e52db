extension PageText {
    /// The words of the dashboard.
    static let dashboard: [String: (ja: String, en: String)] = [
        "dashboardVisits": ("本日の訪問診療", "Today's home visits"),
        "dashboardNoVisits": ("本日の訪問診療記録はまだありません。", "No home-visit records today yet."),
        "dashboardApprovals": ("承認待ちの代行入力", "Proxy entries awaiting my approval"),
        "dashboardNoApprovals": ("承認待ちの記録はありません。", "Nothing awaits your approval."),
        "dashboardDrafts": ("未確定の下書き", "Drafts not yet finalized"),
        "dashboardNoDrafts": ("未確定の下書きはありません。", "No unfinished drafts."),
        "dashboardReviews": ("未レビューの項目（緊急時アクセスなど）", "Open reviews (break-glass and others)"),
        "dashboardNoReviews": ("未レビューの項目はありません。", "No open reviews."),
        "dashboardOpenAlerts": ("未確認のアラート：", "Open alerts:"),
        "dashboardPendingDevices": ("承認待ちの端末：", "Devices awaiting approval:"),
        "dashboardPatient": ("患者", "Patient"),
        "dashboardUpdated": ("更新日時", "Updated"),
        "dashboardFindPatient": ("患者を探す", "Find a patient"),
        "dashboardNewPatient": ("新規患者登録", "Register a patient"),
        "dashboardDeviceWaiting": (
            "この端末は管理者の承認待ちです。承認されるまで患者情報は表示されません。",
            "This device awaits an administrator's approval; patient data is not shown until then."
        ),
    ]
}
