import Crypto

/// HMAC-SHA256 blind indexes for exact lookups without a plaintext index (DESIGN "Search
/// without plaintext indexes"): the key is derived from the clinic KEK for one purpose, so the
/// index of a patient number cannot be compared with the index of a birth date, nor across
/// clinics.
public struct BlindIndex: Sendable {
    let key: SymmetricKey

    /// The index key for `purpose` (for example `patient.number`), derived from the KEK.
    public init(kek: KeyEncryptionKey, purpose: String) {
        key = kek.derivedKey(purpose: "kura.blind-index.\(purpose)")
    }

    /// The 32-byte index of `value`, already normalised by the caller.
    public func index(of value: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(value.utf8), using: key))
    }
}
