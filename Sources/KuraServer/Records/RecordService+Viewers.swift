import KuraCore
import KuraStore

/// One audited read of a patient's data, as "who viewed this chart" lists it: opaque ids and
/// fixed words only (AUD-1).
public struct ChartViewer: Sendable, Equatable {
    /// When the read was answered (ms since the epoch).
    public var at: Int64
    /// The account that read.
    public var actor: String
    /// What it read (`chart.read`, `chart.print`, `attachment.read`, …).
    public var action: String
    /// Why it was allowed (`care-team`, `break-glass`, `role`).
    public var access: String
}

extension RecordService {
    /// The most reads "who viewed this chart" lists.
    public static let chartViewersLimit = 100

    /// Who read patient `patientID`'s data, newest first (AUD-1). Auditors may always ask: they
    /// hold the access log (AUD-2), though no chart (ACC-2). A physician may ask only for a patient
    /// on their own care team (never through break-glass) and only where the clinic's policy
    /// `records.chartViewersVisibleToPhysicians` allows it. Reading the list is itself audited
    /// (`chart.viewers`) before it is returned.
    public func chartViewers(
        _ auth: Authenticated, patientID: String, limit: Int = chartViewersLimit
    ) async throws(RecordError) -> [ChartViewer] {
        let access: AccessDecision.AllowReason
        if (try? auth.require(.readAuditLog)) != nil {
            guard StoreWrite.isOpaqueID(patientID),
                try await read({ () async throws(StoreError) in try await store.patient(id: patientID) }) != nil
            else { throw .notFound("patient") }
            access = .role
        } else {
            guard chartViewersVisibleToPhysicians, auth.activeRoles.contains(.physician) else {
                throw .identity(.forbidden(AccessDecision.DenyReason.role.rawValue))
            }
            let (_, reason) = try await authorize(auth, .readChart, patientID: patientID)
            guard reason == .careTeam else {
                throw .identity(.forbidden(AccessDecision.DenyReason.notInCareTeam.rawValue))
            }
            access = reason
        }
        let events = try await read { () async throws(StoreError) in
            try await store.auditEvents(AuditQuery(patientID: patientID, limit: max(1, min(limit, 1000))))
        }
        try await audit(auth, action: "chart.viewers", access: access, patientIDs: [patientID])
        return events.map { ChartViewer(at: $0.at, actor: $0.actor, action: $0.action, access: $0.access) }
    }
}
