/// The version of a clinic's key-encryption key; rotation adds a version and re-wraps data keys to it.
///
/// Versions are stored in plain beside every encrypted value (DESIGN.md "Envelope encryption": a
/// key-version column lets rotation re-wrap in batches while serving).
public struct KeyVersion: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The version number as stored.
    public let rawValue: UInt32

    /// Creates a version from its stored number.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Creates a version from its stored number.
    public init(_ rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The first version a clinic's key-encryption key gets.
    public static let initial = KeyVersion(1)

    /// The version after this one, or nil when the number space is exhausted.
    public var next: KeyVersion? {
        let (value, overflow) = rawValue.addingReportingOverflow(1)
        return overflow ? nil : KeyVersion(value)
    }

    /// Orders versions by number (a later rotation has a larger number).
    public static func < (lhs: KeyVersion, rhs: KeyVersion) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The version as `v<number>`.
    public var description: String { "v\(rawValue)" }
}
