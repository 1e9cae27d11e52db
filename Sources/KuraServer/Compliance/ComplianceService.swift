import Crypto
import KuraCore
import KuraStore

/// The registries, the checklist's answers, the evidence documents and the sealed reports
/// (issue 8), on the record service's sealing, ledger and group commit: every entry, answer and
/// change is one write unit of a sealed version and its ledger leaf.
///
/// Registry entries and answers hold names and free text, so their bodies are sealed with the
/// clinic's key (ENC-1); evidence and report documents hold only figures, ids and hashes and
/// stay plain, so `kura check` and an auditor read them without keys.
public struct ComplianceService: Sendable {
    let records: RecordService
    let store: any ComplianceStore

    /// Creates the service over the record service's keys, ledger and writer.
    public init(records: RecordService, store: any ComplianceStore) {
        self.records = records
        self.store = store
    }

    /// The sealing context's field name of every sealed body.
    static let sealedField = "body"

    // MARK: Writing one version

    /// Commits version `version` of `objectID` with `body` and its leaf; a lost race for the
    /// version (another writer got there first) is a conflict.
    func write(
        objectID: String, version: Int64, kind: String, state: String, body: [UInt8], sealed: Bool, actor: Actor,
        extra: [String: CanonicalJSON] = [:]
    ) async throws(ComplianceError) -> ComplianceVersion {
        let stored: [UInt8]
        if sealed {
            do {
                stored = try records.seal(body, objectID: objectID, field: Self.sealedField, version: version)
            } catch {
                throw .unavailable("sealing failed")
            }
        } else {
            stored = body
        }
        let document = ComplianceVersion(
            objectID: objectID, version: version, kind: kind, state: state, author: actor.ledgerName,
            recordedAt: records.clock(), sealedBody: stored
        )
        var fields = extra
        fields["document"] = .string(objectID)
        fields["version"] = .integer(version)
        fields["documentKind"] = .string(kind)
        fields["state"] = .string(state)
        fields["contentHash"] = .string(RecordService.contentHash(stored))
        let leaf: StoreWrite
        do {
            leaf = try records.leaf("compliance.recorded", actor: actor.ledgerName, fields)
        } catch {
            throw .unavailable("the ledger event could not be encoded")
        }
        do {
            _ = try await records.submitter.submit(WriteUnit([leaf, .insertComplianceVersion(document)]))
        } catch {
            switch error {
            case .rejected(.constraintViolation(let what)) where what.contains("already stored"):
                throw .conflict("\(objectID) changed meanwhile")
            case .rejected(.constraintViolation(let what)): throw .invalid(what)
            case .rejected(let store), .batchFailed(let store): throw .unavailable(store.description)
            case .shuttingDown: throw .unavailable("the server is shutting down")
            }
        }
        return document
    }

    /// The body of `version`, opened when its kind is sealed.
    func body(of version: ComplianceVersion) throws(ComplianceError) -> [UInt8] {
        guard Self.isSealed(version.kind) else { return version.sealedBody }
        do {
            return try records.open(
                version.sealedBody, objectID: version.objectID, field: Self.sealedField, version: version.version)
        } catch {
            throw .unavailable("a sealed document of \(version.objectID) does not open")
        }
    }

    /// Whether documents of `kind` are sealed (registries, answers, reviews and flags hold
    /// names and free text) or plain (evidence and reports hold figures, ids and hashes).
    static func isSealed(_ kind: String) -> Bool {
        !(kind.hasPrefix("evidence.") || kind == "report")
    }

    /// Runs a store read, turning its failure into `unavailable`.
    func read<T>(_ body: () async throws(StoreError) -> T) async throws(ComplianceError) -> T {
        do {
            return try await body()
        } catch {
            throw .unavailable(error.description)
        }
    }

    /// Refuses `actor` unless its session is ready, its device cleared where the action shows
    /// PHI, and a role in force allows `action`: the access decision itself, as the record
    /// service asks it, not only the menu's role check.
    static func require(_ actor: Authenticated, _ action: AccessAction) throws(ComplianceError) {
        do {
            try actor.require(action)
        } catch {
            throw .forbidden
        }
    }
}
