extension PageTemplates {
    /// The templates of the access-log pages by name.
    static var auditTemplates: [String: String] { [:] }
}
