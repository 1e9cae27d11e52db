/// The automatic evaluators: each answers one checklist item or requirement from system state
/// (see ``ComplianceEvaluator``). Data files name them by their raw value after `evaluator:`.
public enum EvaluatorID: String, Hashable, Sendable, CaseIterable, Comparable {
    /// MFA-1, checklist 2⑩: a second factor is required and every active account has one.
    case mfa1 = "mfa-1"
    /// AUTH-3/AUTH-4, checklist 2⑦⑧: the password policy in force.
    case auth34 = "auth-3-4"
    /// ACC-2, checklist 2④: who holds administrator rights, and none holds a clinical role.
    case acc2 = "acc-2"
    /// ACC-4, checklist 2⑤: no dormant accounts and no leavers still active.
    case acc4 = "acc-4"
    /// AUD-1/AUD-2: reads are logged and the log verifies (the vendor form's 2⑪).
    case aud12 = "aud-1-2"
    /// AUD-4: a review of the access log was signed off recently.
    case aud4 = "aud-4"
    /// AUD-1/AUD-2/AUD-4, the institution form's 2⑪: logged, verified and reviewed.
    case aud124 = "aud-1-2-4"
    /// BAK-1..3, checklist 3②: recent backups, generations, an offline copy, a restore drill.
    case bak13 = "bak-1-3"
    /// NET-1: TLS 1.2 or later on every non-loopback listener.
    case net1 = "net-1"
    /// MAL-3, checklist 2⑫: the server listens only on its configured ports.
    case mal3 = "mal-3"
    /// MAL-2, checklist 2⑥: the running build is recent, with its dependency list.
    case mal2 = "mal-2"
    /// INV-1/INV-2, checklist 2①: devices seen and approved; approval required by policy.
    case inv12 = "inv-1-2"

    /// Orders by declaration, so reports list evaluators in a stable order.
    public static func < (lhs: EvaluatorID, rhs: EvaluatorID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
