extension PageText {
    /// The words of the checklist, the registries and the report (issue 8).
    static let compliance: [String: (ja: String, en: String)] = [
        "titleCompliance": ("点検対応", "Inspection checklist"),
        "titleChecklist": ("チェックリスト", "Checklist"),
        "titleRegistry": ("台帳", "Registry"),
        "complianceIntro": (
            "厚生労働省のチェックリストに、Kura の状態から自動で答えます。台帳を整え、人が確認する項目に回答すると、印刷用の報告書に根拠として載ります。",
            "Kura answers MHLW's checklist from its own state. Keep the registries and answer the items only a "
                + "person can; the printed report lists them as evidence."
        ),
        "checklistColumn": ("チェックリスト", "Checklist"),
        "registriesHeading": ("台帳", "Registries"),
        "entriesColumn": ("登録数", "Entries"),
        "itemNumber": ("番号", "No."),
        "itemTitle": ("項目", "Item"),
        "itemStatus": ("状態", "Status"),
        "itemEvidence": ("根拠", "Evidence"),
        "itemAnswer": ("回答", "Answer"),
        "answerYes": ("はい", "Yes"),
        "answerNo": ("いいえ", "No"),
        "confirmedOn": ("確認日", "Confirmed on"),
        "targetOn": ("目標日（いいえの場合）", "Target date (for No)"),
        "answerComment": ("コメント", "Comment"),
        "saveAnswer": ("回答を記録", "Record the answer"),
        "printReport": ("報告書を印刷（台帳に封印）", "Print the report (sealed in the log)"),
        "printReportNote": (
            "報告書の SHA-256 は台帳に記録され、`kura verify report` で写しを照合できます。",
            "The report's SHA-256 is sealed in the log; `kura verify report` checks a copy."
        ),
        "sourceNote": ("出典", "Source"),
        "addEntry": ("追加", "Add"),
        "changeEntry": ("変更を保存", "Save the change"),
        "withdrawEntry": ("台帳から外す", "Withdraw"),
        "entryVersion": ("版", "Version"),
        "deadlines": ("報告期限", "Report deadlines"),
        "preliminaryReport": ("速報", "Preliminary"),
        "finalReport": ("確報", "Final"),
        "devicesSeen": ("サインインで記録された端末", "Devices recorded at sign-in"),
        "devicesSeenNote": (
            "サインインした端末は自動で記録されます。承認・取消は端末一覧で行います。",
            "Every device that signs in is recorded; approve or revoke them on the device list."
        ),
        "registryHint": ("選択肢", "Choices"),
        "editEntry": ("変更", "Change"),
        "errorMalformedUpload": (
            "ファイルを受け取れませんでした。もう一度選んで送ってください。", "The file did not arrive whole; choose it and send it again."
        ),
        "evidenceHeading": ("根拠資料", "Evidence files"),
        "evidenceIntro": (
            "規程の写し、研修の記録、MDS/SDS などを PDF・JPEG・PNG で登録し、回答に添付できます（10 MB まで）。",
            "Keep copies of rules, training records, MDS/SDS and the like as PDF, JPEG or PNG (up to 10 MB) and "
                + "cite them in answers."
        ),
        "evidenceFile": ("ファイル", "File"),
        "evidenceUpload": ("登録", "Keep"),
        "evidenceCite": ("添付する根拠資料", "Evidence to cite"),
        "reviewOverdue": ("見直し期限切れ", "Review overdue"),
        "titleAccessReviews": ("アクセスログの確認", "Access-log reviews"),
        "titlePatientFlags": ("注意患者（職員・家族・VIP）", "Flagged patients (staff, relatives, VIPs)"),
        "review.off-hours": ("診療時間外のアクセス", "Access outside clinic hours"),
        "review.mass-access": ("1日に多数の患者を閲覧", "Many patients opened in a day"),
        "review.staff-patients": ("職員・家族・VIPの閲覧", "Staff, relatives and VIPs opened"),
        "review.break-glass": ("緊急アクセス", "Break-glass access"),
        "reviewTask": ("確認項目", "Review"),
        "reviewFrom": ("開始日", "From"),
        "reviewUntil": ("終了日", "Until"),
        "runReview": ("確認する", "Review"),
        "reviewEvents": ("対象の記録", "Events reviewed"),
        "reviewFindings": ("指摘", "Findings"),
        "reviewTruncated": ("件数上限で打ち切り（期間を短くしてください）", "Cut at the limit (choose a shorter period)"),
        "reviewWho": ("利用者", "Account"),
        "reviewDate": ("日付", "Date"),
        "reviewTimes": ("時刻", "Times"),
        "reviewPatients": ("患者ID（アクセスログへ）", "Patient ids (to the access log)"),
        "reviewActions": ("操作", "Actions"),
        "signOffComment": ("確認結果のコメント", "What was found"),
        "signOff": ("確認を記録", "Sign off"),
        "signOffsHeading": ("確認の記録", "Sign-offs"),
        "signedAt": ("記録日時", "Signed"),
        "reviewer": ("確認者", "Reviewer"),
        "period": ("期間", "Period"),
        "flag.staff": ("職員", "Staff"),
        "flag.relative": ("職員の家族", "Staff member's relative"),
        "flag.vip": ("VIP", "VIP"),
        "flagPatient": ("患者ID", "Patient id"),
        "flagKind": ("区分", "Kind"),
        "flagNote": ("メモ", "Note"),
        "flagSave": ("登録", "Flag"),
        "flagClear": ("解除", "Clear"),
        "flagSince": ("登録日時", "Since"),
        "flagsIntro": (
            "職員本人・職員の家族・著名人の患者を登録すると、その患者のカルテを開いた記録が「職員・家族・VIPの閲覧」の確認に表示されます。",
            "Patients flagged here are listed by the staff, relatives and VIPs review whenever their chart is opened."
        ),
    ]
}
