extension PageText {
    /// The words of the patient list, search, registration, care team, lists and break-glass.
    static let patients: [String: (ja: String, en: String)] = [
        "titleNewPatient": ("患者登録", "Register a patient"),
        "titleEditPatient": ("患者情報の編集", "Edit patient"),
        "titlePatientLists": ("アレルギー・病名・服薬", "Allergies, problems and medications"),
        "titleBreakGlass": ("緊急時アクセス（ブレークグラス）", "Break-glass access"),
        "registerPatientLink": ("新しい患者を登録", "Register a new patient"),
        "myPatients": ("担当患者（ケアチーム）", "My patients (care teams)"),
        "noMyPatients": ("担当している患者はいません。", "You are on no care team."),
        "myPatientsCut": (
            "担当患者が多いため一部だけを表示しています。検索をご利用ください。",
            "Only some of your patients are listed; use the search."
        ),
        "patientSearch": ("患者検索", "Find a patient"),
        "searchBy": ("検索方法", "Search by"),
        "searchByKanaPrefix": ("フリガナ（前方一致）", "Kana (starts with)"),
        "searchByName": ("氏名（部分一致）", "Name (contains)"),
        "searchByPatientNumber": ("患者番号", "Patient number"),
        "searchByBirthDate": ("生年月日", "Date of birth"),
        "searchQuery": ("検索語", "Search for"),
        "searchHint": (
            "生年月日は 1940-02-29 または 1940/2/29 の形で入力します。表示されるのは、あなたが閲覧できる患者だけです。",
            "Write a date of birth as 1940-02-29 or 1940/2/29. Only patients you may open are shown."
        ),
        "searchButton": ("検索", "Search"),
        "searchResults": ("検索結果", "Results"),
        "noPatientsFound": ("閲覧できる該当患者はいません。", "No patient you may open matches."),
        "patientNameLabel": ("氏名（漢字）", "Name"),
        "kanaLabel": ("フリガナ", "Kana reading"),
        "kanaHint": ("カタカナまたはひらがな", "Katakana or hiragana"),
        "patientNumberHint": ("半角英数字とハイフンで20文字まで", "Up to 20 letters, digits and hyphens"),
        "chooseSex": ("選択してください", "Choose"),
        "phoneHint": ("数字・ハイフン・括弧", "Digits, hyphens and brackets"),
        "insuranceSection": ("保険", "Insurance"),
        "insurerNumber": ("保険者番号", "Insurer number"),
        "insurerNumberHint": ("6桁または8桁の数字", "6 or 8 digits"),
        "insuranceSymbol": ("記号", "Card symbol"),
        "insuranceNumber": ("番号", "Card number"),
        "careStartedOn": ("訪問診療の開始日", "Care started on"),
        "careEndedOn": ("訪問診療の終了日", "Care ended on"),
        "careTeam": ("ケアチーム", "Care team"),
        "careTeamHint": (
            "登録するあなたは自動的にケアチームに入ります。ケアチームの職員だけがカルテを閲覧できます。",
            "You join the care team yourself. Only the care team may open the chart."
        ),
        "registerButton": ("登録", "Register"),
        "duplicateWarning": (
            "同じフリガナと生年月日の患者がすでに登録されています。同じ人を二重に登録していないか確認してください。件数：",
            "A patient with the same kana and date of birth is already registered. Check this is not the same "
                + "person registered twice. Count:"
        ),
        "duplicateHidden": (
            "件は、あなたのケアチーム外のため表示できません。",
            "of them are outside your care teams and not shown."
        ),
        "duplicateConfirm": ("別人であることを確認して登録", "They are someone else: register"),
        "saveDemographics": ("保存", "Save"),
        "backToChart": ("カルテに戻る", "Back to the chart"),
        "careTeamMembers": ("現在のメンバー", "Members"),
        "removeMember": ("外す", "Remove"),
        "removeSelfHint": ("（あなた自身：外すとこのカルテを閲覧できなくなります）", "(you: removing yourself ends your access)"),
        "addMember": ("メンバーを追加", "Add a member"),
        "addMemberLabel": ("追加する職員", "Staff member to add"),
        "nobodyToAdd": ("追加できる職員はいません。", "Nobody left to add."),
        "listsHint": (
            "保存するたびに新しい版として記録されます（前の版は残ります）。項目を削除するには、その行の内容を空にして保存します。",
            "Every save is a new version; earlier versions are kept. To remove an item, empty its row and save."
        ),
        "listItemNumber": ("番号", "No."),
        "listItemText": ("内容", "Item"),
        "listItemNote": ("備考（反応・用法など）", "Note (reaction, dose, …)"),
        "listItemSince": ("開始日", "Since"),
        "listSave": ("この一覧を保存", "Save this list"),
        "listUpdated": ("最終更新：", "Last changed:"),
        "breakGlassIntro": (
            "この患者はあなたのケアチームに含まれていないため、カルテを開けません。緊急に診療が必要な場合に限り、理由を記入し、パスワードを再入力して一時的に開くことができます。",
            "This patient is not on your care teams, so the chart is closed. Only when care is urgent, give the "
                + "reason and your password again to open it for a limited time."
        ),
        "breakGlassRules": (
            "開いた記録はすべてアクセスログに残り、管理者に通知され、監査者が確認します。有効時間（分）：",
            "Everything you open is logged, administrators are alerted, and an auditor reviews it. Minutes it lasts:"
        ),
        "breakGlassReason": ("理由（4〜500文字）", "Reason (4 to 500 characters)"),
        "breakGlassPassword": ("あなたのパスワード", "Your password"),
        "breakGlassOpen": ("理由を記録してカルテを開く", "Record the reason and open the chart"),
        "backToPatients": ("患者一覧に戻る", "Back to patients"),
    ]
}
