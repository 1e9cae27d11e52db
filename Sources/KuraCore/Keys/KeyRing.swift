/// The key-encryption keys a server holds: the current one (for sealing) and earlier ones (for opening).
///
/// During a rotation old values still name the old version; the ring opens them until every data key has
/// been re-wrapped to the current version (DESIGN.md "Envelope encryption").
public struct KeyRing: Sendable {
    /// The key new values are wrapped with.
    public let current: KeyEncryptionKey

    private let byVersion: [KeyVersion: KeyEncryptionKey]

    /// A ring holding one key.
    public init(_ current: KeyEncryptionKey) {
        self.current = current
        self.byVersion = [current.version: current]
    }

    /// A ring with earlier keys too; returns nil if two keys share a version (which one would open is unclear).
    public init?(current: KeyEncryptionKey, previous: [KeyEncryptionKey]) {
        var byVersion = [current.version: current]
        for key in previous {
            guard byVersion.updateValue(key, forKey: key.version) == nil else { return nil }
        }
        self.current = current
        self.byVersion = byVersion
    }

    /// The key stored under `version`, if the ring holds it.
    public func key(for version: KeyVersion) -> KeyEncryptionKey? {
        byVersion[version]
    }

    /// The versions the ring holds, in ascending order.
    public var versions: [KeyVersion] {
        byVersion.keys.sorted()
    }
}

extension KeyRing: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Lists the versions only.
    public var description: String {
        "KeyRing(current: \(current.version), versions: \(versions.map(\.description).joined(separator: ",")))"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// An empty mirror, so `dump` cannot reach the keys.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
