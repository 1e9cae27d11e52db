/// Why a note key (verifier key string, signer key string or name) is not acceptable.
///
/// No case carries key bytes.
public enum NoteKeyError: Error, Equatable, Sendable {
    /// The name is empty or contains a space, a plus sign or a control character.
    case invalidName
    /// The verifier key is not `<name>+<8 lower-case hex>+<base64>`.
    case malformedVerifierKey
    /// The signer key is not `PRIVATE+KEY+<name>+<8 lower-case hex>+<base64>`.
    case malformedSignerKey
    /// The key data does not start with 0x01 (Ed25519) or has the wrong length.
    case unsupportedKeyType
    /// The key bytes are not a valid Ed25519 key.
    case invalidKey
    /// The key ID in the string is not the one computed from the name and key.
    case keyIDMismatch
}

extension NoteKeyError: CustomStringConvertible {
    /// A fixed message per case.
    public var description: String {
        switch self {
        case .invalidName: "note key: invalid key name"
        case .malformedVerifierKey: "note key: malformed verifier key"
        case .malformedSignerKey: "note key: malformed signer key"
        case .unsupportedKeyType: "note key: unsupported key type"
        case .invalidKey: "note key: invalid key bytes"
        case .keyIDMismatch: "note key: key ID does not match name and key"
        }
    }
}
