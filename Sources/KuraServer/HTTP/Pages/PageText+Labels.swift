extension PageText {
    /// Titles, labels, explanations, notices and page-level errors.
    static let labels: [String: (ja: String, en: String)] = [
        "titleSetup": ("初期設定（最初の管理者）", "Setup: the first administrator"),
        "titleLogin": ("ログイン", "Sign in"),
        "titleSecondFactor": ("確認コードの入力", "Second factor"),
        "titleEnrol": ("二要素認証の設定", "Set up two-factor authentication"),
        "titleRecoveryCodes": ("復旧コード", "Recovery codes"),
        "titlePassword": ("パスワードの変更", "Change password"),
        "titleAccount": ("マイアカウント", "My account"),
        "titleAccounts": ("アカウント管理", "Accounts"),
        "titleDevices": ("端末管理", "Devices"),
        "titleAlerts": ("アラート", "Alerts"),
        "titleReviews": ("レビュー", "Reviews"),
        "titleError": ("エラー", "Error"),
        "titleDashboard": ("ホーム", "Home"),
        "titlePatients": ("患者", "Patients"),
        "titleApprovals": ("承認待ち", "Approvals"),
        "titleAudit": ("アクセスログ", "Access log"),
        "titlePolicies": ("セキュリティ設定", "Policies"),
        "navigation": ("メニュー", "Menu"),
        "idleLockedTitle": ("画面をロックしました", "The screen is locked"),
        "idleLockedText": (
            "一定時間操作がなかったため、患者情報を隠しました。続けるにはもう一度ログインしてください。",
            "Patient data was hidden after a period without activity. Sign in again to continue."
        ),
        "idleLockedSignIn": ("ログインし直す", "Sign in again"),
        "setupIntro": (
            "サーバーの初回起動時に表示されたセットアップコードを入力して、最初の管理者アカウントを作成します。コードは一度だけ使えます。",
            "Enter the setup code printed when the server first started to create the first administrator. "
                + "The code works once."
        ),
        "setupCode": ("セットアップコード", "Setup code"),
        "setupLink": ("初期設定（最初の管理者の作成）へ", "Set up the first administrator"),
        "loginName": ("ログインID", "Login name"),
        "loginNameHint": ("半角英小文字・数字・「.」「_」「-」で3〜32文字", "3 to 32 of a–z, 0–9, “.”, “_” and “-”"),
        "fullName": ("氏名", "Full name"),
        "password": ("パスワード", "Password"),
        "currentPassword": ("現在のパスワード", "Current password"),
        "newPassword": ("新しいパスワード", "New password"),
        "confirmPassword": ("新しいパスワード（確認）", "New password again"),
        "passwordRules": (
            "8文字以上で英字・数字・記号をすべて含めるか、13文字以上にしてください。推測されやすい語や並びは使えません。",
            "At least 8 characters mixing letters, digits and symbols, or at least 13 characters of any kind. "
                + "Guessable words and patterns are refused."
        ),
        "language": ("表示言語", "Language"),
        "createAdministrator": ("管理者を作成", "Create administrator"),
        "signIn": ("ログイン", "Sign in"),
        "secondFactorIntro": (
            "認証アプリに表示されている6桁の確認コードを入力してください。", "Enter the 6-digit code your authenticator app shows."
        ),
        "totpCode": ("確認コード（6桁）", "Code (6 digits)"),
        "confirm": ("確認", "Confirm"),
        "useRecoveryCode": ("認証アプリを使えない場合（復旧コード）", "Cannot use your authenticator? Use a recovery code"),
        "recoveryCodeIntro": (
            "復旧コードでのログインは短時間だけ有効で、続けて二要素認証の再設定が必要です。管理者に通知されます。",
            "A recovery-code sign-in is short-lived and must set up the second factor again at once. "
                + "Administrators are notified."
        ),
        "recoveryCode": ("復旧コード", "Recovery code"),
        "signInWithRecoveryCode": ("復旧コードでログイン", "Sign in with the recovery code"),
        "enrolAfterRecovery": (
            "復旧コードでログインしました。新しい二要素認証を設定してください。",
            "You signed in with a recovery code. Set up a new second factor now."
        ),
        "enrolIntro": (
            "スマートフォンの認証アプリ（Google Authenticator、Microsoft Authenticator など）で次のQRコードを読み取ってください。",
            "Scan this QR code with an authenticator app on your phone (Google Authenticator, Microsoft "
                + "Authenticator, …)."
        ),
        "enrolQRCaption": ("認証アプリ用のQRコード", "QR code for your authenticator app"),
        "enrolSecretIntro": (
            "読み取れない場合は、次の秘密鍵をアプリに手入力してください。", "If you cannot scan it, type this secret key into the app."
        ),
        "firstCode": ("アプリに表示された確認コード（6桁）", "The code your app shows (6 digits)"),
        "confirmEnrolment": ("設定を完了", "Finish setup"),
        "recoveryCodesIntro": (
            "二要素認証を設定しました。スマートフォンを紛失したときにログインするための復旧コードです。印刷するか安全な場所に保管してください。各コードは一度だけ使えます。",
            "Two-factor authentication is set up. These recovery codes let you sign in if you lose your phone. "
                + "Print them or keep them somewhere safe; each works once."
        ),
        "recoveryCodesOnce": ("このコードは二度と表示されません。", "These codes will not be shown again."),
        "continue": ("続ける", "Continue"),
        "passwordWasReset": (
            "管理者があなたのパスワードをリセットしました。心当たりがない場合は、医療情報システム安全管理責任者に連絡してください。",
            "An administrator reset your password. If you did not expect this, tell your security officer."
        ),
        "passwordChangeRequired": ("続ける前にパスワードを変更してください。", "Change your password before you continue."),
        "changePassword": ("パスワードを変更", "Change password"),
        "profile": ("利用者情報", "Profile"),
        "roles": ("権限", "Roles"),
        "thisDevice": ("この端末", "This device"),
        "sessions": ("ログイン中のセッション", "Open sessions"),
        "started": ("開始", "Started"),
        "lastSeen": ("最終利用", "Last seen"),
        "firstSeen": ("初回利用", "First seen"),
        "kind": ("種類", "Kind"),
        "device": ("端末", "Device"),
        "actions": ("操作", "Actions"),
        "thisSession": ("このセッション", "This session"),
        "revoke": ("無効化", "Revoke"),
        "myDevices": ("使用した端末", "My devices"),
        "userAgent": ("ブラウザ", "Browser"),
        "ownership": ("所有", "Ownership"),
        "status": ("状態", "Status"),
        "recoveryCodes": ("復旧コード", "Recovery codes"),
        "saveLanguage": ("表示言語を保存", "Save language"),
        "confirmWithPassword": ("確認のためパスワードを入力", "Your password, to confirm"),
        "newRecoveryCodes": ("復旧コードを作り直す（古いコードは無効になります）", "New recovery codes (the old ones stop working)"),
        "replaceSecondFactorHint": (
            "スマートフォンを替えたときは、新しい端末の認証アプリで設定し直してください。今の設定は完了時に置き換わります。",
            "When you change phones, set up the authenticator app on the new one. The current setup is replaced "
                + "when you finish."
        ),
        "replaceSecondFactor": ("二要素認証を設定し直す", "Set up two-factor again"),
        "recoveryCodesRemaining": ("未使用の復旧コード：", "Unused recovery codes:"),
        "recoveryCodesLow": ("復旧コードの残りが少なくなっています。", "Few recovery codes are left."),
        "signOutSection": ("ログアウト", "Sign out"),
        "switchUserHint": (
            "共用の端末では、離れるときにログアウトするか「利用者の切り替え」で次の人に交代してください。",
            "On a shared PC, sign out when you leave, or use “Switch user” to hand over to the next person."
        ),
        "switchUser": ("利用者の切り替え", "Switch user"),
        "signOut": ("ログアウト", "Sign out"),
        "accountAdded": (
            "アカウントを追加しました。初期パスワードを本人に安全な方法で伝えてください。",
            "The account was added. Give the initial password to the person by a safe means."
        ),
        "passwordResetDone": (
            "パスワードをリセットしました。一時パスワードを本人に安全な方法で伝えてください。",
            "The password was reset. Give the one-time password to the person by a safe means."
        ),
        "oneTimePassword": ("一時パスワード", "One-time password"),
        "oneTimePasswordOnce": (
            "このパスワードは今だけ表示されます。本人は最初のログインで変更します。",
            "This password is shown only now; the person changes it at the first sign-in."
        ),
        "jobType": ("職種", "Job type"),
        "secondFactor": ("二要素認証", "Two-factor"),
        "lastSignIn": ("最終ログイン", "Last sign-in"),
        "acc2Exception": ("ACC-2 例外", "ACC-2 exception"),
        "acc2ExceptionHint": (
            "ACC-2 例外：管理者の権限と診療の権限を併せ持つアカウントです。診療の権限はセッションごとに再認証して有効にし、点検時に報告します。",
            "ACC-2 exception: an administrator who also holds a clinical role. The clinical role is activated per "
                + "session with re-authentication and reported at inspections."
        ),
        "lockedUntil": ("ロック中：", "Locked until"),
        "mustChangePassword": ("次回ログイン時にパスワード変更", "Must change the password at the next sign-in"),
        "addAccount": ("アカウントを追加", "Add account"),
        "licence": ("免許番号（医師・看護師は必須）", "Licence number (physicians and nurses)"),
        "licenceHint": ("英数字とハイフンで32文字まで", "Up to 32 letters, digits and hyphens"),
        "owner": ("利用者", "Owner"),
        "approveClinic": ("承認（院内端末）", "Approve as clinic device"),
        "approveBYOD": ("承認（個人端末）", "Approve as personal device"),
        "nothingHere": ("該当するものはありません。", "Nothing here."),
        "raised": ("発生日時", "Raised"),
        "event": ("内容", "Event"),
        "subject": ("対象", "Subject"),
        "reference": ("参照", "Reference"),
        "acknowledge": ("確認済みにする", "Acknowledge"),
        "ownReview": ("ご自身の操作は他の担当者が確認します", "Someone else reviews your own actions"),
        "signOffAccepted": ("妥当と確認", "Accept"),
        "signOffFlagged": ("要対応", "Flag"),
        "backHome": ("トップへ戻る", "Back to the start"),
        "noticeSetupDone": ("管理者を作成しました。ログインしてください。", "The administrator was created. Please sign in."),
        "noticeSignedOut": ("ログアウトしました。", "You signed out."),
        "noticePasswordChanged": ("パスワードを変更しました。", "Your password was changed."),
        "noticeSessionRevoked": ("セッションを無効化しました。", "The session was revoked."),
        "noticeDone": ("完了しました。", "Done."),
        "errorCSRF": (
            "フォームの有効期限が切れたか、このサイト以外から送信されました。ページを読み込み直して、もう一度お試しください。",
            "The form expired or was not sent from this site. Reload the page and try again."
        ),
        "errorPasswordsDiffer": (
            "新しいパスワードと確認用のパスワードが一致しません。", "The new password and its confirmation differ."
        ),
        "errorMissingField": ("未入力の項目があります。", "A required field is empty."),
    ]
}
