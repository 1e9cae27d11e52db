import Crypto

/// The RFC 6962 / RFC 9162 §2.1.1 hash functions of the Merkle log over SHA-256.
///
/// Leaves and interior nodes use distinct one-byte prefixes (0x00 and 0x01) so that a leaf can
/// never be passed off as an interior node (second-preimage resistance, RFC 9162 §2.1.1).
public enum RFC6962 {
    /// The root of the empty tree: SHA-256 of the empty string (RFC 9162 §2.1.1, MTH({})).
    public static let emptyRoot = LogHash(SHA256.hash(data: [UInt8]()))

    /// The leaf hash SHA-256(0x00 ‖ leaf).
    @inlinable
    public static func leafHash(_ leaf: some Collection<UInt8>) -> LogHash {
        if let hash = leaf.withContiguousStorageIfAvailable({ leafHash(contiguous: UnsafeRawBufferPointer($0)) }) {
            return hash
        }
        return Array(leaf).withUnsafeBytes { leafHash(contiguous: $0) }
    }

    /// The leaf hash of bytes already in contiguous memory: one incremental SHA-256 and no heap
    /// allocation of ours (SHA256's own context is the only one).
    @usableFromInline
    static func leafHash(contiguous leaf: UnsafeRawBufferPointer) -> LogHash {
        var hasher = SHA256()
        if leaf.count <= smallLeafLimit {
            // Ledger leaves are short (about 60 bytes): copying prefix and leaf into one stack
            // buffer saves a call into BoringSSL per leaf, which is a visible share at this size.
            withUnsafeTemporaryAllocation(byteCount: 1 + leaf.count, alignment: 8) { buffer in
                buffer.storeBytes(of: UInt8(0x00), toByteOffset: 0, as: UInt8.self)
                UnsafeMutableRawBufferPointer(rebasing: buffer[1...]).copyMemory(from: leaf)
                hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            }
        } else {
            withUnsafeBytes(of: UInt8(0x00)) { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: leaf)
        }
        return LogHash(hasher.finalize())
    }

    /// Leaves up to this many bytes are hashed from one stack copy (see `leafHash(contiguous:)`).
    static var smallLeafLimit: Int { 1_023 }

    /// The interior node hash SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(_ left: LogHash, _ right: LogHash) -> LogHash {
        // One 65-byte stack buffer and one update: each update call into BoringSSL has a fixed cost
        // that would otherwise be paid three times for every node.
        withUnsafeTemporaryAllocation(byteCount: 1 + 2 * LogHash.byteCount, alignment: 8) { buffer in
            buffer.storeBytes(of: UInt8(0x01), toByteOffset: 0, as: UInt8.self)
            left.store(into: buffer, at: 1)
            right.store(into: buffer, at: 1 + LogHash.byteCount)
            var hasher = SHA256()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
            return LogHash(hasher.finalize())
        }
    }
}
