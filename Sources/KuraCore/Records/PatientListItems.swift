/// The items of one structured list of a patient (allergies, problems, medications), sealed as
/// one document per revision.
public struct PatientListItems: Codable, Sendable, Equatable {
    /// One line of a list.
    public struct Item: Codable, Sendable, Equatable {
        /// What it is (an allergen, a diagnosis, a drug and dose), 1 to 500 characters.
        public var text: String
        /// A note (reaction, status, instructions), up to 500 characters.
        public var note: String?
        /// Since when, `YYYY-MM-DD`.
        public var since: String?

        /// Creates an item.
        public init(text: String, note: String? = nil, since: String? = nil) {
            self.text = text
            self.note = note
            self.since = since
        }
    }

    /// The items in the order the clinician put them.
    public var items: [Item]

    /// Creates a list.
    public init(items: [Item]) {
        self.items = items
    }

    /// The most items a list holds.
    public static let maxItems = 200

    /// The first rule the list breaks, or nil.
    public var validationError: String? {
        if items.count > Self.maxItems { return "items: at most \(Self.maxItems)" }
        for (index, item) in items.enumerated() {
            if !PatientDemographics.isText(item.text, max: 500) { return "items[\(index)].text: 1 to 500 characters" }
            if let note = item.note, note.count > 500 { return "items[\(index)].note: at most 500 characters" }
            if let since = item.since, !PatientDemographics.isDate(since) {
                return "items[\(index)].since: a date as YYYY-MM-DD"
            }
        }
        return nil
    }
}
