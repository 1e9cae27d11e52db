import Crypto

/// A PHI value encrypted with AES-256-GCM under its own data key, which is wrapped by the clinic KEK.
///
/// Design (DESIGN.md "Envelope encryption", ENC-1): every sealed value carries its own fresh data key,
/// wrapped with AES-256-GCM by the clinic's KEK. That is the simplest layout that keeps "a data key per
/// object" — the object here is the value (a field, or one attachment chunk) — and it is self-describing:
/// the serialised bytes name the KEK version, so rotation re-wraps one value at a time (`rewrapped`)
/// without touching the content ciphertext. Both the content and the wrapped key are bound by associated
/// data to the `FieldContext` (clinic, object id, field, version); the wrap also binds the KEK version.
///
/// Nonces are 96-bit random values (NIST SP 800-38D §8.2.2). A data key is used once, so its nonce can
/// never repeat; the KEK sees one random nonce per sealed value, which stays far below the 2^32
/// invocations SP 800-38D §8.3 allows per key for a clinic's lifetime of writes, and rotation resets it.
public struct EncryptedField: Hashable, Sendable {
    /// The KEK version the data key is wrapped with.
    public let keyVersion: KeyVersion
    /// The wrapped data key: nonce, ciphertext (32 bytes) and tag, each of fixed length.
    let wrapNonce: [UInt8]
    let wrappedKey: [UInt8]
    let wrapTag: [UInt8]
    /// The content: nonce, ciphertext (same length as the plaintext) and tag.
    let nonce: [UInt8]
    let ciphertext: [UInt8]
    let tag: [UInt8]

    /// Seals `plaintext` for `context` under a fresh data key wrapped by `kek`.
    public static func seal(
        _ plaintext: some Collection<UInt8>,
        context: FieldContext,
        kek: KeyEncryptionKey,
        using random: some RandomBytesSource
    ) throws(EncryptionError) -> EncryptedField {
        let dataKey = DataKey.generate(using: random)
        let content = try gcmSeal(
            Array(plaintext), key: dataKey.key, nonce: random.exactly(Self.nonceByteCount),
            associatedData: context.associatedData(for: .content))
        let wrap = try wrap(dataKey, context: context, kek: kek, using: random)
        return EncryptedField(
            keyVersion: kek.version, wrapNonce: wrap.nonce, wrappedKey: wrap.ciphertext, wrapTag: wrap.tag,
            nonce: content.nonce, ciphertext: content.ciphertext, tag: content.tag)
    }

    /// Opens the value read from the row described by `context`, unwrapping its data key with `keys`.
    public func open(context: FieldContext, keys: KeyRing) throws(EncryptionError) -> [UInt8] {
        let dataKey = try unwrapDataKey(context: context, keys: keys)
        return try Self.gcmOpen(
            nonce: nonce, ciphertext: ciphertext, tag: tag, key: dataKey.key,
            associatedData: context.associatedData(for: .content))
    }

    /// The same value with its data key re-wrapped by `newKEK`; the content ciphertext is unchanged.
    ///
    /// This is the rotation step: read a batch, re-wrap, write back with the new version.
    public func rewrapped(
        context: FieldContext,
        keys: KeyRing,
        to newKEK: KeyEncryptionKey,
        using random: some RandomBytesSource
    ) throws(EncryptionError) -> EncryptedField {
        let dataKey = try unwrapDataKey(context: context, keys: keys)
        let wrap = try Self.wrap(dataKey, context: context, kek: newKEK, using: random)
        return EncryptedField(
            keyVersion: newKEK.version, wrapNonce: wrap.nonce, wrappedKey: wrap.ciphertext, wrapTag: wrap.tag,
            nonce: nonce, ciphertext: ciphertext, tag: tag)
    }

    private func unwrapDataKey(context: FieldContext, keys: KeyRing) throws(EncryptionError) -> DataKey {
        guard let kek = keys.key(for: keyVersion) else { throw .unknownKeyVersion(keyVersion) }
        let raw = try Self.gcmOpen(
            nonce: wrapNonce, ciphertext: wrappedKey, tag: wrapTag, key: kek.key,
            associatedData: context.associatedData(for: .dataKeyWrap(keyVersion)))
        return DataKey(key: SymmetricKey(data: raw))
    }

    private static func wrap(
        _ dataKey: DataKey,
        context: FieldContext,
        kek: KeyEncryptionKey,
        using random: some RandomBytesSource
    ) throws(EncryptionError) -> (nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
        let raw = dataKey.key.withUnsafeBytes { Array($0) }
        return try gcmSeal(
            raw, key: kek.key, nonce: random.exactly(nonceByteCount),
            associatedData: context.associatedData(for: .dataKeyWrap(kek.version)))
    }

    private static func gcmSeal(
        _ plaintext: [UInt8],
        key: SymmetricKey,
        nonce: [UInt8],
        associatedData: [UInt8]
    ) throws(EncryptionError) -> (nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
        do {
            let box = try AES.GCM.seal(
                plaintext, using: key, nonce: AES.GCM.Nonce(data: nonce), authenticating: associatedData)
            return (nonce, Array(box.ciphertext), Array(box.tag))
        } catch {
            throw .sealingFailed
        }
    }

    private static func gcmOpen(
        nonce: [UInt8],
        ciphertext: [UInt8],
        tag: [UInt8],
        key: SymmetricKey,
        associatedData: [UInt8]
    ) throws(EncryptionError) -> [UInt8] {
        do {
            let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: nonce), ciphertext: ciphertext, tag: tag)
            return Array(try AES.GCM.open(box, using: key, authenticating: associatedData))
        } catch {
            throw .authenticationFailed
        }
    }
}
