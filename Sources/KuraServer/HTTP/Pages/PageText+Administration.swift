extension PageText {
    /// The words of the policies page, the dormant-account report and the roles form.
    static let administration: [String: (ja: String, en: String)] = [:]
}
