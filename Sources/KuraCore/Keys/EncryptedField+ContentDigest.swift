import Crypto

extension EncryptedField {
    /// The SHA-256 of the content's nonce, ciphertext and tag: what a ledger leaf commits to for
    /// a sealed value (REC-2).
    ///
    /// The wrapped data key is left out on purpose: key rotation re-wraps data keys in place
    /// (``rewrapped(context:keys:to:using:)``) and must not break the log's commitments. Leaving
    /// it out loses nothing: a different wrapped key either unwraps to the same data key or the
    /// content no longer opens.
    public var contentDigest: LogHash {
        var hasher = SHA256()
        hasher.update(data: nonce)
        hasher.update(data: ciphertext)
        hasher.update(data: tag)
        return LogHash(hasher.finalize())
    }

    /// ``contentDigest`` of serialised bytes, in lower-case hex; nil when they are not a sealed value.
    public static func contentDigestHex(ofSerialized bytes: [UInt8]) -> String? {
        (try? EncryptedField(serialized: bytes))?.contentDigest.hex
    }
}
