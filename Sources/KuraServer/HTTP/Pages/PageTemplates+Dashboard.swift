extension PageTemplates {
    /// The dashboard's templates by name.
    static var dashboardTemplates: [String: String] { [:] }
}
