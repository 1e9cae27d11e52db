import KuraCore
import KuraStore

/// AUD-6: audit events are kept at least as long as the records they concern (the catalog's
/// "≥ 5 years", the 診療録's period). Kura meets it by never removing one: every store's contract
/// says audit events MUST NOT be changed or deleted by any write (``RecordStore``), the retention
/// purge (``RecordService/retentionReport(_:on:)``, ``PurgeDecision``) decides about clinical
/// entries only, and a record that is purged leaves its access-log events and their ledger
/// leaves behind, so the log outlives every record it names.
///
/// These checks make that a property a test holds and a future change cannot lose silently.
enum AuditRetention {
    /// Whether `write` removes or changes a stored audit event: none does. The switch names every
    /// write with no `default`, so a new one (a purge, say) does not compile until its author
    /// decides here whether it touches the access log, and the AUD-6 test then says no.
    static func removesAuditEvents(_ write: StoreWrite) -> Bool {
        switch write {
        case .insertAuditEvent:
            // Inserts a new event; a duplicate id is refused, never overwritten.
            false
        case .appendLeaf, .putAccount, .putSession, .endSessions, .endDeviceSessions, .putDevice,
            .replaceRecoveryCodes, .consumeRecoveryCode, .insertBreakGlassGrant, .putQueueItem, .claimOnce,
            .putPatient, .addCareTeamMember, .removeCareTeamMember, .putPatientList, .putEntry,
            .insertRecordVersion, .insertAttachment, .insertComplianceVersion:
            false
        }
    }

    /// Why a purge plan would break AUD-6, or nil when it keeps every audit event: each line it
    /// would purge must name a clinical entry kind, never the access log or anything else.
    static func violation(in report: RetentionReport) -> String? {
        for line in report.purgeable where RecordKind(rawValue: line.kind) == nil {
            return "the purge names \(line.kind.prefix(40)), which is not a clinical entry kind"
        }
        return nil
    }
}
