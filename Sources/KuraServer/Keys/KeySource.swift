import KuraCore

/// The one abstraction that loads a server's root secrets (DESIGN.md "Keys and encryption").
///
/// The embedded default is a `FileKeySource` in the data folder; several servers on PostgreSQL share one
/// configured key file. Other sources (an HSM, a cloud KMS) would conform to this protocol.
public protocol KeySource: Sendable {
    /// Loads the root key material, creating it first where the source is allowed to.
    func loadRootKeys() async throws(KeySourceError) -> ClinicKeyMaterial
}
