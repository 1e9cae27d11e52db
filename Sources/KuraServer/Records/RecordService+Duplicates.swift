import KuraCore
import KuraStore

/// What registration would warn about before it commits (REC-1): how many patients share the
/// kana and date of birth, and those of them the caller may open.
public struct DuplicateCheck: Sendable, Equatable {
    /// Registered patients with the same kana (normalised) and date of birth.
    public var count: Int
    /// Those on the caller's care teams or under a running break-glass grant; the others are
    /// only counted, since the caller may not see them.
    public var visible: [PatientSummary]
}

extension RecordService {
    /// The likely duplicates of `demographics` before registering them (REC-1: prevent mix-ups),
    /// so the clerk can check and confirm first; ``register(_:demographics:careTeam:)`` names
    /// them again afterwards. The visible ones are audited as a list read.
    public func duplicateCheck(
        _ auth: Authenticated, demographics: PatientDemographics
    ) async throws(RecordError) -> DuplicateCheck {
        try requireRole(auth, .registerPatient)
        if let error = demographics.validationError { throw .invalidInput(error) }
        let ids = try await likelyDuplicates(of: demographics)
        var visible: [PatientSummary] = []
        for id in ids {
            if let summary = try await visibleSummary(auth, patientID: id) { visible.append(summary) }
        }
        if !visible.isEmpty {
            try await audit(auth, action: "patient.duplicates", access: .role, patientIDs: visible.map(\.id))
        }
        return DuplicateCheck(count: ids.count, visible: visible)
    }
}
