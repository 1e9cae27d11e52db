import Crypto

/// The HMAC hash of an HOTP or TOTP code (RFC 6238 §1.2 allows SHA-1, SHA-256 and SHA-512).
///
/// Kura enrols SHA-1 only, since that is what every authenticator app supports (MFA-1); the others exist
/// for the RFC 6238 Appendix B vectors and for importing secrets from other systems.
public enum OTPAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// HMAC-SHA-1, the default of RFC 4226 and of authenticator apps.
    case sha1
    /// HMAC-SHA-256.
    case sha256
    /// HMAC-SHA-512.
    case sha512

    /// The name used in the `algorithm` parameter of an `otpauth://` URI.
    public var uriName: String {
        switch self {
        case .sha1: "SHA1"
        case .sha256: "SHA256"
        case .sha512: "SHA512"
        }
    }

    /// HMAC of `message` under `key`.
    func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        let key = SymmetricKey(data: key)
        return switch self {
        case .sha1: Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key))
        case .sha256: Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        case .sha512: Array(HMAC<SHA512>.authenticationCode(for: message, using: key))
        }
    }
}
