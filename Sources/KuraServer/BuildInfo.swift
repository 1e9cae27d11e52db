/// The version of this build and the dependency versions it was built with, for
/// `kura --version` and the lifecycle leaves. `Package.swift` pins the same versions with
/// `exact:`; a test checks that the two lists agree.
public enum BuildInfo {
    /// Kura's own version.
    public static let version = "0.1.0"

    /// Every direct dependency as (package URL's last component, exact version), sorted.
    public static let dependencies: [(name: String, version: String)] = [
        ("GRDB.swift", "7.10.0"),
        ("hummingbird", "2.28.1"),
        ("postgres-nio", "1.33.2"),
        ("swift-argument-parser", "1.8.2"),
        ("swift-asn1", "1.7.4"),
        ("swift-certificates", "1.21.1"),
        ("swift-configuration", "1.4.0"),
        ("swift-crypto", "4.5.2"),
        ("swift-log", "1.16.2"),
        ("swift-mustache", "2.1.1"),
        ("swift-nio", "2.101.3"),
        ("swift-nio-ssl", "2.37.6"),
        ("swift-service-lifecycle", "2.13.0"),
    ]

    /// The text `kura --version` prints.
    public static var versionText: String {
        var lines = ["kura \(version)"]
        lines += dependencies.map { "  \($0.name) \($0.version)" }
        return lines.joined(separator: "\n")
    }
}
