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
        if visitEndedAt != nil && kind != EntryTemplate.homeVisit.kind {
            return "visitEndedAt: only for home visits"
        }
        return nil
    }
}

/// The fields of each entry kind (REC-1): SOAP notes, home-visit records (訪問診療記録),
/// prescription notes, referral letters (診療情報提供書) and scanned documents.
public struct EntryTemplate: Sendable {
    /// The kind word (`progress-note`, …).
    public let kind: String
    /// Every field the kind has.
    public let fields: Set<String>
    /// The fields that must hold text.
    public let required: Set<String>
    /// Whether the law requires the document to be signed: until electronic signing exists it is
    /// marked "unsigned — print and seal" (SIG-1).
    public let requiresSeal: Bool
    /// Whether it is part of the 診療録 (5-year retention from the end of care, RET-1).
    public let isMedicalRecord: Bool

    /// The longest text of one field.
    public static let maxFieldLength = 20_000

    static let soap: Set<String> = ["subjective", "objective", "assessment", "plan"]

    /// A progress note in SOAP form.
    public static let progressNote = EntryTemplate(
        kind: "progress-note", fields: soap, required: [], requiresSeal: false, isMedicalRecord: true)
    /// A home-visit record: place and participants besides the SOAP notes; the visit's start is
    /// the entry's care time.
    public static let homeVisit = EntryTemplate(
        kind: "home-visit", fields: soap.union(["place", "participants"]), required: ["place"], requiresSeal: false,
        isMedicalRecord: true)
    /// A prescription note.
    public static let prescriptionNote = EntryTemplate(
        kind: "prescription-note", fields: ["prescription", "note"], required: ["prescription"], requiresSeal: false,
        isMedicalRecord: false)
    /// A referral letter (診療情報提供書), which must be signed.
    public static let referralLetter = EntryTemplate(
        kind: "referral-letter", fields: ["recipient", "purpose", "body"], required: ["recipient", "body"],
        requiresSeal: true, isMedicalRecord: false)
    /// A scanned or photographed document; its files are attachments of the entry.
    public static let scannedDocument = EntryTemplate(
        kind: "scanned-document", fields: ["title", "description"], required: ["title"], requiresSeal: false,
        isMedicalRecord: false)

    /// Every kind.
    public static let all = [progressNote, homeVisit, prescriptionNote, referralLetter, scannedDocument]
    /// Every kind by its word.
    public static let byKind = Dictionary(uniqueKeysWithValues: all.map { ($0.kind, $0) })
}
