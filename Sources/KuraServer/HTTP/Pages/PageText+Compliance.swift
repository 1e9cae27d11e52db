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
    ]
}
