/// Why an encrypted value could not be sealed, opened or re-wrapped; the cases reveal nothing about keys or data.
public enum EncryptionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The serialised value is not a well-formed encrypted value of a known format.
    case malformed
    /// The value, its wrapped key or its context does not authenticate: tampered, moved or a wrong key.
    case authenticationFailed
    /// The value's data key is wrapped by a KEK version the key ring does not hold.
    case unknownKeyVersion(KeyVersion)
    /// The cipher refused to seal (an internal failure; no data was produced).
    case sealingFailed

    /// A fixed message per case (the key version is an opaque number, not a secret).
    public var description: String {
        switch self {
        case .malformed: "encrypted value is malformed"
        case .authenticationFailed: "encrypted value failed authentication"
        case .unknownKeyVersion(let version): "encrypted value needs key-encryption key \(version), which is not loaded"
        case .sealingFailed: "encryption failed"
        }
    }
}
