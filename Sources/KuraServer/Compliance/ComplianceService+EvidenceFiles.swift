import Crypto
import Foundation
import KuraCore
import KuraStore

/// A file kept as evidence for checklist answers: a signed rule, a training roster, a vendor's
/// MDS/SDS, a photo of the server room's lock (issue 8, "Manual items").
public struct EvidenceFile: Codable, Sendable, Equatable {
    /// The file's document (`cmp_…`).
    public var id: String
    /// The name it was uploaded with.
    public var name: String
    /// Its checked media type (PDF, JPEG or PNG only: MAL-4).
    public var mediaType: String
    /// Its size.
    public var byteCount: Int
    /// The SHA-256 of its bytes, hex (printed in the report).
    public var sha256: String
    /// When it was kept (ms, UTC).
    public var recordedAt: Int64
}

/// The sealed body of an evidence file: its name, type and bytes.
struct EvidenceFileBody: Codable {
    var name: String
    var mediaType: String
    var data: Data
}

extension ComplianceService {
    /// The document kind of evidence files (sealed: a file may name people).
    static let evidenceFileKind = "evidence-file"
    /// The largest evidence file kept.
    public static let evidenceFileMaxBytes = 10 * 1_048_576

    /// Keeps `bytes` as an evidence file after checking its content is a PDF, JPEG or PNG.
    public func addEvidenceFile(
        _ bytes: [UInt8], declaredType: String?, fileName: String, by actor: Authenticated
    ) async throws(ComplianceError) -> EvidenceFile {
        try Self.require(actor, .manageCompliance)
        guard PatientDemographics.isText(fileName, max: 255) else { throw .invalid("fileName: 1 to 255 characters") }
        let content: AttachmentContent
        do {
            content = try AttachmentContent.inspect(bytes, declared: declaredType, maxBytes: Self.evidenceFileMaxBytes)
        } catch {
            throw .invalid("the file: \(error.description)")
        }
        let body = EvidenceFileBody(name: fileName, mediaType: content.mediaType.rawValue, data: Data(bytes))
        let stored = try await write(
            objectID: records.newID("cmp_"), version: 1, kind: Self.evidenceFileKind, state: "current",
            body: try Self.encode(body), sealed: true, actor: actor.actor)
        return EvidenceFile(
            id: stored.objectID, name: fileName, mediaType: body.mediaType, byteCount: bytes.count,
            sha256: ReportSeal.digest(bytes), recordedAt: stored.recordedAt)
    }

    /// The evidence file `id` and its bytes.
    public func evidenceFile(
        _ id: String, by actor: Authenticated
    ) async throws(ComplianceError) -> (
        EvidenceFile, [UInt8]
    ) {
        try Self.require(actor, .readCompliance)
        guard let version = try await history(id).last, version.kind == Self.evidenceFileKind else {
            throw .notFound("evidence file")
        }
        return try evidenceFile(version)
    }

    /// Every evidence file by id (the report names the ones answers cite).
    public func evidenceFiles() async throws(ComplianceError) -> [String: EvidenceFile] {
        let heads = try await read { () async throws(StoreError) in
            try await store.complianceHeads(kind: Self.evidenceFileKind)
        }
        var files: [String: EvidenceFile] = [:]
        for head in heads { files[head.objectID] = try evidenceFile(head).0 }
        return files
    }

    /// Opens a stored evidence file.
    func evidenceFile(_ version: ComplianceVersion) throws(ComplianceError) -> (EvidenceFile, [UInt8]) {
        guard let body = RecordJSON.decode(EvidenceFileBody.self, from: try body(of: version)) else {
            throw .unavailable("an evidence file does not decode")
        }
        let bytes = Array(body.data)
        return (
            EvidenceFile(
                id: version.objectID, name: body.name, mediaType: body.mediaType, byteCount: bytes.count,
                sha256: ReportSeal.digest(bytes), recordedAt: version.recordedAt),
            bytes
        )
    }
}
