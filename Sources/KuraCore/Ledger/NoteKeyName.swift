import Crypto

/// The C2SP signed-note rules for key names.
enum NoteKeyName {
    /// signed-note "Format": key names MUST be non-empty and MUST NOT contain Unicode spaces or
    /// plus (U+002B). Notes MUST NOT contain ASCII control characters, so names cannot either.
    /// "Unicode spaces" is read as the White_Space property (Go's `unicode.IsSpace` agrees).
    static func isValid(_ name: some StringProtocol) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.value >= 0x20 && scalar != "+" && !scalar.properties.isWhitespace
            }
    }

    /// The key ID C2SP signed-note recommends: SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4],
    /// read as a big-endian UInt32 (signed-note "Signatures").
    static func keyID(name: String, signatureType: UInt8, publicKey: [UInt8]) -> UInt32 {
        let digest = Array(SHA256.hash(data: Array(name.utf8) + [0x0A, signatureType] + publicKey))
        return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Eight lower-case hex digits, as in verifier keys.
    static func hex(_ keyID: UInt32) -> String {
        let digits = String(keyID, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Parses exactly eight lower-case hex digits.
    static func parseKeyID(_ text: some StringProtocol) -> UInt32? {
        let isLowerHex: (UInt8) -> Bool = { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
        guard text.utf8.count == 8, text.utf8.allSatisfy(isLowerHex) else { return nil }
        return UInt32(text, radix: 16)
    }
}
