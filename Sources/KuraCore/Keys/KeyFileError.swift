/// Why a key file could not be made or opened; messages never contain key bytes or the passphrase.
public enum KeyFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes are not a Kura key file, or a field has an impossible length or value.
    case malformed
    /// The file was written by a newer Kura (its format number is shown).
    case unsupportedFormat(UInt8)
    /// The file's SHA-256 checksum does not match: it was damaged or edited.
    case corrupted
    /// The file is sealed with a passphrase and none was given.
    case passphraseRequired
    /// A passphrase was given but the file is not sealed (refused so a misconfiguration is noticed).
    case passphraseNotExpected
    /// The passphrase does not open the file (or its key-derivation header was altered).
    case wrongPassphrase
    /// The passphrase is right but the sealed secrets or header were altered.
    case authenticationFailed
    /// An empty passphrase cannot seal a file.
    case emptyPassphrase
    /// The clinic id must be 1 to 255 bytes of UTF-8.
    case invalidClinicID
    /// The stored scrypt parameters are outside the accepted bounds.
    case unsupportedScryptParameters
    /// scrypt or AES-GCM failed internally.
    case keyDerivationFailed

    /// A fixed message per case.
    public var description: String {
        switch self {
        case .malformed: "not a valid Kura key file"
        case .unsupportedFormat(let format): "key file format \(format) is newer than this version of Kura supports"
        case .corrupted: "key file checksum does not match: the file is damaged or was edited"
        case .passphraseRequired: "key file is sealed with a passphrase; set KURA_KEY_PASSPHRASE"
        case .passphraseNotExpected: "a passphrase was given but the key file is not sealed"
        case .wrongPassphrase: "wrong passphrase for the key file"
        case .authenticationFailed: "key file secrets failed authentication: the file was altered"
        case .emptyPassphrase: "the key file passphrase must not be empty"
        case .invalidClinicID: "clinic id must be 1 to 255 bytes"
        case .unsupportedScryptParameters: "key file scrypt parameters are out of range"
        case .keyDerivationFailed: "key derivation or sealing failed"
        }
    }
}
