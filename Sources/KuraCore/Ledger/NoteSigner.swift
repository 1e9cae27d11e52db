import Crypto

/// An Ed25519 private key that signs C2SP signed notes under one key name.
///
/// The key is opaque: nothing here returns its bytes, and `description`, `debugDescription` and
/// the reflection mirror (what `dump` prints) are redacted (STYLE.md 4: no key bytes in any
/// description). Key loading and storage belong to the key source, which hands the key in.
public struct NoteSigner: Sendable {
    /// The key name; for a log's checkpoints it equals the origin (DESIGN.md "Checkpoints").
    public let name: String
    /// The key ID, as in `verifier`.
    public let keyID: UInt32
    /// The matching public verifier.
    public let verifier: NoteVerifier

    private let privateKey: Curve25519.Signing.PrivateKey

    /// Creates a signer for a name and an Ed25519 private key.
    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) throws(NoteKeyError) {
        let verifier = try NoteVerifier(name: name, publicKey: privateKey.publicKey)
        self.name = name
        self.keyID = verifier.keyID
        self.verifier = verifier
        self.privateKey = privateKey
    }

    /// Parses the golang.org/x/mod/sumdb/note signer key format
    /// `PRIVATE+KEY+<name>+<8 hex>+<base64(0x01 ‖ 32-byte seed)>`; the key ID must match.
    public init(parsing signerKey: some StringProtocol) throws(NoteKeyError) {
        let parts = signerKey.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY" else { throw .malformedSignerKey }
        guard NoteKeyName.isValid(parts[2]) else { throw .invalidName }
        guard let keyID = NoteKeyName.parseKeyID(parts[3]), let keyData = StrictBase64.decode(parts[4]) else {
            throw .malformedSignerKey
        }
        guard keyData.count == 33, keyData[0] == NoteVerifier.ed25519SignatureType else { throw .unsupportedKeyType }
        guard let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: keyData.dropFirst()) else {
            throw .invalidKey
        }
        try self.init(name: String(parts[2]), privateKey: privateKey)
        guard self.keyID == keyID else { throw .keyIDMismatch }
    }

    /// Signs note text (the bytes up to and including its final newline), returning the
    /// signature line's content.
    public func sign(text: some Collection<UInt8>) throws(SignedNoteError) -> NoteSignature {
        guard let signature = try? privateKey.signature(for: Array(text)) else { throw .signingFailed }
        return NoteSignature(keyName: name, keyID: keyID, signature: Array(signature))
    }
}

extension NoteSigner: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Name and key ID only; the private key is redacted.
    public var description: String { "NoteSigner(\(name)+\(NoteKeyName.hex(keyID)), private key redacted)" }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the private key, so `dump` and `String(reflecting:)` cannot print it.
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "keyID": NoteKeyName.hex(keyID)], displayStyle: .struct)
    }
}
