extension PageText {
    /// The words of the dashboard.
    static let dashboard: [String: (ja: String, en: String)] = [:]
}
