/// The limits the evaluators apply, with their reasons (issue 8: "decide and document"). The
/// guideline gives few numbers; each default below says where it comes from. An age "over N
/// days" fails; exactly N days still passes.
public struct ComplianceThresholds: Hashable, Sendable {
    /// ACC-4: an active account without a sign-in for this many days is dormant (catalog D: 90,
    /// the same rule as ``AccountPolicy/standard``, which disables it at 90 days).
    public var dormantDays: Int
    /// AUTH-3, checklist 2⑦: the shortest mixed password the guideline accepts (8).
    public var minimumPasswordLength: Int
    /// AUTH-3, checklist 2⑦: the length from which no mix and no periodic change is needed (13).
    public var lengthWithoutRotation: Int
    /// AUD-1: the window in which read events are counted (30 days).
    public var readWindowDays: Int
    /// AUD-2/AUD-4: the last `kura verify log` may be this old (31 days: a monthly review with a
    /// day's slack; the guideline asks for periodic review without a number).
    public var logVerificationMaxAgeDays: Int
    /// AUD-4, checklist 2⑪: the last signed-off review of the access log may be this old (92
    /// days: a quarterly review, our default; the guideline leaves the frequency to the clinic).
    public var reviewSignOffMaxAgeDays: Int
    /// BAK-1: the newest backup may be this old (2 days: daily backups with one missed run).
    public var backupMaxAgeDays: Int
    /// BAK-2: at least this many generations (2: "several generations").
    public var minimumGenerations: Int
    /// BAK-2: the offline copy may be this old (31 days: a monthly media rotation).
    public var offlineCopyMaxAgeDays: Int
    /// BAK-3, checklist 3②: the last successful restore drill may be this old (365 days).
    public var drillMaxAgeDays: Int
    /// MAL-2, checklist 2⑥: the running build may be this old (180 days: two release cycles).
    public var buildMaxAgeDays: Int

    /// The defaults above.
    public static let standard = ComplianceThresholds(
        dormantDays: 90, minimumPasswordLength: 8, lengthWithoutRotation: 13, readWindowDays: 30,
        logVerificationMaxAgeDays: 31, reviewSignOffMaxAgeDays: 92, backupMaxAgeDays: 2, minimumGenerations: 2,
        offlineCopyMaxAgeDays: 31,
        drillMaxAgeDays: 365, buildMaxAgeDays: 180)

    /// Creates thresholds.
    public init(
        dormantDays: Int, minimumPasswordLength: Int, lengthWithoutRotation: Int, readWindowDays: Int,
        logVerificationMaxAgeDays: Int, reviewSignOffMaxAgeDays: Int, backupMaxAgeDays: Int, minimumGenerations: Int,
        offlineCopyMaxAgeDays: Int,
        drillMaxAgeDays: Int, buildMaxAgeDays: Int
    ) {
        self.dormantDays = dormantDays
        self.minimumPasswordLength = minimumPasswordLength
        self.lengthWithoutRotation = lengthWithoutRotation
        self.readWindowDays = readWindowDays
        self.logVerificationMaxAgeDays = logVerificationMaxAgeDays
        self.reviewSignOffMaxAgeDays = reviewSignOffMaxAgeDays
        self.backupMaxAgeDays = backupMaxAgeDays
        self.minimumGenerations = minimumGenerations
        self.offlineCopyMaxAgeDays = offlineCopyMaxAgeDays
        self.drillMaxAgeDays = drillMaxAgeDays
        self.buildMaxAgeDays = buildMaxAgeDays
    }

    static let day: Int64 = 86_400_000

    /// Whether `time` is more than `days` days before `asOf`.
    static func isOlder(_ time: Int64, than days: Int, asOf: Int64) -> Bool {
        asOf - time > Int64(days) * day
    }

    /// Whole days from `time` to `asOf` (0 when `time` is later).
    static func age(_ time: Int64, asOf: Int64) -> Int {
        Int(max(0, asOf - time) / day)
    }
}
