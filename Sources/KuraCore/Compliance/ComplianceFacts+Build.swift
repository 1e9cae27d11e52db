/// The running build (MAL-2, checklist 2⑥).
public struct BuildFacts: Hashable, Sendable {
    /// Kura's version.
    public var version: String
    /// When the binary was built, nil when unknown.
    public var builtAt: Int64?
    /// The direct dependencies with their exact versions.
    public var dependencies: [Dependency]

    /// A dependency and its version.
    public struct Dependency: Hashable, Sendable {
        /// The package name.
        public var name: String
        /// The exact version.
        public var version: String

        /// Creates a dependency.
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// Creates the facts.
    public init(version: String, builtAt: Int64?, dependencies: [Dependency]) {
        self.version = version
        self.builtAt = builtAt
        self.dependencies = dependencies
    }
}

/// The device registry's counts and policy (INV-1/INV-2, checklist 2①).
public struct DeviceFacts: Hashable, Sendable {
    /// Client devices ever recorded (from sign-ins and manual entries).
    public var seen: Int
    /// Devices approved for use.
    public var approved: Int
    /// Devices waiting for approval.
    public var pending: Int
    /// Devices whose approval was revoked.
    public var revoked: Int
    /// Whether policy requires an administrator's approval before a device reaches patient data.
    public var approvalRequired: Bool

    /// Creates the facts.
    public init(seen: Int, approved: Int, pending: Int, revoked: Int, approvalRequired: Bool) {
        self.seen = seen
        self.approved = approved
        self.pending = pending
        self.revoked = revoked
        self.approvalRequired = approvalRequired
    }
}
