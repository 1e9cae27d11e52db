/// Where an encrypted value belongs: the clinic, the object, the field and the object's version.
///
/// The context is not stored with the ciphertext; it comes from the row the value is read from and is
/// bound as AES-GCM associated data, so a ciphertext copied to another clinic, object, field or version
/// fails to open (DESIGN.md "Envelope encryption", ENC-1). Use opaque ids only: the context is not secret.
public struct FieldContext: Hashable, Sendable {
    /// The clinic the value belongs to.
    public var clinicID: String
    /// The opaque id of the object (patient, entry, attachment, …) holding the value.
    public var objectID: String
    /// The field name within the object, e.g. `name.kana` or `attachment.chunk.3`.
    public var field: String
    /// The object's version the value was written in.
    public var version: UInt32

    /// Creates a context.
    public init(clinicID: String, objectID: String, field: String, version: UInt32) {
        self.clinicID = clinicID
        self.objectID = objectID
        self.field = field
        self.version = version
    }
}

extension FieldContext {
    /// What the associated data protects; each purpose has its own label so the two AADs never coincide.
    enum Purpose {
        /// The value's ciphertext under its data key.
        case content
        /// The data key's ciphertext under the KEK of the given version.
        case dataKeyWrap(KeyVersion)

        var label: String {
            switch self {
            case .content: "kura.field-content.v1"
            case .dataKeyWrap: "kura.data-key-wrap.v1"
            }
        }
    }

    /// The associated data for `purpose`: every part length-prefixed, so the encoding is injective.
    ///
    /// Layout (integers big-endian): len‖label, [KEK version u32 for a wrap], len‖clinicID, len‖objectID,
    /// len‖field, version u32, where len is a u32 byte count of the UTF-8 that follows. Without the
    /// lengths, clinic "ab" + object "c" and clinic "a" + object "bc" would give the same bytes.
    func associatedData(for purpose: Purpose) -> [UInt8] {
        var writer = KeyFormatWriter()
        writer.appendLengthPrefixed(Array(purpose.label.utf8))
        if case .dataKeyWrap(let keyVersion) = purpose {
            writer.append(keyVersion.rawValue)
        }
        writer.appendLengthPrefixed(Array(clinicID.utf8))
        writer.appendLengthPrefixed(Array(objectID.utf8))
        writer.appendLengthPrefixed(Array(field.utf8))
        writer.append(version)
        return writer.bytes
    }
}
