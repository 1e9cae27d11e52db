extension PageText {
    /// The words of the entry view, the editor and the approval queue.
    static let entries: [String: (ja: String, en: String)] = [:]
}
