extension PageText {
    /// The words of the access log. Keys start with `audit` (or `log` for the action words, by
    /// ``auditAction(_:)``) so they cannot collide with another area's table.
    static let audit: [String: (ja: String, en: String)] = [
        "auditAccount": ("アカウント", "Account"),
        "auditAll": ("（すべて）", "(all)"),
        "auditAction": ("操作", "Action"),
        "auditFrom": ("期間の開始日", "From (date)"),
        "auditUntil": ("期間の終了日", "Until (date)"),
        "auditBreakGlassOnly": ("緊急アクセス（ブレークグラス）のみ", "Break-glass access only"),
        "auditFilter": ("絞り込む", "Filter"),
        "auditHint": (
            "患者データの閲覧はすべて記録されています。患者番号を指定すると、その患者の記録への書き込み（登録・作成・確定・修正など）もあわせて表示します。日付は日本時間です。",
            "Every read of patient data is logged. With a patient number, the writes to that patient's record "
                + "(registration, creation, finalizing, amendments, …) are shown too. Dates are in Japan time."
        ),
        "auditTime": ("日時（日本時間）", "Time (JST)"),
        "auditPatient": ("患者", "Patient"),
        "auditAccess": ("アクセスの理由", "Access reason"),
        "auditKind": ("種別", "Kind"),
        "auditRead": ("閲覧", "Read"),
        "auditWrite": ("書き込み", "Write"),
        "auditAccessCareTeam": ("担当チーム", "Care team"),
        "auditAccessBreakGlass": ("緊急アクセス", "Break-glass"),
        "auditAccessRole": ("権限", "Role"),
        "auditAccessSystem": ("システム", "System"),
        "auditExportCSV": ("CSVで出力（Excel対応）", "Export as CSV (opens in Excel)"),
        "auditNext": ("次のページ（さらに古い記録）", "Next page (older)"),
        "auditNewest": ("最新に戻る", "Back to the newest"),
        "auditUnknownPatient": ("この患者番号の患者はいません。", "No patient has this number."),
        "auditPatientLog": ("この患者のアクセスログ", "Access log of this patient"),
        "auditEventID": ("記録ID", "Record id"),
        "auditActionCode": ("操作コード", "Action code"),
        "logChartRead": ("カルテの閲覧", "Chart read"),
        "logChartViewers": ("カルテ閲覧者の一覧", "Who viewed the chart"),
        "logPatientRead": ("患者情報の閲覧", "Patient details read"),
        "logPatientList": ("担当患者一覧の閲覧", "My patients list"),
        "logPatientDuplicates": ("重複候補の確認", "Possible duplicates checked"),
        "logListsRead": ("アレルギー・病名・服薬の閲覧", "Lists read"),
        "logWorklistRead": ("ホーム画面（本日の訪問・承認待ち・下書き）", "Home page worklist"),
        "logChartPrint": ("カルテの印刷", "Chart printed"),
        "logEntryRead": ("記録の閲覧", "Entry read"),
        "logEntryVersions": ("版の履歴の閲覧", "Entry versions read"),
        "logEntryForm": ("記録の入力画面", "Entry form opened"),
        "logEntryApprovals": ("承認待ち一覧の閲覧", "Approval queue read"),
        "logEntryProof": ("証明の取得", "Proof read"),
        "logPatientSearch": ("患者検索", "Patient search"),
        "logAttachmentList": ("添付一覧の閲覧", "Attachments listed"),
        "logAttachmentRead": ("添付の閲覧", "Attachment read"),
        "logAuditRead": ("アクセスログの閲覧", "Access log read"),
        "logAuditExport": ("アクセスログの出力", "Access log exported"),
        "logEmergencySnapshot": ("緊急時スナップショット", "Emergency snapshot"),
        "logPatientRegistered": ("患者の登録", "Patient registered"),
        "logPatientChanged": ("患者情報の変更", "Patient changed"),
        "logPatientMerged": ("患者記録の統合", "Patient merged"),
        "logPatientUnmerged": ("患者記録の統合の解除", "Patient unmerged"),
        "logListChanged": ("アレルギー・病名・服薬の変更", "List changed"),
        "logEntryCreated": ("記録の作成", "Entry created"),
        "logEntryEdited": ("下書きの編集", "Draft edited"),
        "logEntryFinalized": ("記録の確定", "Entry finalized"),
        "logEntryAmended": ("記録の修正", "Entry amended"),
        "logEntryEnteredInError": ("誤記載の取消", "Entry marked in error"),
        "logEntryApproved": ("代行入力の承認", "Proxy entry approved"),
        "logEntryRejected": ("代行入力の差戻し", "Proxy entry rejected"),
        "logAttachmentAdded": ("添付の追加", "Attachment added"),
    ]

    /// The action words the access-log filter offers: the audited reads, then the writes.
    static let auditActions = [
        "chart.read", "chart.print", "chart.viewers", "patient.read", "patient.list", "patient.duplicates",
        "lists.read", "worklist.read", "entry.read", "entry.versions", "entry.form", "entry.approvals", "entry.proof",
        "patient.search", "attachment.list", "attachment.read", "audit.read", "audit.export", "emergency.snapshot",
        "patient.registered", "patient.changed", "patient.merged", "patient.unmerged", "list.changed",
        "entry.created", "entry.edited", "entry.finalized", "entry.amended", "entry.entered-in-error",
        "entry.approved", "entry.rejected", "attachment.added",
    ]

    /// The name of an access-log action word; an unknown word shows as it is.
    func auditAction(_ word: String) -> String {
        lookup("log" + Self.capitalised(word)) ?? word
    }

    /// Why access was allowed, by its word (`care-team`, `break-glass`, `role`, `system`).
    func auditAccess(_ word: String) -> String {
        lookup("auditAccess" + Self.capitalised(word)) ?? word
    }
}
