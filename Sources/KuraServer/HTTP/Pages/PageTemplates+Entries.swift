extension PageTemplates {
    /// The templates of the entry pages by name.
    static var entryTemplates: [String: String] { [:] }
}
