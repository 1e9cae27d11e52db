import Foundation
import KuraCore
import KuraStore

/// A patient watched by the `staff-patients` review (AUD-4): a member of staff, a staff
/// member's relative or a VIP, as an administrator recorded it.
public struct PatientFlag: Sendable, Equatable {
    /// The flag document (`cmp_…`); its versions are the flag's history.
    public var id: String
    /// The patient (an opaque id).
    public var patientID: String
    /// Why the patient is watched.
    public var kind: PatientFlagKind
    /// The administrator's note (sealed: it may name a relation or a person).
    public var note: String?
    /// The newest version.
    public var version: Int64
    /// Whether the flag was cleared (its history stays).
    public var cleared: Bool
    /// When the newest version was recorded (ms, UTC).
    public var recordedAt: Int64
    /// Who recorded it.
    public var author: String
}

/// The sealed body of a flag.
struct PatientFlagBody: Codable {
    var patientID: String
    var kind: String
    var note: String?
}

extension ComplianceService {
    /// The document kind of patient flags.
    static let flagKind = "flag"
    /// The longest note kept with a flag.
    static let flagNoteLimit = 500

    /// Flags `patientID` as `kind`, or changes its flag: a new sealed version bound to a ledger
    /// leaf, so who was watched, from when and on whose word, is evidence (AUD-4). Administrators
    /// only (`manageCompliance`).
    public func flag(
        patientID: String, as kind: PatientFlagKind, note: String? = nil, by actor: Authenticated
    ) async throws(ComplianceError) -> PatientFlag {
        try Self.require(actor, .manageCompliance)
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if (note?.count ?? 0) > Self.flagNoteLimit { throw .invalid("note is longer than 500 characters") }
        guard StoreWrite.isOpaqueID(patientID),
            try await read({ () async throws(StoreError) in try await records.store.patient(id: patientID) }) != nil
        else { throw .notFound("patient") }
        let current = try await flagHeads().filter { $0.patientID == patientID && !$0.cleared }
        let (objectID, version) = current.first.map { ($0.id, $0.version + 1) } ?? (records.newID("cmp_"), 1)
        let body = PatientFlagBody(patientID: patientID, kind: kind.rawValue, note: note?.isEmpty == true ? nil : note)
        let stored = try await write(
            objectID: objectID, version: version, kind: Self.flagKind, state: "current", body: try Self.encode(body),
            sealed: true, actor: actor.actor)
        return try patientFlag(stored)
    }

    /// Clears `patientID`'s flag with a `withdrawn` version that keeps its body; `notFound` when
    /// the patient is not flagged.
    public func clearFlag(patientID: String, by actor: Authenticated) async throws(ComplianceError) -> PatientFlag {
        try Self.require(actor, .manageCompliance)
        let current = try await flagHeads().filter { $0.patientID == patientID && !$0.cleared }
        guard !current.isEmpty else { throw .notFound("flag") }
        var cleared: PatientFlag?
        // One document per patient is the rule; two administrators racing to add the first flag
        // could leave two, so every current one is cleared.
        for flag in current {
            let body = PatientFlagBody(patientID: flag.patientID, kind: flag.kind.rawValue, note: flag.note)
            let stored = try await write(
                objectID: flag.id, version: flag.version + 1, kind: Self.flagKind, state: "withdrawn",
                body: try Self.encode(body), sealed: true, actor: actor.actor)
            cleared = try patientFlag(stored)
        }
        guard let cleared else { throw .notFound("flag") }
        return cleared
    }

    /// The flags in force (and cleared ones when asked), newest first. Who is a VIP is itself
    /// sensitive, so only those who keep the flags or review the log read them.
    public func flags(
        includingCleared: Bool = false, by actor: Authenticated
    ) async throws(ComplianceError) -> [PatientFlag] {
        guard (try? actor.require(.manageCompliance)) != nil || (try? actor.require(.readAuditLog)) != nil else {
            throw .forbidden
        }
        return try await flagHeads().filter { includingCleared || !$0.cleared }
    }

    /// Every flag document at its newest version, newest first.
    func flagHeads() async throws(ComplianceError) -> [PatientFlag] {
        let heads = try await read { () async throws(StoreError) in try await store.complianceHeads(kind: Self.flagKind)
        }
        var flags: [PatientFlag] = []
        for head in heads { flags.append(try patientFlag(head)) }
        return flags.sorted { ($0.recordedAt, $0.id) > ($1.recordedAt, $1.id) }
    }

    /// The watched patients for the review: the newest flag in force of each.
    func flaggedPatients() async throws(ComplianceError) -> [String: PatientFlagKind] {
        var flagged: [String: PatientFlagKind] = [:]
        for flag in try await flagHeads() where !flag.cleared && flagged[flag.patientID] == nil {
            flagged[flag.patientID] = flag.kind
        }
        return flagged
    }

    /// Decodes a flag version.
    func patientFlag(_ version: ComplianceVersion) throws(ComplianceError) -> PatientFlag {
        guard let body = RecordJSON.decode(PatientFlagBody.self, from: try body(of: version)),
            let kind = PatientFlagKind(rawValue: body.kind)
        else { throw .unavailable("a patient flag does not decode") }
        return PatientFlag(
            id: version.objectID, patientID: body.patientID, kind: kind, note: body.note, version: version.version,
            cleared: version.state == "withdrawn", recordedAt: version.recordedAt, author: version.author)
    }
}
