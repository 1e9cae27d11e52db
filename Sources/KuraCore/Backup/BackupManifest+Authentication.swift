import Crypto

/// `manifest.mac`, and opening a manifest with the recovery key.
extension BackupManifest {
    /// HMAC-SHA256 of `encoded()` under the generation key's manifest subkey, in lower-case hex: the
    /// content of `manifest.mac`.
    public func authenticator(key: GenerationKey) -> String {
        Self.authenticator(of: encoded(), key: key)
    }

    /// Reads a manifest, unwraps its generation key with `recoveryKey` and checks its authenticator.
    ///
    /// Refuses with `.manifestUnreadable`, `.unsupportedManifestVersion`, `.wrongRecoveryKey` (the
    /// recovery key's fingerprint is not the manifest's, and the wrapped key does not open) or
    /// `.manifestAltered` (any changed byte of the manifest or the authenticator; a wrapped key that
    /// does not open although the fingerprint matches was altered or moved from another generation).
    /// Whitespace around `authenticator` (a file's final newline) is ignored.
    public static func open(
        manifestBytes: [UInt8],
        authenticator: String,
        recoveryKey: RecoveryKey
    ) throws(BackupCryptoError) -> (BackupManifest, GenerationKey) {
        let manifest = try decodeUnauthenticated(manifestBytes)
        let key: GenerationKey
        do {
            key = try GenerationKey.unwrap(
                manifest.wrappedKey, with: recoveryKey, generationID: manifest.generationID)
        } catch {
            // HPKE cannot tell another key from an altered wrap; the (unauthenticated) fingerprint can,
            // for the message only: either way nothing is opened.
            throw recoveryKey.publicKey.fingerprint == manifest.recoveryKeyFingerprint
                ? .manifestAltered : .wrongRecoveryKey
        }
        let expected = Array(Self.authenticator(of: manifestBytes, key: key).utf8)
        let given = Array(authenticator[...].trimmingWhitespace().utf8)
        guard ConstantTime.equal(expected, given) else { throw .manifestAltered }
        return (manifest, key)
    }

    private static func authenticator(of bytes: [UInt8], key: GenerationKey) -> String {
        LowerHex.encode(HMAC<SHA256>.authenticationCode(for: bytes, using: key.manifestMACKey))
    }
}
