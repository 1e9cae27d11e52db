import KuraCore
import Testing

/// Every evaluator passes on a good state and fails, with a reason, when one fact crosses its
/// threshold; edges are tested on both sides (issue 8, "Tests that must exist").
@Suite("Compliance evaluators")
struct ComplianceEvaluatorTests {
    typealias Change = @Sendable (inout ComplianceFacts) -> Void
    static let day = ComplianceFixtures.day
    static let asOf = ComplianceFixtures.asOf

    @Test("every evaluator passes on the good clinic", arguments: EvaluatorID.allCases)
    func passes(_ evaluator: EvaluatorID) {
        let result = ComplianceEvaluator.evaluate(evaluator, facts: ComplianceFixtures.passing)
        #expect(result.passed, "\(ComplianceFixtures.reasons(result))")
        #expect(result.evaluator == evaluator && !result.evidence.isEmpty)
    }

    /// One change each; the evaluator must pass (`passes`) or fail with a reason containing `reason`.
    static let cases: [(name: String, evaluator: EvaluatorID, change: Change, passes: Bool, reason: String)] = [
        // MFA-1, checklist 2⑩.
        ("2FA not required", .mfa1, { $0.secondFactorRequired = false }, false, "does not require"),
        ("one active account without 2FA", .mfa1, { $0.accounts[2].hasSecondFactor = false }, false, "acct-nurse"),
        ("a disabled account without 2FA does not count", .mfa1, { $0.accounts[3].hasSecondFactor = false }, true, ""),
        ("no active account", .mfa1, { $0.accounts = [] }, false, "no active accounts"),
        // AUTH-3/AUTH-4, checklist 2⑦⑧.
        ("minimum length 7", .auth34, { $0.passwords.minimumLength = 7 }, false, "below 8"),
        ("unmixed allowed from 12", .auth34, { $0.passwords.minimumLengthWithoutMix = 12 }, false, "need not mix"),
        ("no word list", .auth34, { $0.passwords.guessableWordCount = 0 }, false, "common-password"),
        ("initial password kept", .auth34, { $0.passwords.initialPasswordMustChange = false }, false, "initial"),
        (
            "no 2FA, 12 characters, no rotation", .auth34,
            {
                $0.secondFactorRequired = false
                $0.passwords.minimumLength = 12
                $0.passwords.rotationDays = nil
            }, false, "no periodic change"
        ),
        (
            "no 2FA, 13 characters, no rotation", .auth34,
            {
                $0.secondFactorRequired = false
                $0.passwords.minimumLength = 13
                $0.passwords.rotationDays = nil
            }, true, ""
        ),
        ("no 2FA but rotation enforced", .auth34, { $0.secondFactorRequired = false }, true, ""),
        ("2FA required, no rotation", .auth34, { $0.passwords.rotationDays = nil }, true, ""),
        // ACC-2, checklist 2④.
        (
            "an administrator who is also a physician", .acc2, { $0.accounts[0].roles = [.admin, .physician] }, false,
            "acct-admin"
        ),
        ("an administrator who is also an auditor", .acc2, { $0.accounts[0].roles = [.admin, .auditor] }, true, ""),
        ("no administrator", .acc2, { $0.accounts[0].roles = [.auditor] }, false, "no active account"),
        ("only a disabled administrator", .acc2, { $0.accounts[0].active = false }, false, "no active account"),
        // ACC-4, checklist 2⑤: exactly 90 days is dormant, as AccountPolicy disables it.
        ("last sign-in 90 days ago less 1 ms", .acc4, { $0.accounts[1].lastSignInAt = asOf - 90 * day + 1 }, true, ""),
        (
            "last sign-in exactly 90 days ago", .acc4, { $0.accounts[1].lastSignInAt = asOf - 90 * day }, false,
            "acct-doctor"
        ),
        (
            "never signed in, created 90 days ago", .acc4, { $0.accounts[2].createdAt = asOf - 90 * day }, false,
            "acct-nurse"
        ),
        ("end date 1 ms ahead", .acc4, { $0.accounts[1].endsAt = asOf + 1 }, true, ""),
        ("end date reached, still active", .acc4, { $0.accounts[1].endsAt = asOf }, false, "after their end date"),
        // AUD-1/AUD-2, checklist 2⑪.
        ("no reads yet is not a failure", .aud12, { $0.accessLog.readEventsInWindow = 0 }, true, ""),
        ("verification never ran", .aud12, { $0.accessLog.lastVerification = nil }, false, "never run"),
        ("verification failed", .aud12, { $0.accessLog.lastVerification?.passed = false }, false, "failed"),
        ("no review is not the vendor's failure", .aud12, { $0.accessLog.lastReviewSignOffAt = nil }, true, ""),
        // AUD-4, and both together for the institution form's 2⑪.
        ("no review signed off", .aud4, { $0.accessLog.lastReviewSignOffAt = nil }, false, "no access-log review"),
        (
            "review signed off exactly 92 days ago", .aud4, { $0.accessLog.lastReviewSignOffAt = asOf - 92 * day },
            true, ""
        ),
        (
            "review signed off 92 days and 1 ms ago", .aud4,
            { $0.accessLog.lastReviewSignOffAt = asOf - 92 * day - 1 }, false, "92 days"
        ),
        ("2⑪ needs the review", .aud124, { $0.accessLog.lastReviewSignOffAt = nil }, false, "no access-log review"),
        ("2⑪ needs the verification", .aud124, { $0.accessLog.lastVerification = nil }, false, "never run"),
        ("verified exactly 31 days ago", .aud12, { $0.accessLog.lastVerification?.at = asOf - 31 * day }, true, ""),
        (
            "verified 31 days and 1 ms ago", .aud12, { $0.accessLog.lastVerification?.at = asOf - 31 * day - 1 }, false,
            "older than 31"
        ),
        // BAK-1..3, checklist 3②.
        ("no backup", .bak13, { $0.backups.lastBackupAt = nil }, false, "no backup"),
        ("backup exactly 2 days old", .bak13, { $0.backups.lastBackupAt = asOf - 2 * day }, true, ""),
        ("backup 2 days and 1 ms old", .bak13, { $0.backups.lastBackupAt = asOf - 2 * day - 1 }, false, "older than 2"),
        ("one generation", .bak13, { $0.backups.generationsKept = 1 }, false, "fewer than 2"),
        ("two generations", .bak13, { $0.backups.generationsKept = 2 }, true, ""),
        ("no offline copy", .bak13, { $0.backups.lastOfflineCopyAt = nil }, false, "no offline copy"),
        (
            "offline copy 32 days old", .bak13, { $0.backups.lastOfflineCopyAt = asOf - 32 * day }, false,
            "offline copy is older"
        ),
        ("no drill", .bak13, { $0.backups.lastSuccessfulDrill = nil }, false, "no restore drill"),
        ("drill exactly 365 days ago", .bak13, { $0.backups.lastSuccessfulDrill?.at = asOf - 365 * day }, true, ""),
        (
            "drill 366 days ago", .bak13, { $0.backups.lastSuccessfulDrill?.at = asOf - 366 * day }, false,
            "older than 365"
        ),
        // NET-1.
        (
            "plain HTTP on all addresses", .net1,
            { $0.transport.listeners = [ListenerFacts(host: "0.0.0.0", port: 8080, tls: false)] }, false, "0.0.0.0:8080"
        ),
        (
            "plain HTTP on loopback only", .net1,
            {
                $0.transport.listeners = [ListenerFacts(host: "127.0.0.1", port: 8080, tls: false)]
                $0.transport.tlsVersions = []
            }, true, ""
        ),
        ("TLS 1.1 accepted", .net1, { $0.transport.tlsVersions = [.tls11, .tls12, .tls13] }, false, "TLS 1.1"),
        ("TLS 1.3 only", .net1, { $0.transport.tlsVersions = [.tls13] }, true, ""),
        // MAL-3, checklist 2⑫.
        (
            "an extra port", .mal3,
            { $0.transport.listeners.append(ListenerFacts(host: "127.0.0.1", port: 9000, tls: false)) }, false, "9000"
        ),
        ("a configured port not listening", .mal3, { $0.transport.configuredPorts = [8443, 8444] }, true, ""),
        // MAL-2, checklist 2⑥.
        ("built exactly 180 days ago", .mal2, { $0.build.builtAt = asOf - 180 * day }, true, ""),
        ("built 181 days ago", .mal2, { $0.build.builtAt = asOf - 181 * day }, false, "older than 180"),
        ("build date unknown", .mal2, { $0.build.builtAt = nil }, false, "unknown"),
        // INV-1/INV-2, checklist 2①.
        ("approval not required", .inv12, { $0.devices.approvalRequired = false }, false, "device approval"),
        ("devices waiting do not fail", .inv12, { $0.devices.pending = 5 }, true, ""),
    ]

    @Test("each changed fact passes or fails at its edge", arguments: cases)
    func edges(_ testCase: (name: String, evaluator: EvaluatorID, change: Change, passes: Bool, reason: String)) {
        var facts = ComplianceFixtures.passing
        testCase.change(&facts)
        let result = ComplianceEvaluator.evaluate(testCase.evaluator, facts: facts)
        #expect(result.passed == testCase.passes, "\(testCase.name)")
        if !testCase.passes {
            let reasons = ComplianceFixtures.reasons(result)
            #expect(reasons.contains { $0.contains(testCase.reason) }, "\(testCase.name): \(reasons)")
        }
    }
}
