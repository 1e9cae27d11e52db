import Crypto

/// Wrapping a generation key to the recovery public key with HPKE (RFC 9180).
///
/// Base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM (suite 0x0020/0x0001/0x0002). The
/// info string names the purpose and the generation id is the associated data, so a wrapped key copied
/// into another generation's manifest does not open. HPKE draws its ephemeral key from the system's
/// random source inside swift-crypto, not from a `RandomBytesSource`: the one place in KuraCore where
/// randomness is not a parameter, accepted because the API offers no way to pass it, and because the
/// ephemeral key is thrown away and needs no reproducing.
extension GenerationKey {
    static let ciphersuite = HPKE.Ciphersuite(kem: .Curve25519_HKDF_SHA256, kdf: .HKDF_SHA256, aead: .AES_GCM_256)
    static let wrapInfo = Array("kura backup generation key v1".utf8)

    /// This key sealed to `recoveryKey` for the generation `generationID`.
    public func wrapped(
        to recoveryKey: RecoveryPublicKey,
        generationID: String
    ) throws(BackupCryptoError) -> WrappedGenerationKey {
        do {
            var sender = try HPKE.Sender(
                recipientKey: recoveryKey.key, ciphersuite: Self.ciphersuite, info: cryptoBytes(Self.wrapInfo))
            let raw = key.withUnsafeBytes { Array($0) }
            let ciphertext = try sender.seal(raw, authenticating: Array(generationID.utf8))
            return WrappedGenerationKey(encapsulatedKey: Array(sender.encapsulatedKey), ciphertext: Array(ciphertext))
        } catch {
            throw .keyWrappingFailed
        }
    }

    /// Opens a wrapped key with the recovery key; `.wrongRecoveryKey` when it is not the key it was
    /// wrapped to, or `generationID` is not the generation it was wrapped for (HPKE cannot tell the two
    /// apart: both are one failed AEAD tag).
    public static func unwrap(
        _ wrapped: WrappedGenerationKey,
        with recoveryKey: RecoveryKey,
        generationID: String
    ) throws(BackupCryptoError) -> GenerationKey {
        let raw: [UInt8]
        do {
            var recipient = try HPKE.Recipient(
                privateKey: recoveryKey.key, ciphersuite: ciphersuite, info: cryptoBytes(wrapInfo),
                encapsulatedKey: cryptoBytes(wrapped.encapsulatedKey))
            raw = Array(try recipient.open(wrapped.ciphertext, authenticating: Array(generationID.utf8)))
        } catch {
            throw .wrongRecoveryKey
        }
        guard raw.count == byteCount else { throw .wrongRecoveryKey }
        return GenerationKey(key: SymmetricKey(data: raw))
    }
}
