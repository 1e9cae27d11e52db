/// The content of one entry version, sealed as one document (ENC-1): the kind's fields as
/// text, and for a visit its end time.
///
/// Each kind has its fields (``EntryTemplate``); unknown fields, over-long text and a missing
/// required field are refused by ``validationError(kind:)``, which names the field only.
public struct EntryContent: Codable, Sendable, Equatable {
    /// Field name → text.
    public var fields: [String: String]
    /// When a home visit ended (ms since the epoch, UTC), if recorded.
    public var visitEndedAt: Int64?

    /// Creates content.
    public init(fields: [String: String], visitEndedAt: Int64? = nil) {
        self.fields = fields
        self.visitEndedAt = visitEndedAt
    }

    /// The first rule the content breaks for an entry of `kind`, or nil.
    public func validationError(kind: String) -> String? {
        guard let template = EntryTemplate.byKind[kind] else { return "kind: unknown entry kind" }
        for name in fields.keys.sorted() where !template.fields.contains(name) {
            return "fields: \(name.prefix(40)) is not a field of \(kind)"
        }
        for name in template.fields.sorted() {
            guard let text = fields[name] else { continue }
            if text.count > EntryTemplate.maxFieldLength {
                return "fields.\(name): at most \(EntryTemplate.maxFieldLength) characters"
            }
            if text.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" && $0 != "\r"
            }) {
                return "fields.\(name): control characters are not allowed"
            }
        }
        for name in template.required.sorted() where !(fields[name].map(EntryLifecycle.hasText) ?? false) {
            return "fields.\(name): required for \(kind)"
        }
        if !fields.values.contains(where: EntryLifecycle.hasText) { return "fields: the entry is empty" }
        if visitEndedAt != nil && kind != RecordKind.homeVisit.rawValue {
            return "visitEndedAt: only for home visits"
        }
        return nil
    }
}

/// The fields of each entry kind (REC-1): SOAP notes, home-visit records (訪問診療記録),
/// prescription notes, referral letters (診療情報提供書) and scanned documents; whether a kind
/// must be sealed or belongs to the 診療録 is ``RecordKind``'s.
public struct EntryTemplate: Sendable {
    /// The kind.
    public let recordKind: RecordKind
    /// Every field the kind has.
    public let fields: Set<String>
    /// The fields that must hold text.
    public let required: Set<String>

    /// The kind word (`progress-note`, …).
    public var kind: String { recordKind.rawValue }
    /// Whether the law requires the document to be signed (SIG-1).
    public var requiresSeal: Bool { recordKind.requiresSeal }
    /// Whether it is part of the 診療録 (RET-1).
    public var isMedicalRecord: Bool { recordKind.isMedicalRecord }

    /// The longest text of one field.
    public static let maxFieldLength = 20_000

    static let soap: Set<String> = ["subjective", "objective", "assessment", "plan"]

    /// The fields of `kind`.
    public static func of(_ kind: RecordKind) -> EntryTemplate {
        switch kind {
        case .progressNote: EntryTemplate(recordKind: kind, fields: soap, required: [])
        // The visit's start is the entry's care time.
        case .homeVisit:
            EntryTemplate(recordKind: kind, fields: soap.union(["place", "participants"]), required: ["place"])
        case .prescriptionNote:
            EntryTemplate(recordKind: kind, fields: ["prescription", "note"], required: ["prescription"])
        case .referralLetter:
            EntryTemplate(recordKind: kind, fields: ["recipient", "purpose", "body"], required: ["recipient", "body"])
        // Its files are attachments of the entry.
        case .scannedDocument: EntryTemplate(recordKind: kind, fields: ["title", "description"], required: ["title"])
        }
    }

    /// Every kind, in declaration order.
    public static let all = RecordKind.allCases.map(of)
    /// Every kind by its word.
    public static let byKind = Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })
}
