import Crypto

/// An Ed25519 public key that verifies C2SP signed-note signatures under one key name.
///
/// Its text form is the verifier key `<name>+<key ID as 8 hex digits>+<base64(0x01 ‖ key)>`
/// used by golang.org/x/mod/sumdb/note and the C2SP ecosystem; auditors configure `kura verify`
/// with it. Public keys are public, so `description` shows that string.
public struct NoteVerifier: Sendable {
    /// The signature type byte of Ed25519 in C2SP signed-note ("Signature types").
    public static let ed25519SignatureType: UInt8 = 0x01
    /// The length of an Ed25519 signature (RFC 8032 §5.1.6).
    public static let ed25519SignatureByteCount = 64

    /// The key name (for a log: its origin, DESIGN.md "Checkpoints").
    public let name: String
    /// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4], big-endian.
    public let keyID: UInt32
    /// The Ed25519 public key.
    public let publicKey: Curve25519.Signing.PublicKey
    /// The 32 bytes of the public key (RFC 8032 encoding).
    public let publicKeyBytes: [UInt8]

    /// Creates a verifier for a name and an Ed25519 public key.
    public init(name: String, publicKey: Curve25519.Signing.PublicKey) throws(NoteKeyError) {
        guard NoteKeyName.isValid(name) else { throw .invalidName }
        self.name = name
        self.publicKey = publicKey
        self.publicKeyBytes = Array(publicKey.rawRepresentation)
        self.keyID = NoteKeyName.keyID(name: name, signatureType: Self.ed25519SignatureType, publicKey: publicKeyBytes)
    }

    /// Parses a verifier key string strictly; the key ID must match the name and key.
    public init(parsing verifierKey: some StringProtocol) throws(NoteKeyError) {
        // The name cannot contain '+', so the first two '+' are the separators; the base64
        // after them may itself contain '+'.
        let parts = verifierKey.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedVerifierKey }
        guard NoteKeyName.isValid(parts[0]) else { throw .invalidName }
        guard let keyID = NoteKeyName.parseKeyID(parts[1]), let keyData = StrictBase64.decode(parts[2]) else {
            throw .malformedVerifierKey
        }
        guard keyData.count == 33, keyData[0] == Self.ed25519SignatureType else { throw .unsupportedKeyType }
        guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData.dropFirst()) else {
            throw .invalidKey
        }
        try self.init(name: String(parts[0]), publicKey: publicKey)
        guard self.keyID == keyID else { throw .keyIDMismatch }
    }

    /// The verifier key string, `<name>+<8 hex>+<base64(0x01 ‖ key)>`.
    public var verifierKey: String {
        "\(name)+\(NoteKeyName.hex(keyID))+\(StrictBase64.encode([Self.ed25519SignatureType] + publicKeyBytes))"
    }

    /// Whether `signature` is a valid Ed25519 signature of `text` by this key (RFC 8032).
    public func isValidSignature(_ signature: some Collection<UInt8>, for text: some Collection<UInt8>) -> Bool {
        let signatureBytes = Array(signature)
        guard signatureBytes.count == Self.ed25519SignatureByteCount else { return false }
        return publicKey.isValidSignature(signatureBytes, for: Array(text))
    }
}

extension NoteVerifier: Equatable {
    /// Equal when name (byte for byte), key ID and key are equal.
    public static func == (lhs: NoteVerifier, rhs: NoteVerifier) -> Bool {
        lhs.name.utf8.elementsEqual(rhs.name.utf8) && lhs.keyID == rhs.keyID && lhs.publicKeyBytes == rhs.publicKeyBytes
    }
}

extension NoteVerifier: CustomStringConvertible {
    /// The verifier key string (public).
    public var description: String { verifierKey }
}
