import Foundation
import KuraCore
import KuraStore

extension ComplianceService {
    /// What the server knows about itself now, for the evaluators (issue 8, "Evaluators"):
    /// accounts and policies from the identity store, the access log's recent reads, the
    /// evidence documents of backups, drills and log verifications, the backup folder's
    /// generations, the listeners, the build and the registries' sizes. Ids only, no names.
    public func facts(settings: ComplianceSettings) async throws(ComplianceError) -> ComplianceFacts {
        let now = records.clock()
        let identityStore = records.identityStore
        let accounts = try await read { () async throws(StoreError) in try await identityStore.accounts() }
        let devices = try await read { () async throws(StoreError) in try await identityStore.devices() }
        var registryEntries: [RegistryID: Int] = [:]
        for registry in RegistryID.allCases {
            registryEntries[registry] = try await entries(registry).count
        }
        return ComplianceFacts(
            asOf: now,
            accounts: accounts.map { account in
                AccountFacts(
                    id: account.id, login: account.login, roles: account.roles, active: account.status == .active,
                    hasSecondFactor: account.totpEnrolledAt != nil, createdAt: account.createdAt,
                    lastSignInAt: account.lastLoginAt, endsAt: account.endsAt)
            },
            secondFactorRequired: settings.identity.secondFactorRequired,
            passwords: PasswordFacts(
                minimumLength: PasswordPolicy.standard.minimumLength,
                minimumLengthWithoutMix: PasswordPolicy.standard.minimumLengthWithoutMix,
                guessableWordCount: settings.guessableWordCount,
                // AUTH-2: an administrator-issued or reset password is always marked to change.
                initialPasswordMustChange: true,
                rotationDays: settings.identity.accounts.passwordExpiryDays),
            accessLog: try await accessLogFacts(now: now),
            backups: try await backupFacts(settings: settings),
            transport: TransportFacts(
                listeners: (settings.listening?.ports ?? [settings.port]).map {
                    ListenerFacts(host: settings.host, port: $0, tls: settings.tls)
                },
                // Port 0 asks for any port: what the server bound is then the configured one.
                tlsVersions: settings.tls ? [.tls12, .tls13] : [],
                configuredPorts: settings.port == 0 ? (settings.listening?.ports ?? [0]) : [settings.port]),
            build: BuildFacts(
                version: BuildInfo.version, builtAt: Self.executableTime(),
                dependencies: BuildInfo.dependencies.map { BuildFacts.Dependency(name: $0.name, version: $0.version) }),
            devices: DeviceFacts(
                seen: devices.count, approved: devices.filter { $0.status == .approved }.count,
                pending: devices.filter { $0.status == .pending }.count,
                revoked: devices.filter { $0.status == .revoked }.count,
                approvalRequired: settings.identity.deviceApprovalRequired),
            registryEntries: registryEntries)
    }

    /// The reads of the last window, the newest verification of the log and the newest signed-off
    /// review (AUD-1/2/4).
    func accessLogFacts(now: Int64) async throws(ComplianceError) -> AccessLogFacts {
        let window = Int64(ComplianceThresholds.standard.readWindowDays) * 86_400_000
        let store = records.store
        let recent = try await read { () async throws(StoreError) in
            try await store.auditEventCount(since: now - window)
        }
        let newest = try await read { () async throws(StoreError) in try await store.auditEvents(AuditQuery(limit: 1)) }
        let verifications = try await evidence(.verification)
        let last = verifications.first.map { version, fields in
            LogVerificationFacts(
                passed: fields["result"] == .string("pass"),
                treeSize: { if case .integer(let size)? = fields["treeSize"] { UInt64(max(size, 0)) } else { 0 } }(),
                at: version.recordedAt)
        }
        return AccessLogFacts(
            readEventsInWindow: recent, newestReadAt: newest.first?.at, lastVerification: last,
            lastReviewSignOffAt: try await signOffs().first?.signedAt)
    }

    /// Backups, offline copies and drills from their evidence documents, generations from the
    /// backup folder (BAK-1…3).
    func backupFacts(settings: ComplianceSettings) async throws(ComplianceError) -> BackupFacts {
        let backups = try await evidence(.backup)
        let drills = try await evidence(.drill)
        // The generations kept where the newest backup went (the configured folder otherwise).
        let newestFolder: String? =
            if case .string(let folder)? = backups.first?.1["destination"] { folder } else { nil }
        let generations =
            (newestFolder ?? settings.backupDirectory).flatMap { folder in
                try? BackupCatalog.list(folder).filter(\.isComplete).count
            } ?? 0
        let drill = drills.first { $0.1["result"] == .string("pass") }.map { version, fields in
            DrillFacts(
                at: version.recordedAt,
                generationID: { if case .string(let id)? = fields["generation"] { id } else { "" } }())
        }
        return BackupFacts(
            lastBackupAt: backups.first?.0.recordedAt,
            generationsKept: generations,
            lastOfflineCopyAt: backups.first { $0.1["offline_copy"] == .bool(true) }?.0.recordedAt,
            lastSuccessfulDrill: drill)
    }

    /// The evidence documents of `kind` with their figures, newest first.
    func evidence(
        _ kind: ComplianceEvidence
    ) async throws(ComplianceError) -> [(ComplianceVersion, [String: CanonicalJSON])] {
        let heads = try await read { () async throws(StoreError) in try await store.complianceHeads(kind: kind.rawValue)
        }
        return heads.sorted { ($0.recordedAt, $0.objectID) > ($1.recordedAt, $1.objectID) }.compactMap { version in
            guard case .object(let fields)? = try? CanonicalJSON.parseCanonical(version.sealedBody) else { return nil }
            return (version, fields)
        }
    }

    /// When the running binary was written (installed or built), as ms since the epoch (MAL-2).
    static func executableTime() -> Int64? {
        let path = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let date = attributes[.modificationDate] as? Date
        else { return nil }
        return Int64(date.timeIntervalSince1970 * 1000)
    }
}
