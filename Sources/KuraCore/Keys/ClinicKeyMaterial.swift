/// A clinic's root secrets: the log's Ed25519 signing seed and the current key-encryption key.
///
/// One clinic has one log and one KEK (DESIGN.md "Keys and encryption"); a `KeySource` loads this from
/// the key file. The description shows the clinic id and KEK version only.
public struct ClinicKeyMaterial: Sendable, Equatable {
    /// The clinic these keys belong to.
    public let clinicID: String
    /// The seed of the log's signing key.
    public let logSigningSeed: LogSigningKeySeed
    /// The clinic's current key-encryption key.
    public let keyEncryptionKey: KeyEncryptionKey

    /// Creates key material from its parts.
    public init(clinicID: String, logSigningSeed: LogSigningKeySeed, keyEncryptionKey: KeyEncryptionKey) {
        self.clinicID = clinicID
        self.logSigningSeed = logSigningSeed
        self.keyEncryptionKey = keyEncryptionKey
    }

    /// Makes fresh key material for a new clinic.
    public static func generate(
        clinicID: String,
        keyVersion: KeyVersion = .initial,
        using random: some RandomBytesSource
    ) -> ClinicKeyMaterial {
        ClinicKeyMaterial(
            clinicID: clinicID,
            logSigningSeed: .generate(using: random),
            keyEncryptionKey: .generate(version: keyVersion, using: random))
    }
}

extension ClinicKeyMaterial: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The clinic id and KEK version; the secrets are never printed.
    public var description: String {
        "ClinicKeyMaterial(clinic: \(clinicID), kek: \(keyEncryptionKey.version), secrets redacted)"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Shows the clinic id only, so `dump` cannot reach the secrets.
    public var customMirror: Mirror { Mirror(self, children: ["clinicID": clinicID]) }
}
