extension PageText {
    /// The words of the policies page, the dormant-account report and the roles form.
    static let administration: [String: (ja: String, en: String)] = [
        "titleDormantAccounts": ("長期未使用アカウント", "Dormant accounts"),
        "titleAccountRoles": ("権限の変更", "Change roles"),
        "changeRoles": ("権限を変更", "Change roles"),
        "saveRoles": ("権限を保存", "Save roles"),
        "policiesIntro": (
            "現在有効なセキュリティ設定です。変更は設定ファイル（kura.json）または環境変数で行い、サーバーの再起動後に有効になります。",
            "The security settings in force. Change them in the configuration file (kura.json) or the environment; "
                + "a change takes effect when the server restarts."
        ),
        "policy": ("設定", "Setting"),
        "policyValue": ("現在の値", "In force"),
        "policyRequirement": ("ガイドライン", "Guideline"),
        "policyKey": ("設定キー", "Configuration key"),
        "policyFixed": ("固定", "Fixed"),
        "policyOn": ("必須", "Required"),
        "policyOff": ("任意", "Not required"),
        "policySecondFactor": ("二要素認証", "Two-factor authentication"),
        "policyDeviceApproval": ("新しい端末の承認", "Approval of new devices"),
        "policyIdleLock": ("無操作時の画面ロック", "Idle lock"),
        "policySessionLifetime": ("セッションの最長時間", "Longest session"),
        "policyLockout": ("ログイン失敗によるロック（回数 / 時間）", "Lockout after failed sign-ins (failures / time)"),
        "policyPasswordExpiry": ("パスワードの有効期限", "Password expiry"),
        "policyPasswordExpiryValue": (
            "定期変更なし（二要素認証なし・13文字未満の場合のみ）", "No periodic change (only without a second factor and under 13 characters): "
        ),
        "policyDormancy": ("長期未使用で無効化", "Disable after no sign-in for"),
        "policyBreakGlass": ("緊急時アクセスの有効時間", "Break-glass grant lasts"),
        "policyLoginRate": ("ログイン試行の上限（同一アドレス）", "Sign-in attempts per address"),
        "unitMinutes": ("分", " min"),
        "unitHours": ("時間", " h"),
        "unitDays": ("日", " days"),
        "unitFailures": ("回", " failures"),
        "unitPerMinute": ("回／分", " per minute"),
        "idleDays": ("未使用日数", "Days without sign-in"),
        "dormantExplanation": (
            "{days}日間ログインのないアカウントは自動的に無効化されます。ここには無効化済みのアカウントと、{third}日以上ログインのないアカウントを表示します。",
            "Accounts without a sign-in for {days} days are disabled automatically. Listed: disabled accounts, and "
                + "active ones without a sign-in for {third} days or more."
        ),
    ]
}
