import Foundation
import KuraCore
import KuraStore

extension RecordService {
    /// The inclusion proof of version `version` of entry `id` against the newest checkpoint,
    /// with the leaf, details and salt, so anyone can check it offline (`kura verify inclusion`
    /// reads the proof as it is); ``RecordError/notYetIntegrated`` until a checkpoint covers it.
    public func proof(_ auth: Authenticated, entryID: String, version: Int64?) async throws(RecordError) -> EntryProof {
        let stored = try await entry(entryID)
        let (_, access) = try await authorize(auth, .readChart, patientID: stored.patientID)
        let number = version ?? stored.revision
        let versions = try await read { () async throws(StoreError) in try await store.versions(objectID: entryID) }
        guard let row = versions.first(where: { $0.version == number }) else { throw .notFound("version") }
        guard let leafID = row.leafID else { throw .unavailable("the version has no leaf") }
        let status = try await read { () async throws(StoreError) in try await ledger.status(of: leafID) }
        guard case .integrated(let index) = status else {
            if case .pending = status { throw .notYetIntegrated }
            throw .unavailable("the version's leaf is missing")
        }
        let batch = try await read { () async throws(StoreError) in try await ledger.rows(in: index..<index + 1) }
        guard let ledgerRow = batch.first, let leaf = ledgerRow.leaf, let salt = ledgerRow.salt,
            let details = ledgerRow.details
        else { throw .unavailable("the version's leaf is incomplete") }
        let tlog: TlogProof
        do {
            tlog = try await LogAuditor(store: ledger, verifier: verifier).inclusionProof(index: index)
        } catch AuditError.indexBeyondCheckpoint {
            throw .notYetIntegrated
        } catch {
            throw .unavailable("the proof could not be built")
        }
        try await audit(auth, action: "entry.proof", access: access, patientIDs: [stored.patientID])
        return EntryProof(
            entryID: entryID, version: number, index: index, leaf: String(decoding: leaf, as: UTF8.self),
            details: String(decoding: details, as: UTF8.self), salt: Data(salt).base64EncodedString(),
            proof: String(decoding: tlog.bytes, as: UTF8.self))
    }
}
