import KuraCore

/// The checklists as the running server answers them: the bundled files parsed once at start,
/// the facts gathered per request from the live state with the server's settings.
public struct ComplianceCheck: Sendable {
    /// The service that keeps the registries and answers.
    public let service: ComplianceService
    /// The bundled checklists, in order.
    public let checklists: [ChecklistFile]
    /// The configuration's part the facts need.
    public let settings: ComplianceSettings

    /// Parses the bundled checklists; a broken file stops the server at start with the line.
    public init(service: ComplianceService, settings: ComplianceSettings) throws {
        self.service = service
        self.checklists = try BundledChecklists.load()
        self.settings = settings
    }

    /// Every checklist answered now.
    public func reports() async throws(ComplianceError) -> [ChecklistReport] {
        try await reportsAndFacts().reports
    }

    /// Every checklist answered now, and the facts they were answered from (the overview shows
    /// the registries' sizes from them rather than counting again).
    func reportsAndFacts() async throws(ComplianceError) -> (reports: [ChecklistReport], facts: ComplianceFacts) {
        let facts = try await service.facts(settings: settings)
        let answers = try await service.answers()
        return (checklists.map { ChecklistReport(checklist: $0, facts: facts, answers: answers) }, facts)
    }

    /// The checklist `id` answered now.
    public func report(_ id: String) async throws(ComplianceError) -> ChecklistReport {
        guard let checklist = checklists.first(where: { $0.id == id }) else { throw .notFound("checklist") }
        let facts = try await service.facts(settings: settings)
        return ChecklistReport(checklist: checklist, facts: facts, answers: try await service.answers())
    }
}
