import KuraCore

/// A clinic whose every automatic item passes, at 2025-06-02T00:00Z; tests change one fact.
enum ComplianceFixtures {
    static let day: Int64 = 86_400_000
    static let asOf: Int64 = 1_748_822_400_000

    static let accounts = [
        AccountFacts(
            id: "acct-admin", login: "kanri", roles: [.admin], active: true, hasSecondFactor: true,
            createdAt: asOf - 400 * day, lastSignInAt: asOf - 1 * day),
        AccountFacts(
            id: "acct-doctor", login: "sato", roles: [.physician], active: true, hasSecondFactor: true,
            createdAt: asOf - 400 * day, lastSignInAt: asOf - 2 * day),
        AccountFacts(
            id: "acct-nurse", login: "tanaka", roles: [.nurse], active: true, hasSecondFactor: true,
            createdAt: asOf - 10 * day, lastSignInAt: nil),
        // Disabled accounts are not counted anywhere.
        AccountFacts(
            id: "acct-gone", login: "old", roles: [.admin, .clerk], active: false, hasSecondFactor: false,
            createdAt: asOf - 900 * day, lastSignInAt: asOf - 500 * day, endsAt: asOf - 400 * day),
    ]

    static let passing = ComplianceFacts(
        asOf: asOf, accounts: accounts, secondFactorRequired: true,
        passwords: PasswordFacts(
            minimumLength: 8, minimumLengthWithoutMix: 13, guessableWordCount: 412, initialPasswordMustChange: true,
            rotationDays: 90),
        accessLog: AccessLogFacts(
            readEventsInWindow: 1_234, newestReadAt: asOf - 3_600_000,
            lastVerification: LogVerificationFacts(passed: true, treeSize: 98_765, at: asOf - 7 * day),
            lastReviewSignOffAt: asOf - 40 * day),
        backups: BackupFacts(
            lastBackupAt: asOf - day / 2, generationsKept: 12, lastOfflineCopyAt: asOf - 20 * day,
            lastSuccessfulDrill: DrillFacts(at: asOf - 100 * day, generationID: "gen-0042")),
        transport: TransportFacts(
            listeners: [ListenerFacts(host: "0.0.0.0", port: 8443, tls: true)], tlsVersions: [.tls12, .tls13],
            configuredPorts: [8443]),
        build: BuildFacts(
            version: "0.1.0", builtAt: asOf - 30 * day,
            dependencies: [BuildFacts.Dependency(name: "swift-nio", version: "2.101.3")]),
        devices: DeviceFacts(seen: 7, approved: 5, pending: 1, revoked: 1, approvalRequired: true),
        registryEntries: [.officers: 2, .devices: 7])

    /// The passing facts with one change.
    static func with(_ change: (inout ComplianceFacts) -> Void) -> ComplianceFacts {
        var facts = passing
        change(&facts)
        return facts
    }

    /// A bilingual reason's English text, for matching.
    static func reasons(_ result: EvaluationResult) -> [String] {
        if case .fail(let reasons) = result.status { return reasons.map(\.en) }
        return []
    }
}
