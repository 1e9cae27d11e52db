/// One edition of a checklist form, or of the guideline requirements, parsed from a data file
/// (issue 8: a new edition is a new data file, not a code change; answers record `id`/`edition`).
///
/// The text format is in `ChecklistFile+Parsing.swift`.
public struct ChecklistFile: Hashable, Sendable {
    /// The checklist's id (`mhlw-r7-institution`), stable across the file's corrections.
    public let id: String
    /// The edition as its publisher names it (`R7`, `6.0`).
    public let edition: String
    /// When the edition was published: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    public let published: String
    /// Which form the file is.
    public let form: ChecklistForm
    /// The form's title.
    public let title: BilingualText
    /// Where the file's content comes from.
    public let source: String
    /// The items in file order.
    public let items: [ChecklistItem]

    /// Creates a file's content.
    public init(
        id: String, edition: String, published: String, form: ChecklistForm, title: BilingualText,
        source: String, items: [ChecklistItem]
    ) {
        self.id = id
        self.edition = edition
        self.published = published
        self.form = form
        self.title = title
        self.source = source
        self.items = items
    }

    /// The item with `id`, if the file has one.
    public func item(_ id: String) -> ChecklistItem? {
        items.first { $0.id == id }
    }
}

/// The forms of the MHLW checklist (catalog 3.2), and the guideline's requirement list.
public enum ChecklistForm: String, Hashable, Sendable, CaseIterable {
    /// 医療機関確認用: answered by the clinic.
    case institution
    /// 事業者確認用: sent by the clinic to each vendor, who answers it.
    case vendor
    /// 薬局確認用: pharmacies (not bundled; Kura serves clinics).
    case pharmacy
    /// The guideline requirements Kura touches (catalog §2), not a form of the checklist.
    case requirements

    /// Whether items carry a printed number (`number:` is required on the checklist's forms).
    public var hasPrintedNumbers: Bool { self != .requirements }
}
