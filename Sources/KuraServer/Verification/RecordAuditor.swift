import KuraCore
import KuraStore

/// Checks the stored ciphertext against what the log committed to (DESIGN "Verifying": "every
/// content hash from the stored ciphertext", 真正性): for every leaf that records a patient,
/// list or entry version, the version row exists and the hashes of its sealed body and sealed
/// reason are the ones in the leaf's details; for every attachment, its metadata and each
/// chunk; for every compliance document (registry entry, answer, evidence, report), its body. A
/// ciphertext swapped for another one — even one sealed with the right key — fails
/// here, although it would still open.
///
/// Run after `kura verify log`, which proves the details themselves are the committed ones.
public struct RecordAuditor: Sendable {
    let ledger: any LedgerStore
    let records: any RecordStore & ComplianceStore

    /// Creates an auditor of a store's ledger, record and compliance tables.
    public init(ledger: any LedgerStore, records: any RecordStore & ComplianceStore) {
        self.ledger = ledger
        self.records = records
    }

    /// What the pass found.
    public struct Report: Sendable, Equatable {
        /// Versions whose hashes were checked.
        public var versions = 0
        /// Attachments whose hashes were checked.
        public var attachments = 0
        /// Compliance documents (registries, answers, evidence, reports) whose hashes were checked.
        public var documents = 0
        /// The first mismatch, if any: the leaf index and what is wrong (opaque ids only).
        public var failure: String?
    }

    /// Checks every record leaf of the numbered log, in index order; stops at the first
    /// mismatch. Leaves still pending (PostgreSQL numbers them at integration) are checked by
    /// the next run, as `kura verify log` does.
    public func verify(batchSize: Int = 8192) async throws -> Report {
        var report = Report()
        let extent = try await ledger.storedExtent()
        var start: UInt64 = 0
        var cache: (objectID: String, versions: [Int64: RecordVersion])?
        while start < extent {
            let batch = try await ledger.rows(in: start..<min(extent, start + UInt64(batchSize)))
            for row in batch {
                guard let bytes = row.details, let details = try? CanonicalJSON.parseCanonical(bytes),
                    case .object(let fields) = details, case .string(let kind)? = fields["kind"]
                else { continue }
                if kind == "attachment.added" {
                    if let failure = try await checkAttachment(fields) {
                        report.failure = "leaf \(row.index): \(failure)"
                        return report
                    }
                    report.attachments += 1
                    continue
                }
                if case .string(let documentID)? = fields["document"] {
                    if let failure = try await checkDocument(documentID, fields) {
                        report.failure = "leaf \(row.index): \(failure)"
                        return report
                    }
                    report.documents += 1
                    continue
                }
                guard case .string(let contentHash)? = fields["contentHash"],
                    case .integer(let number)? = fields["version"],
                    case .string(let objectID)? = fields["entry"] ?? fields["list"] ?? fields["patient"]
                else { continue }
                if cache?.objectID != objectID {
                    let versions = try await records.versions(objectID: objectID)
                    cache = (
                        objectID, Dictionary(versions.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
                    )
                }
                guard let version = cache?.versions[number] else {
                    report.failure = "leaf \(row.index): version \(number) of \(objectID) is missing"
                    return report
                }
                if RecordService.contentHash(version.sealedBody) != contentHash {
                    report.failure =
                        "leaf \(row.index): the content of \(objectID) version \(number) is not the committed one"
                    return report
                }
                let reasonHash: String? = if case .string(let hash)? = fields["reasonHash"] { hash } else { nil }
                if reasonHash != version.sealedReason.map(RecordService.contentHash) {
                    report.failure =
                        "leaf \(row.index): the reason of \(objectID) version \(number) is not the committed one"
                    return report
                }
                report.versions += 1
            }
            start += UInt64(batchSize)
        }
        return report
    }

    /// Why a compliance leaf does not match the stored version of its document, or nil.
    func checkDocument(_ id: String, _ fields: [String: CanonicalJSON]) async throws -> String? {
        guard case .integer(let number)? = fields["version"], case .string(let contentHash)? = fields["contentHash"]
        else { return "a compliance leaf lacks its version or hash" }
        guard let version = try await records.complianceVersions(objectID: id).first(where: { $0.version == number })
        else { return "version \(number) of \(id) is missing" }
        if RecordService.contentHash(version.sealedBody) != contentHash {
            return "the content of \(id) version \(number) is not the committed one"
        }
        return nil
    }

    /// Why an attachment leaf does not match the stored attachment, or nil.
    func checkAttachment(_ fields: [String: CanonicalJSON]) async throws -> String? {
        guard case .string(let id)? = fields["attachment"], case .string(let metaHash)? = fields["metaHash"],
            case .array(let chunkHashes)? = fields["chunkHashes"]
        else { return "an attachment leaf lacks its hashes" }
        guard let attachment = try await records.attachment(id: id) else { return "attachment \(id) is missing" }
        if RecordService.contentHash(attachment.sealedMeta) != metaHash {
            return "the metadata of attachment \(id) is not the committed one"
        }
        let chunks = try await records.attachmentChunks(id: id)
        let stored = chunks.map { CanonicalJSON.string(RecordService.contentHash($0)) }
        if stored != chunkHashes { return "the content of attachment \(id) is not the committed one" }
        return nil
    }

}
