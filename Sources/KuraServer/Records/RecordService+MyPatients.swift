import KuraCore
import KuraStore

/// The patients on the caller's care teams, as the patient list shows them.
public struct MyPatients: Sendable, Equatable {
    /// The patients opened, in kana order (merged records left out).
    public var patients: [PatientSummary]
    /// How many care teams the caller is on: more than ``patients`` when the list was cut.
    public var total: Int
}

extension RecordService {
    /// The most care-team patients one list opens; the rest are reached by the search.
    public static let myPatientsLimit = 200

    /// The patients whose care team holds the caller, in kana order, audited with every id
    /// returned (AUD-1: list pages included).
    public func myPatients(_ auth: Authenticated) async throws(RecordError) -> MyPatients {
        try requireRole(auth, .searchPatients)
        try requirePatientRole(auth, .readChart)
        let ids = try await read { () async throws(StoreError) in
            try await store.careTeamPatients(accountID: auth.account.id)
        }
        // The first in kana order from the name index, so a long list starts where a reader
        // expects; before the index has loaded, the first by id.
        let shown =
            directory.isLoaded
            ? directory.ordered(ids, limit: Self.myPatientsLimit) : Array(ids.prefix(Self.myPatientsLimit))
        var found: [PatientSummary] = []
        for id in shown {
            guard let patient = try await read({ () async throws(StoreError) in try await store.patient(id: id) }),
                patient.mergedInto == nil
            else { continue }
            found.append(try summary(of: patient))
        }
        found.sort {
            (KanaNormalizer.normalize($0.kana), $0.patientNumber) < (
                KanaNormalizer.normalize($1.kana), $1.patientNumber
            )
        }
        if !found.isEmpty {
            try await audit(auth, action: "patient.list", access: .careTeam, patientIDs: found.map(\.id))
        }
        return MyPatients(patients: found, total: ids.count)
    }

    /// Whether the caller may open `patientID`: on its care team or holding a running
    /// break-glass grant (ACC-7), as the search decides.
    func isVisible(_ auth: Authenticated, patientID: String) async throws(RecordError) -> Bool {
        let team = try await read { () async throws(StoreError) in try await store.careTeam(patientID: patientID) }
        if team.contains(where: { $0.accountID == auth.account.id }) { return true }
        let grants = try await read { () async throws(StoreError) in
            try await identityStore.activeBreakGlassGrants(
                accountID: auth.account.id, patientID: patientID, at: clock())
        }
        return !grants.isEmpty
    }
}
