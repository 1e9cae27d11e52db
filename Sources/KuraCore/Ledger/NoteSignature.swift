/// One signature line of a signed note: `— <key name> base64(key ID ‖ signature)`.
public struct NoteSignature: Sendable {
    /// The key name on the line.
    public let keyName: String
    /// The first four decoded bytes, big-endian.
    public let keyID: UInt32
    /// The remaining decoded bytes (64 for Ed25519).
    public let signature: [UInt8]

    /// Creates a signature line; `SignedNote` checks the name and length when it takes the line.
    public init(keyName: String, keyID: UInt32, signature: [UInt8]) {
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// The base64 part of the line: the key ID then the signature bytes.
    public var base64: String {
        let idBytes = (0..<4).map { UInt8(truncatingIfNeeded: keyID >> (24 - 8 * $0)) }
        return StrictBase64.encode(idBytes + signature)
    }

    /// The whole line including the em dash (U+2014) and the final newline.
    public var line: String { "\u{2014} \(keyName) \(base64)\n" }
}

extension NoteSignature: Equatable {
    /// Equal when the name (byte for byte), key ID and signature bytes are equal.
    public static func == (lhs: NoteSignature, rhs: NoteSignature) -> Bool {
        lhs.keyName.utf8.elementsEqual(rhs.keyName.utf8) && lhs.keyID == rhs.keyID && lhs.signature == rhs.signature
    }
}
