extension PageText {
    /// The words of the access log.
    static let audit: [String: (ja: String, en: String)] = [:]
}
