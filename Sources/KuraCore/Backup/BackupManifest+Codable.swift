// Decodable by hand only to apply the ranges the initialisers require, so that a manifest decoded with
// any `Decoder` can always be `encoded()`. Encoding is synthesised from the same `CodingKeys`.

extension BackupManifest {
    /// Decodes a manifest, refusing integers outside the ranges `encoded()` can write exactly.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func checked<T: BinaryInteger & Decodable>(_ key: CodingKeys, _ type: T.Type, signed: Bool) throws -> T {
            let value = try container.decode(T.self, forKey: key)
            let limit = CanonicalJSON.maximumIntegerMagnitude
            guard value <= limit, value >= (signed ? -limit : 0) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "out of range")
            }
            return value
        }
        self.init(
            formatVersion: try checked(.formatVersion, Int.self, signed: false),
            generationID: try container.decode(String.self, forKey: .generationID),
            createdAt: try checked(.createdAt, Int64.self, signed: true),
            softwareVersion: try container.decode(String.self, forKey: .softwareVersion),
            schemaVersion: try checked(.schemaVersion, Int.self, signed: false),
            sourceBackend: try container.decode(String.self, forKey: .sourceBackend),
            clinicID: try container.decode(String.self, forKey: .clinicID),
            origin: try container.decode(String.self, forKey: .origin),
            checkpoint: try container.decode(String.self, forKey: .checkpoint),
            recoveryKeyFingerprint: try container.decode(String.self, forKey: .recoveryKeyFingerprint),
            wrappedKey: try container.decode(WrappedGenerationKey.self, forKey: .wrappedKey),
            files: try container.decode([File].self, forKey: .files))
    }
}

extension BackupManifest.File {
    /// Decodes a file entry, refusing counts outside 0…2^53.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func count(_ key: CodingKeys) throws -> Int64 {
            let value = try container.decode(Int64.self, forKey: key)
            guard BackupManifest.isCount(value) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "out of range")
            }
            return value
        }
        self.init(
            name: try container.decode(String.self, forKey: .name), byteCount: try count(.byteCount),
            sha256: try container.decode(String.self, forKey: .sha256), rows: try count(.rows))
    }
}
