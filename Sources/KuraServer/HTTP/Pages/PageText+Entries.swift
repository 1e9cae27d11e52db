extension PageText {
    /// The words of the entry view, the editor and the approval queue. Keys start with `entry`
    /// (or `titleEntry`) so they cannot collide with another area's table.
    static let entries: [String: (ja: String, en: String)] = [
        "titleNewEntry": ("新しい記録", "New entry"),
        "titleEntry": ("記録", "Entry"),
        "titleEditEntry": ("下書きの編集", "Edit draft"),
        "titleAmendEntry": ("記録の修正", "Amend entry"),
        "entryPatient": ("患者", "Patient"),
        "entryBackToChart": ("カルテに戻る", "Back to the chart"),
        "entryKind": ("記録の種類", "Kind of entry"),
        "entryChooseKind": ("この種類で入力する", "Use this kind"),
        "entryKindHint": (
            "種類を切り替えると、入力中の内容は消えます。先に種類を選んでください。",
            "Switching the kind discards what you typed; choose the kind first."
        ),
        "entryCareAtBack": ("診療日時（後日入力の場合のみ）", "Care time (back entry only)"),
        "entryCareAtBackHint": (
            "停電・システム停止中に紙に記録した内容を後から入力するときは、実際の診療日時を入れてください。記録日時と並べて表示されます。",
            "When you enter later what was written on paper during an outage, give the time the care happened; "
                + "it is shown beside the time of recording."
        ),
        "entryVisitStart": ("訪問開始日時", "Visit started"),
        "entryVisitEnd": ("訪問終了日時", "Visit ended"),
        "entryRequired": ("（必須）", "(required)"),
        "entryProxyPhysician": ("代行入力する医師", "Physician you enter for"),
        "entryNoProxy": ("代行入力しない（自分の記録）", "Not a proxy entry (my own)"),
        "entryChoosePhysician": ("医師を選んでください", "Choose the physician"),
        "entryProxyHint": (
            "代行入力した記録は、選んだ医師が承認するまで確定しません。", "A proxy entry becomes final only when that physician approves it."
        ),
        "entrySaveDraft": ("下書き保存", "Save draft"),
        "entrySaveForApproval": ("承認を依頼して保存", "Save for approval"),
        "entryFinalize": ("確定", "Finalize"),
        "entrySaveAmendment": ("修正を保存", "Save amendment"),
        "entryAmendReason": ("修正の理由（必須）", "Reason for the amendment (required)"),
        "entryAmendHint": (
            "確定済みの記録は上書きされません。修正は理由とともに新しい版として保存され、元の版も残ります。",
            "A finalized entry is never overwritten: the amendment is a new version with its reason, and the "
                + "earlier versions stay."
        ),
        "entryEdit": ("下書きを編集", "Edit draft"),
        "entryAmend": ("修正する", "Amend"),
        "entryMarkError": ("誤記載として取り消す", "Mark entered in error"),
        "entryErrorReason": ("誤記載の理由（必須）", "Reason it was entered in error (required)"),
        "entryApprove": ("承認", "Approve"),
        "entryReject": ("差戻し", "Reject"),
        "entryRejectReason": ("差戻しの理由（必須）", "Reason for rejecting (required)"),
        "entryVersions": ("版の履歴", "Versions"),
        "entryVisitEnded": ("訪問終了", "Visit ended"),
        "entryOpen": ("記録を開く", "Open the entry"),
        "entryCreatedAt": ("作成日時", "Created"),
        "entryNoApprovals": ("承認待ちの記録はありません。", "No entries are waiting for your approval."),
        "entryApprovalsIntro": (
            "事務職員や看護師があなたに代わって入力した記録です。内容を確認して承認するか、理由を付けて差し戻してください。",
            "Clerks and nurses entered these on your behalf. Check each one, then approve it or reject it with a "
                + "reason."
        ),
    ]
}
