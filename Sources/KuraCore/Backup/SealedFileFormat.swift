import Crypto

/// The layout of a sealed backup file, shared by `SealedFileWriter` and `SealedFileReader`.
///
/// ```
/// header  16 bytes: "KURASEAL" | version UInt16 BE = 1 | 2 zero bytes | chunk size UInt32 BE
/// frame*  UInt32 BE n | n bytes: AES-256-GCM ciphertext and 16-byte tag of one chunk
/// ```
/// Every frame but the last holds exactly one chunk; the last holds fewer bytes (possibly none), so a
/// frame's length says whether it is the last. Each chunk is sealed with the file's key (bound to the
/// file name), nonce = 4 zero bytes and the chunk counter (UInt64 BE, from 0), and associated data =
/// the 16-byte header and a flag byte (1 on the last frame, else 0). So the header cannot be edited,
/// frames cannot be reordered, dropped or duplicated, and a file cut at a frame boundary lacks the
/// frame flagged last: the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015).
enum SealedFileFormat {
    static let magic = Array("KURASEAL".utf8)
    static let version: UInt16 = 1
    static let headerByteCount = 16
    static let lengthByteCount = 4
    static let tagByteCount = 16
    /// The largest chunk a reader accepts: it bounds the memory a hostile header can make it buffer.
    static let maximumChunkSize = 1 << 24

    /// The 16 header bytes for `chunkSize`.
    static func header(chunkSize: Int) -> [UInt8] {
        var header = magic
        header += [UInt8(truncatingIfNeeded: version >> 8), UInt8(truncatingIfNeeded: version), 0, 0]
        header += bigEndian(UInt32(chunkSize))
        return header
    }

    /// The chunk size a header announces, after checking magic, version and reserved bytes.
    static func chunkSize(ofHeader header: [UInt8]) throws(BackupCryptoError) -> Int {
        guard header.count == headerByteCount, header.starts(with: magic) else { throw .notASealedFile }
        let version = UInt16(header[8]) << 8 | UInt16(header[9])
        guard version == Self.version else { throw .unsupportedSealedFileVersion(version) }
        let chunkSize = Int(readUInt32(header[12...]))
        guard header[10] == 0, header[11] == 0, (1...maximumChunkSize).contains(chunkSize) else {
            throw .malformedSealedFileHeader
        }
        return chunkSize
    }

    /// The associated data of a frame: header and last-frame flag.
    static func associatedData(header: [UInt8], isFinal: Bool) -> [UInt8] {
        header + [isFinal ? 1 : 0]
    }

    /// The 96-bit nonce of chunk `counter`.
    static func nonce(_ counter: UInt64) -> AES.GCM.Nonce {
        do {
            return try AES.GCM.Nonce(data: [0, 0, 0, 0] + bigEndian(counter))
        } catch {
            preconditionFailure("AES-GCM refused a 12-byte nonce")
        }
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
    }

    static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * $0)) }
    }

    /// The big-endian UInt32 in the first four bytes of `bytes`, which must have them.
    static func readUInt32(_ bytes: some Collection<UInt8>) -> UInt32 {
        bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}
