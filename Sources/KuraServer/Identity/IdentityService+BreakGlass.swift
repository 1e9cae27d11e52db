import Foundation
import KuraCore
import KuraStore

/// A running break-glass grant as its holder sees it.
public struct BreakGlassView: Sendable, Codable, Equatable {
    /// The grant id.
    public var id: String
    /// The patient.
    public var patientID: String
    /// When it started and lapses (ms since the epoch).
    public var grantedAt: Int64
    /// When it lapses.
    public var expiresAt: Int64
}

extension IdentityService {
    /// Opens patient `patientID` outside the clinician's care teams (ACC-7): the clinician gives
    /// a reason and the password; the grant lasts the configured minutes, raises an alert, and
    /// waits in the review queue until an auditor or administrator signs it off.
    public func openBreakGlass(
        _ auth: Authenticated, patientID: String, reason rawReason: String, password: String
    )
        async throws(IdentityError) -> BreakGlassView
    {
        try auth.require(.breakGlass)
        guard StoreWrite.isOpaqueID(patientID) else { throw .invalidInput("patientID: an opaque id") }
        let reason = rawReason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (4...500).contains(reason.count) else { throw .invalidInput("reason: 4 to 500 characters") }
        let fresh = try await reauthenticate(auth, password: password)
        let now = clock()
        let id = OpaqueToken.id("bg", using: random)
        let grant = BreakGlassGrant(
            id: id, accountID: fresh.account.id, patientID: patientID,
            sealedReason: try seal(reason, objectID: id, field: "reason"), grantedAt: now,
            expiresAt: now + Int64(settings.breakGlassMinutes) * 60_000)
        try await commit([
            .insertBreakGlassGrant(grant),
            try leaf(
                "break-glass.granted", actor: fresh.actor,
                [
                    "grant": .string(id), "patient": .string(patientID), "session": .string(fresh.session.id),
                    "expiresAt": .integer(grant.expiresAt),
                ]),
            alert("break-glass.granted", subject: fresh.account.id, ref: id),
            review("break-glass", subject: fresh.account.id, ref: id),
        ])
        return BreakGlassView(id: id, patientID: patientID, grantedAt: now, expiresAt: grant.expiresAt)
    }

    /// The access decision for `action` on `patientID` (ACC-1, ACC-7), consulting running
    /// break-glass grants when the care team does not cover it.
    public func decide(
        _ auth: Authenticated, action: AccessAction, patientID: String, inCareTeam: Bool
    )
        async throws(IdentityError) -> AccessDecision
    {
        guard auth.stage == .ready else { throw .stageRequired(auth.stage) }
        var request = AccessRequest(
            activeRoles: auth.activeRoles, action: action, inCareTeam: inCareTeam, deviceCleared: auth.deviceCleared)
        if !inCareTeam {
            let grants = try await read { () async throws(StoreError) in
                try await store.activeBreakGlassGrants(accountID: auth.account.id, patientID: patientID, at: clock())
            }
            request.holdsBreakGlass = !grants.isEmpty
        }
        return AccessPolicy.decide(request)
    }

    /// The reason a grant was opened with, for its reviewer.
    public func breakGlassReason(grantID: String) async throws(IdentityError) -> String {
        guard
            let grant = try await read({ () async throws(StoreError) in try await store.breakGlassGrant(id: grantID) })
        else { throw .notFound("grant") }
        return try open(grant.sealedReason, objectID: grant.id, field: "reason")
    }
}
