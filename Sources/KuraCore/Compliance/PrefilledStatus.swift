/// The state of a `prefilled` item before a person confirms it (issue 8, "Registries"): a
/// registry with entries proposes an answer that a person still has to confirm; an empty one
/// means the evidence is missing. Neither passes on its own (GOV-1: an officer on record is not
/// yet an officer confirmed).
public enum PrefilledStatus: Hashable, Sendable {
    /// The registry has entries: an answer is proposed and needs a person's confirmation.
    case needsConfirmation(registry: RegistryID, entries: Int)
    /// The registry is empty: the clinic has not recorded the evidence.
    case missing(registry: RegistryID)

    /// The status from a registry's entry count (negative counts as empty).
    public init(registry: RegistryID, entries: Int) {
        self = entries > 0 ? .needsConfirmation(registry: registry, entries: entries) : .missing(registry: registry)
    }

    /// The status of `registry` in the facts.
    public init(registry: RegistryID, facts: ComplianceFacts) {
        self.init(registry: registry, entries: facts.registryEntries[registry] ?? 0)
    }
}
