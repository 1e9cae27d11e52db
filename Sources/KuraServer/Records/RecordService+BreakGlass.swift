import KuraCore
import KuraStore

extension RecordService {
    /// Opens patient `patientID` outside the caller's care teams with a reason and the password
    /// (ACC-7), once the patient is known to exist: the identity service grants by id alone, and
    /// a grant for no patient would only fill the review queue.
    public func openBreakGlass(
        _ auth: Authenticated, patientID: String, reason: String, password: String
    ) async throws(RecordError) -> BreakGlassView {
        guard StoreWrite.isOpaqueID(patientID),
            try await read({ () async throws(StoreError) in try await store.patient(id: patientID) }) != nil
        else { throw .notFound("patient") }
        return try await identityCall { () async throws(IdentityError) in
            try await identity.openBreakGlass(auth, patientID: patientID, reason: reason, password: password)
        }
    }

    /// The caller's running break-glass grant on `patientID` that lapses last, if any: what the
    /// chart's banner counts down (ACC-7: time-boxed, and the person sees the box).
    public func runningBreakGlass(_ auth: Authenticated, patientID: String) async throws(RecordError) -> BreakGlassView?
    {
        let grants = try await read { () async throws(StoreError) in
            try await identityStore.activeBreakGlassGrants(
                accountID: auth.account.id, patientID: patientID, at: clock())
        }
        return grants.max { $0.expiresAt < $1.expiresAt }.map {
            BreakGlassView(id: $0.id, patientID: $0.patientID, grantedAt: $0.grantedAt, expiresAt: $0.expiresAt)
        }
    }
}
