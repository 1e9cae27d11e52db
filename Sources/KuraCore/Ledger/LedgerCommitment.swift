import Crypto

/// The SHA-256 commitment a ledger leaf carries: H(domain tag ‖ salt ‖ canonical details).
///
/// DESIGN.md "The ledger": the log reveals nothing about an event, yet anyone shown the details
/// row and its salt can recompute this value and compare it with the leaf.
///
/// The domain tag is the 25 ASCII bytes `kura.ledger.commitment.v1` followed by one 0x00 byte.
/// It separates these hashes from every other SHA-256 use in Kura (RFC 6962 leaf and node
/// hashes start with 0x00 / 0x01 and are computed over the leaf *bytes*, never over details), and
/// the NUL keeps the tag prefix-free. The salt has a fixed length, so the concatenation is
/// unambiguous without length prefixes.
public struct LedgerCommitment: Hashable, Sendable {
    /// The number of bytes in a commitment (SHA-256).
    public static let byteCount = 32

    /// `"kura.ledger.commitment.v1"` followed by 0x00.
    public static let domainTag: [UInt8] = Array("kura.ledger.commitment.v1".utf8) + [0x00]

    /// The 32 commitment bytes.
    public let bytes: [UInt8]

    /// Wraps exactly 32 bytes; returns nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = Array(bytes)
    }

    /// Commits to details already serialised; the caller guarantees they are canonical bytes.
    ///
    /// `kura verify log` (`LogVerifier.check`) recomputes it over the stored bytes as they are:
    /// bytes that match the commitment are the committed ones, canonical by construction.
    public init(canonicalDetails: some Collection<UInt8>, salt: LedgerSalt) {
        var hasher = SHA256()
        hasher.update(data: Self.domainTag)
        hasher.update(data: salt.bytes)
        // Hash in place when the bytes are contiguous (the verifier's case), else copy once.
        if canonicalDetails.withContiguousStorageIfAvailable({
            hasher.update(bufferPointer: UnsafeRawBufferPointer($0))
        })
            == nil
        {
            hasher.update(data: Array(canonicalDetails))
        }
        self.bytes = Array(hasher.finalize())
    }

    /// The commitment over stored salt and details bytes as a 32-byte value, computed without
    /// allocating: the verifier recomputes it for every leaf of the log.
    static func digest(salt: UnsafeRawBufferPointer, details: UnsafeRawBufferPointer) -> LogHash {
        var hasher = SHA256()
        domainTag.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: salt)
        hasher.update(bufferPointer: details)
        return LogHash(hasher.finalize())
    }

    /// Serialises the details canonically and commits to them.
    public init(details: CanonicalJSON, salt: LedgerSalt) throws(CanonicalJSONError) {
        self.init(canonicalDetails: try details.canonicalBytes(), salt: salt)
    }

    /// Standard base64 with padding, as it appears in the leaf.
    public var base64: String { StrictBase64.encode(bytes) }
}

extension LedgerCommitment: CustomStringConvertible {
    /// Commitments are public (they are in the log), so the value itself is shown.
    public var description: String { base64 }
}
