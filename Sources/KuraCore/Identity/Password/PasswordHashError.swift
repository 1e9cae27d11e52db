/// Why a password hash could not be made, parsed or checked; messages never contain the password,
/// the salt or the hash.
public enum PasswordHashError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stored text is not a `$scrypt$ln=…,r=…,p=…$salt$hash` string of the exact form Kura writes.
    case malformed
    /// The stored scrypt parameters are outside `ScryptParameters`' bounds (a crafted row could
    /// otherwise make a login allocate gigabytes).
    case unsupportedParameters
    /// A salt of other than `PasswordHash.saltByteCount` bytes was given to `make`.
    case invalidSaltLength
    /// scrypt failed internally.
    case derivationFailed

    /// A fixed message per case.
    public var description: String {
        switch self {
        case .malformed: "stored password hash is malformed"
        case .unsupportedParameters: "stored password hash has scrypt parameters out of range"
        case .invalidSaltLength: "password salt must be 16 bytes"
        case .derivationFailed: "password hashing failed"
        }
    }
}
