import Crypto

extension KeyFile {
    /// Parses a key file strictly (see the format on `KeyFile`); the secrets stay sealed until `open`.
    ///
    /// The checksum is checked first, so any damage is reported as `.corrupted`; then every field's length
    /// and value is checked and trailing bytes are refused.
    public init(parsing bytes: some Collection<UInt8>) throws(KeyFileError) {
        let all = Array(bytes)
        guard all.count > Self.magic.count + Self.checksumByteCount, all.starts(with: Self.magic) else {
            throw .malformed
        }
        let body = Array(all.dropLast(Self.checksumByteCount))
        guard Array(SHA256.hash(data: body)) == Array(all.suffix(Self.checksumByteCount)) else {
            throw .corrupted
        }
        var reader = KeyFormatReader(body)
        _ = reader.read(Self.magic.count)
        guard let format = reader.readByte() else { throw .malformed }
        guard format == Self.format else { throw .unsupportedFormat(format) }
        guard let protectionByte = reader.readByte(), protectionByte <= 1,
            let clinicLength = reader.readByte(), clinicLength > 0,
            let clinicBytes = reader.read(Int(clinicLength)),
            let clinicID = String(validating: clinicBytes, as: UTF8.self),
            let version = reader.readUInt32()
        else { throw .malformed }

        var protection = Protection.plain
        var sealing: Sealing?
        if protectionByte == 1 {
            guard let log2N = reader.readByte(), let blockSize = reader.readUInt32(),
                let parallelism = reader.readUInt32()
            else { throw .malformed }
            guard let parameters = ScryptParameters(log2N: log2N, blockSize: blockSize, parallelism: parallelism)
            else { throw .unsupportedScryptParameters }
            guard let salt = reader.read(Self.saltByteCount), let check = reader.read(Self.checkByteCount),
                let nonce = reader.read(Self.nonceByteCount)
            else { throw .malformed }
            protection = .passphrase(parameters)
            sealing = Sealing(salt: salt, check: check, nonce: nonce)
        }
        let header = Array(reader.consumed)
        let secretLength = Self.secretsByteCount + (sealing == nil ? 0 : Self.tagByteCount)
        guard let secretPart = reader.read(secretLength), reader.isAtEnd else { throw .malformed }
        self.init(
            clinicID: clinicID, keyVersion: KeyVersion(version), protection: protection, header: header,
            sealing: sealing, secretPart: secretPart)
    }
}
