/// The registries a clinic fills in (issue 8, "Registries"); a `prefilled` item names one after
/// `registry:` and is answered from its entries, then confirmed by a person.
public enum RegistryID: String, Hashable, Sendable, CaseIterable, Comparable {
    /// The security officer and the planning manager (GOV-1).
    case officers
    /// Servers, terminals, network devices, BYOD and IoT devices (INV-1/INV-2).
    case devices
    /// Vendors, remote maintenance, MDS/SDS and the responsibility split (GOV-3, NET-5, EXT-2).
    case vendors
    /// The incident contact chart (INC-1).
    case contacts
    /// Rules, regulations and plans with their approval and review dates (GOV-2, INC-2).
    case documents
    /// Staff training (GOV-4).
    case training
    /// Incidents, with the APPI report deadlines (PRIV-2).
    case incidents

    /// Orders by declaration.
    public static func < (lhs: RegistryID, rhs: RegistryID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
