extension PageTemplates {
    /// The templates of the policies page and the dormant-account report by name.
    static var administrationTemplates: [String: String] { [:] }
}
