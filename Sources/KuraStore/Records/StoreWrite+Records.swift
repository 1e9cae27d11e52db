import KuraCore

extension StoreWrite {
    /// Whether the store binds this write to the leaf appended just before it in its unit.
    public var bindsLeaf: Bool {
        switch self {
        case .insertRecordVersion, .insertAuditEvent, .insertAttachment, .insertComplianceVersion: true
        default: false
        }
    }

    /// The most characters a kind or action word may have.
    public static let maxKindLength = 64
    /// The media types an attachment may have (MAL-4).
    public static let attachmentMediaTypes: Set<String> = ["application/pdf", "image/jpeg", "image/png"]

    /// The checks of the record writes, as ``validationError`` documents.
    var recordValidationError: StoreError? {
        switch self {
        case .putPatient(let patient, let expected):
            if let error = Self.revisionError(patient.revision, expected: expected) { return error }
            if !Self.isOpaqueID(patient.id) {
                return .constraintViolation("a patient id must be 1 to 64 ASCII characters")
            }
            if patient.numberIndex.count != Self.hashByteCount || patient.birthDateIndex.count != Self.hashByteCount {
                return .constraintViolation("a blind index must be \(Self.hashByteCount) bytes")
            }
            if patient.sealedDemographics.isEmpty {
                return .constraintViolation("a patient must have sealed demographics")
            }
            if let merged = patient.mergedInto, !Self.isOpaqueID(merged) || merged == patient.id {
                return .constraintViolation("a patient is merged into another patient's id")
            }
            return nil
        case .addCareTeamMember(let member):
            return Self.isOpaqueID(member.patientID) && Self.isOpaqueID(member.accountID)
                ? nil : .constraintViolation("care team ids must be 1 to 64 ASCII characters")
        case .removeCareTeamMember(let patientID, let accountID):
            return Self.isOpaqueID(patientID) && Self.isOpaqueID(accountID)
                ? nil : .constraintViolation("care team ids must be 1 to 64 ASCII characters")
        case .putPatientList(let list, let expected):
            if let error = Self.revisionError(list.revision, expected: expected) { return error }
            if !Self.isOpaqueID(list.id) || !Self.isOpaqueID(list.patientID) {
                return .constraintViolation("list ids must be 1 to 64 ASCII characters")
            }
            return list.sealedItems.isEmpty ? .constraintViolation("a list must have sealed items") : nil
        case .putEntry(let entry, let expected):
            if let error = Self.revisionError(entry.revision, expected: expected) { return error }
            if !Self.isOpaqueID(entry.id) || !Self.isOpaqueID(entry.patientID) || !Self.isOpaqueID(entry.author) {
                return .constraintViolation("entry ids must be 1 to 64 ASCII characters")
            }
            if !Self.isKindWord(entry.kind) { return .constraintViolation("an entry kind must be a short word") }
            if entry.sealedBody.isEmpty { return .constraintViolation("an entry must have a sealed body") }
            if (entry.finalizedBy == nil) != (entry.finalizedAt == nil) {
                return .constraintViolation("an entry's finalizer and finalizing time go together")
            }
            if entry.state.isFinal && entry.finalizedBy == nil {
                return .constraintViolation("a final entry must name its finalizer")
            }
            return nil
        case .insertRecordVersion(let version):
            if version.version < 1 { return .constraintViolation("versions start at 1") }
            if !Self.isOpaqueID(version.objectID) || !Self.isOpaqueID(version.patientID)
                || !Self.isOpaqueID(version.author)
            {
                return .constraintViolation("version ids must be 1 to 64 ASCII characters")
            }
            if !Self.isKindWord(version.kind) || !Self.isKindWord(version.state) {
                return .constraintViolation("a version's kind and state must be short words")
            }
            if version.sealedBody.isEmpty { return .constraintViolation("a version must have a sealed body") }
            if (version.finalizedBy == nil) != (version.finalizedAt == nil) {
                return .constraintViolation("a version's finalizer and finalizing time go together")
            }
            return nil
        case .insertAuditEvent(let event):
            if !Self.isOpaqueID(event.id) || !Self.isOpaqueID(event.actor) {
                return .constraintViolation("audit ids must be 1 to 64 ASCII characters")
            }
            if !Self.isKindWord(event.action) || !Self.isKindWord(event.access) {
                return .constraintViolation("an audit action and access reason must be short words")
            }
            if !event.patientIDs.allSatisfy(Self.isOpaqueID)
                || !zip(event.patientIDs, event.patientIDs.dropFirst()).allSatisfy({
                    $0.utf8.lexicographicallyPrecedes($1.utf8)
                })
            {
                return .constraintViolation("audited patient ids must be opaque, distinct and in byte order")
            }
            return nil
        case .insertAttachment(let attachment, let chunks):
            if !Self.isOpaqueID(attachment.id) || !Self.isOpaqueID(attachment.patientID)
                || !Self.isOpaqueID(attachment.createdBy)
            {
                return .constraintViolation("attachment ids must be 1 to 64 ASCII characters")
            }
            if !Self.attachmentMediaTypes.contains(attachment.mediaType) {
                return .constraintViolation("an attachment must be a PDF, JPEG or PNG")
            }
            if attachment.byteCount < 1 || chunks.isEmpty || attachment.chunkCount != chunks.count
                || chunks.contains(where: \.isEmpty)
            {
                return .constraintViolation("an attachment needs its size and every chunk")
            }
            return attachment.sealedMeta.isEmpty ? .constraintViolation("an attachment must have sealed metadata") : nil
        default:
            return nil
        }
    }

    /// Kind, state and action words: 1 to 64 of a-z, 0-9, '.', '-'.
    public static func isKindWord(_ word: String) -> Bool {
        (1...maxKindLength).contains(word.utf8.count)
            && word.utf8.allSatisfy { byte in
                (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2E || byte == 0x2D
            }
    }
}
