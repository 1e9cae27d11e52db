/// Why a backup key, sealed file or manifest could not be made or opened.
///
/// Each case is a fixed sentence (STYLE.md 4): no key bytes, no recovery key text, no file content, so a
/// description can go to a log or a terminal as it is. Format numbers are shown; they are not secrets.
public enum BackupCryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: Recovery key text

    /// The text does not start with `KURA-RECOVERY-1-` (perhaps another key, or a public key file).
    case recoveryKeyWrongPrefix
    /// The text holds a character that is not in the base32 alphabet (A–Z, 2–7) or a separator.
    case recoveryKeyInvalidCharacter
    /// The text has too few or too many characters for a recovery key.
    case recoveryKeyWrongLength
    /// The text is well formed but its checksum does not match: a character was mistyped.
    case recoveryKeyChecksumMismatch
    /// A recovery public key is not `kura-recovery-public-1:` and the base64 of 32 bytes.
    case invalidRecoveryPublicKey

    // MARK: Generation keys

    /// The recovery key does not open the wrapped generation key: a different recovery key, or a
    /// wrapped key that belongs to another generation.
    case wrongRecoveryKey
    /// HPKE could not wrap the generation key to the recovery public key (an unusable public key).
    case keyWrappingFailed

    // MARK: Sealed files

    /// The file does not start with the `KURASEAL` magic: it is not a sealed backup file.
    case notASealedFile
    /// The sealed file format is newer than this version of Kura reads.
    case unsupportedSealedFileVersion(UInt16)
    /// The sealed file header has non-zero reserved bytes or a chunk size out of range.
    case malformedSealedFileHeader
    /// A frame announces a length no writer produces (shorter than a tag, longer than a chunk and tag).
    case frameLengthOutOfRange
    /// A frame failed authentication: the file is damaged, altered, reordered, renamed, or opened
    /// with another generation's key.
    case fileDamaged
    /// The file ends before its final frame: it was cut short.
    case truncated
    /// Bytes follow the final frame.
    case trailingData

    // MARK: Manifests

    /// The manifest is not JSON of the expected shape.
    case manifestUnreadable
    /// The manifest format is newer than this version of Kura reads.
    case unsupportedManifestVersion(Int)
    /// The manifest or its authenticator was changed after the backup was written.
    case manifestAltered

    /// A fixed message per case; never key material or file content.
    public var description: String {
        switch self {
        case .recoveryKeyWrongPrefix: "recovery key must start with KURA-RECOVERY-1-"
        case .recoveryKeyInvalidCharacter:
            "recovery key contains a character other than A-Z, 2-7, spaces and dashes"
        case .recoveryKeyWrongLength: "recovery key has the wrong number of characters"
        case .recoveryKeyChecksumMismatch: "recovery key checksum does not match: a character is mistyped"
        case .invalidRecoveryPublicKey: "recovery public key must be kura-recovery-public-1: and 32 bytes of base64"
        case .wrongRecoveryKey:
            "the recovery key does not open this generation key (another recovery key, or another generation)"
        case .keyWrappingFailed: "the generation key could not be wrapped to the recovery public key"
        case .notASealedFile: "not a sealed Kura backup file"
        case .unsupportedSealedFileVersion(let version):
            "sealed backup file format \(version) is newer than this version of Kura supports"
        case .malformedSealedFileHeader: "sealed backup file header is malformed"
        case .frameLengthOutOfRange: "sealed backup file has a frame of impossible length: the file is damaged"
        case .fileDamaged: "sealed backup file failed authentication: it is damaged, altered or misnamed"
        case .truncated: "sealed backup file ends before its final frame: it was cut short"
        case .trailingData: "sealed backup file has bytes after its final frame"
        case .manifestUnreadable: "backup manifest is not readable"
        case .unsupportedManifestVersion(let version):
            "backup manifest format \(version) is newer than this version of Kura supports"
        case .manifestAltered: "backup manifest failed authentication: it was altered"
        }
    }
}
