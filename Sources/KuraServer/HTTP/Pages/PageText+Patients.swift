extension PageText {
    /// The words of the patient list, search, registration, care team, lists and break-glass.
    static let patients: [String: (ja: String, en: String)] = [:]
}
