import Crypto
import KuraCore

/// Sealing helpers and the reference sealer for the sealed-file suites.
extension BackupFixtures {
    /// Seals `plaintext` with one `append` and `finish`.
    static func seal(
        _ plaintext: [UInt8],
        key: GenerationKey,
        name: String = "records.jsonl",
        chunkSize: Int
    ) -> [UInt8] {
        var writer = SealedFileWriter(key: key, fileName: name, chunkSize: chunkSize)
        return writer.append(plaintext) + writer.finish()
    }

    /// Opens a whole sealed file with one `feed` and `finish`.
    static func open(
        _ sealed: [UInt8],
        key: GenerationKey,
        name: String = "records.jsonl"
    ) throws(BackupCryptoError) -> [UInt8] {
        var reader = SealedFileReader(key: key, fileName: name)
        let plaintext = try reader.feed(sealed)
        try reader.finish()
        return plaintext
    }

    /// The per-file key derived as the format documents it: HKDF-SHA256, salt `kura.backup.v1`,
    /// info `kura backup file key v1`, NUL, file name.
    static func referenceFileKey(raw: [UInt8], name: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: raw), salt: Array("kura.backup.v1".utf8),
            info: Array("kura backup file key v1\0".utf8) + Array(name.utf8), outputByteCount: 32)
    }

    /// A slow, obviously-correct sealer written from the format description alone: split into chunks
    /// (the last one shorter than a chunk, possibly empty), one AES-GCM call per chunk.
    static func referenceSeal(_ plaintext: [UInt8], raw: [UInt8], name: String, chunkSize: Int) throws -> [UInt8] {
        let key = referenceFileKey(raw: raw, name: name)
        func bigEndian(_ value: UInt64, bytes: Int) -> [UInt8] {
            (0..<bytes).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * (bytes - 1 - $0))) }
        }
        let header = Array("KURASEAL".utf8) + [0, 1, 0, 0] + bigEndian(UInt64(chunkSize), bytes: 4)
        var chunks: [[UInt8]] = stride(from: 0, to: plaintext.count, by: chunkSize).map {
            Array(plaintext[$0..<min($0 + chunkSize, plaintext.count)])
        }
        if chunks.last?.count ?? 0 == chunkSize { chunks.append([]) }
        if chunks.isEmpty { chunks = [[]] }
        var output = header
        for (index, chunk) in chunks.enumerated() {
            let isLast = index == chunks.count - 1
            let box = try AES.GCM.seal(
                chunk, using: key, nonce: AES.GCM.Nonce(data: [0, 0, 0, 0] + bigEndian(UInt64(index), bytes: 8)),
                authenticating: header + [isLast ? 1 : 0])
            output += bigEndian(UInt64(chunk.count + 16), bytes: 4) + Array(box.ciphertext) + Array(box.tag)
        }
        return output
    }
}
