/// Why an emergency key, key file or page could not be made or opened (REC-3). The cases
/// reveal nothing about keys, passphrases or patients.
public enum EmergencyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A salt of the wrong length or fewer than ``EmergencyKey/minimumIterations`` iterations.
    case weakParameters
    /// PBKDF2 refused to run (an internal failure).
    case derivationFailed
    /// The cipher refused to seal (an internal failure; nothing was produced).
    case sealingFailed
    /// A page does not open: a wrong key or passphrase, or a damaged file.
    case authenticationFailed
    /// The key file is not a well-formed emergency key file of a known version.
    case malformedKeyFile
    /// The key file does not open with the clinic's key-encryption key (another clinic's, or
    /// tampered with).
    case keyFileDoesNotOpen
    /// A page's content could not be encoded (a value outside the canonical JSON subset).
    case encodingFailed

    /// A fixed message per case.
    public var description: String {
        switch self {
        case .weakParameters:
            "the emergency key needs a 16-byte salt and at least \(EmergencyKey.minimumIterations) PBKDF2 iterations"
        case .derivationFailed: "PBKDF2 failed"
        case .sealingFailed: "encryption failed"
        case .authenticationFailed: "the page does not open with this key (wrong passphrase or damaged file)"
        case .malformedKeyFile: "the emergency key file is malformed"
        case .keyFileDoesNotOpen: "the emergency key file does not open with this clinic's key-encryption key"
        case .encodingFailed: "the page content could not be encoded"
        }
    }
}
