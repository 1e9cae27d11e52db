/// A generation key sealed to the recovery public key (HPKE), as the manifest stores it.
///
/// In JSON both fields are standard base64 strings: `{"ciphertext":"…","encapsulatedKey":"…"}`.
public struct WrappedGenerationKey: Codable, Sendable, Equatable {
    /// The HPKE encapsulated key: the sender's ephemeral X25519 public key (32 bytes).
    public let encapsulatedKey: [UInt8]
    /// The sealed generation key: 32 bytes of ciphertext and a 16-byte AES-GCM tag.
    public let ciphertext: [UInt8]

    /// Creates a value from its two parts; `GenerationKey.unwrap` checks them.
    public init(encapsulatedKey: [UInt8], ciphertext: [UInt8]) {
        self.encapsulatedKey = encapsulatedKey
        self.ciphertext = ciphertext
    }

    enum CodingKeys: String, CodingKey {
        case encapsulatedKey
        case ciphertext
    }

    /// Decodes the two base64 strings; anything but canonical base64 is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func bytes(_ key: CodingKeys) throws -> [UInt8] {
            guard let decoded = StrictBase64.decode(try container.decode(String.self, forKey: key)) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not base64")
            }
            return decoded
        }
        self.init(encapsulatedKey: try bytes(.encapsulatedKey), ciphertext: try bytes(.ciphertext))
    }

    /// Encodes the two parts as base64 strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(StrictBase64.encode(encapsulatedKey), forKey: .encapsulatedKey)
        try container.encode(StrictBase64.encode(ciphertext), forKey: .ciphertext)
    }
}
