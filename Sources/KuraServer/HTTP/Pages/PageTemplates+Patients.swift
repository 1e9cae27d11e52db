extension PageTemplates {
    /// The templates of the patient pages by name.
    static var patientTemplates: [String: String] { [:] }
}
