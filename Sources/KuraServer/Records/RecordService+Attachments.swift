import KuraCore
import KuraStore

/// A file as the client uploads it: the bytes, the type it claims, and for a scan when the
/// paper arrived and when it was scanned (SCAN-3).
public struct NewAttachment: Sendable, Equatable {
    /// The whole file.
    public var bytes: [UInt8]
    /// The client's Content-Type, if any.
    public var declaredType: String?
    /// The original file name (PHI: sealed), up to 255 characters.
    public var fileName: String
    /// The scanned-document entry it belongs to, if any.
    public var entryID: String?
    /// When the paper original was received, `YYYY-MM-DD` (JST).
    public var receivedOn: String?
    /// When it was scanned, `YYYY-MM-DD` (JST).
    public var scannedOn: String?
    /// How it was scanned: `colour`, `greyscale` or `monochrome` (SCAN-3).
    public var colour: String?

    /// The scan colours a clinic records.
    public static let colours: Set<String> = ["colour", "greyscale", "monochrome"]

    /// Creates an upload.
    public init(
        bytes: [UInt8], declaredType: String?, fileName: String, entryID: String? = nil, receivedOn: String? = nil,
        scannedOn: String? = nil, colour: String? = nil
    ) {
        self.bytes = bytes
        self.declaredType = declaredType
        self.fileName = fileName
        self.entryID = entryID
        self.receivedOn = receivedOn
        self.scannedOn = scannedOn
        self.colour = colour
    }
}

/// What is sealed beside an attachment's content: the name and the scan details.
struct AttachmentMeta: Codable, Equatable {
    var fileName: String
    var pixelWidth: Int?
    var pixelHeight: Int?
    var resolutionDPI: Int?
    var receivedOn: String?
    var scannedOn: String?
    var colour: String?
}

/// An attachment as the chart lists it (no content).
public struct AttachmentView: Sendable, Equatable, Codable {
    /// The opaque id.
    public var id: String
    /// The patient.
    public var patientID: String
    /// The entry it belongs to.
    public var entryID: String?
    /// `application/pdf`, `image/jpeg` or `image/png`, from the content.
    public var mediaType: String
    /// The size in bytes.
    public var byteCount: Int64
    /// The original file name.
    public var fileName: String
    /// Image size in pixels.
    public var pixelWidth: Int?
    /// Image size in pixels.
    public var pixelHeight: Int?
    /// The scan resolution in dots per inch, when the file records it.
    public var resolutionDPI: Int?
    /// When the paper original was received.
    public var receivedOn: String?
    /// When it was scanned.
    public var scannedOn: String?
    /// How it was scanned: `colour`, `greyscale` or `monochrome`.
    public var colour: String?
    /// Business days from receipt to scan when more than one: scanned late (SCAN-3).
    public var scannedLateBusinessDays: Int?
    /// Stored.
    public var createdAt: Int64
    /// By whom.
    public var createdBy: String
}

extension RecordService {
    /// Plaintext bytes per sealed chunk.
    static let chunkSize = 256 * 1024

    /// Stores a file for a patient (MAL-4, SCAN-3): only a whole PDF, JPEG or PNG, checked by
    /// content; sealed in chunks under a random id; its leaf commits to the hash of every chunk.
    public func addAttachment(
        _ auth: Authenticated, patientID: String, _ upload: NewAttachment
    ) async throws(RecordError) -> AttachmentView {
        _ = try await authorize(auth, .writeEntry, patientID: patientID)
        guard PatientDemographics.isText(upload.fileName, max: 255) else {
            throw .invalidInput("fileName: 1 to 255 characters")
        }
        if let entryID = upload.entryID {
            guard (try await entry(entryID)).patientID == patientID else {
                throw .invalidInput("entryID: not this patient's")
            }
        }
        let content: AttachmentContent
        do {
            content = try AttachmentContent.inspect(
                upload.bytes, declared: upload.declaredType, maxBytes: attachmentMaxBytes)
        } catch .tooLarge(let limit) {
            throw .tooLarge(limitBytes: limit)
        } catch {
            throw .unsupportedMedia(error.description)
        }
        var lateDays: Int?
        var received: CivilDate?
        var scanned: CivilDate?
        do {
            received = try upload.receivedOn.map { (text: String) throws(CivilDateError) in try CivilDate(parsing: text)
            }
            scanned = try upload.scannedOn.map { (text: String) throws(CivilDateError) in try CivilDate(parsing: text) }
        } catch {
            throw .invalidInput("receivedOn and scannedOn: dates as YYYY-MM-DD")
        }
        if (received == nil) != (scanned == nil) { throw .invalidInput("receivedOn and scannedOn go together") }
        if let colour = upload.colour, !NewAttachment.colours.contains(colour) {
            throw .invalidInput("colour: colour, greyscale or monochrome")
        }
        if let received, let scanned {
            switch ScanTimeliness.check(received: received, scanned: scanned, calendar: calendar) {
            case .timely: break
            case .late(let days): lateDays = days
            case .scannedBeforeReceipt: throw .invalidInput("scannedOn: not before receivedOn")
            }
        }
        let id = newID("att")
        let meta = AttachmentMeta(
            fileName: upload.fileName, pixelWidth: content.pixelWidth, pixelHeight: content.pixelHeight,
            resolutionDPI: content.resolution?.horizontal, receivedOn: upload.receivedOn, scannedOn: upload.scannedOn,
            colour: upload.colour)
        let sealedMeta = try seal(document: meta, objectID: id, field: "meta", version: 1)
        var chunks: [[UInt8]] = []
        var offset = 0
        while offset < upload.bytes.count {
            let end = min(offset + Self.chunkSize, upload.bytes.count)
            chunks.append(
                try seal(Array(upload.bytes[offset..<end]), objectID: id, field: "chunk.\(chunks.count)", version: 1))
            offset = end
        }
        let record = AttachmentRecord(
            id: id, patientID: patientID, entryID: upload.entryID, mediaType: content.mediaType.rawValue,
            byteCount: Int64(upload.bytes.count), chunkCount: chunks.count, sealedMeta: sealedMeta,
            receivedAt: received.map(Self.jstMidnight), scannedAt: scanned.map(Self.jstMidnight), createdAt: clock(),
            createdBy: auth.account.id)
        var fields: [String: CanonicalJSON] = [
            "attachment": .string(id), "patient": .string(patientID), "mediaType": .string(record.mediaType),
            "byteCount": .integer(record.byteCount), "metaHash": .string(Self.contentHash(sealedMeta)),
            "chunkHashes": .array(chunks.map { .string(Self.contentHash($0)) }),
        ]
        if let entryID = upload.entryID { fields["entry"] = .string(entryID) }
        if let lateDays { fields["scannedLateBusinessDays"] = .integer(Int64(lateDays)) }
        let leaf = try leaf("attachment.added", actor: auth.account.id, fields)
        try await commit([leaf, .insertAttachment(record, chunks: chunks)])
        return view(record, meta: meta, lateDays: lateDays)
    }

    /// The patient's attachments (no content), audited.
    public func attachments(_ auth: Authenticated, patientID: String) async throws(RecordError) -> [AttachmentView] {
        let (_, access) = try await authorize(auth, .readChart, patientID: patientID)
        let records = try await read { () async throws(StoreError) in try await store.attachments(patientID: patientID)
        }
        let views = try records.map { (record: AttachmentRecord) throws(RecordError) in try view(record) }
        try await audit(auth, action: "attachment.list", access: access, patientIDs: [patientID])
        return views
    }

    /// One attachment with its content, audited before it is returned (AUD-1).
    public func attachmentContent(
        _ auth: Authenticated, id: String
    ) async throws(RecordError) -> (view: AttachmentView, bytes: [UInt8]) {
        guard StoreWrite.isOpaqueID(id),
            let record = try await read({ () async throws(StoreError) in try await store.attachment(id: id) })
        else { throw .notFound("attachment") }
        let (_, access) = try await authorize(auth, .readChart, patientID: record.patientID)
        let chunks = try await read { () async throws(StoreError) in try await store.attachmentChunks(id: id) }
        guard chunks.count == record.chunkCount else { throw .unavailable("attachment \(id) is incomplete") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(record.byteCount))
        for (index, chunk) in chunks.enumerated() {
            bytes += try open(chunk, objectID: id, field: "chunk.\(index)", version: 1)
        }
        let view = try view(record)
        try await audit(auth, action: "attachment.read", access: access, patientIDs: [record.patientID])
        return (view, bytes)
    }

    func view(_ record: AttachmentRecord) throws(RecordError) -> AttachmentView {
        let meta = try open(AttachmentMeta.self, record.sealedMeta, objectID: record.id, field: "meta", version: 1)
        var late: Int?
        if let received = meta.receivedOn.flatMap({ try? CivilDate(parsing: $0) }),
            let scanned = meta.scannedOn.flatMap({ try? CivilDate(parsing: $0) }),
            case .late(let days) = ScanTimeliness.check(received: received, scanned: scanned, calendar: calendar)
        {
            late = days
        }
        return view(record, meta: meta, lateDays: late)
    }

    func view(_ record: AttachmentRecord, meta: AttachmentMeta, lateDays: Int?) -> AttachmentView {
        AttachmentView(
            id: record.id, patientID: record.patientID, entryID: record.entryID, mediaType: record.mediaType,
            byteCount: record.byteCount, fileName: meta.fileName, pixelWidth: meta.pixelWidth,
            pixelHeight: meta.pixelHeight, resolutionDPI: meta.resolutionDPI, receivedOn: meta.receivedOn,
            scannedOn: meta.scannedOn, colour: meta.colour, scannedLateBusinessDays: lateDays,
            createdAt: record.createdAt,
            createdBy: record.createdBy)
    }

    /// Midnight JST of `date`, in ms since the epoch.
    static func jstMidnight(_ date: CivilDate) -> Int64 {
        Int64(date.daysSinceEpoch) * 86_400_000 - 9 * 3_600_000
    }
}
