import Crypto
import KuraCore

/// The SHA-256 work of a whole-log verification and nothing else, per leaf: the RFC 6962 leaf
/// hash input (0x00 ‖ leaf, RFC 9162 §2.1.1), the commitment input (domain tag ‖ salt ‖
/// details, `LedgerCommitment`), and from the second leaf on one interior node input (0x01 ‖
/// left ‖ right; a tree of n leaves has n − 1). A node's content does not change its cost, so
/// the node hashes the last two digests.
struct BaselineHasher {
    /// SHA-256 computations so far.
    private(set) var hashes = 0
    /// Bytes hashed so far.
    private(set) var bytes = 0
    private var node = [UInt8](repeating: 0x01, count: 1 + 2 * LogHash.byteCount)
    private let tag = LedgerCommitment.domainTag

    /// Hashes one leaf's inputs given as the leaf hash input and the commitment input, each in
    /// one buffer (the hash baseline prepares them once).
    mutating func hash(leafInput: UnsafeRawBufferPointer, commitmentInput: UnsafeRawBufferPointer) {
        let leafDigest = SHA256.hash(data: leafInput)
        let commitmentDigest = SHA256.hash(data: commitmentInput)
        bytes += leafInput.count + commitmentInput.count
        hashes += 2
        addNode(leafDigest, commitmentDigest)
    }

    /// Hashes one leaf's inputs from the bytes as a driver hands them over: the prefix and the
    /// tag go in as separate updates, as any reader that does not copy the row must do.
    mutating func hash(leaf: UnsafeRawBufferPointer, salt: UnsafeRawBufferPointer, details: UnsafeRawBufferPointer) {
        var leafHasher = SHA256()
        withUnsafeBytes(of: UInt8(0x00)) { leafHasher.update(bufferPointer: $0) }
        leafHasher.update(bufferPointer: leaf)
        var commitmentHasher = SHA256()
        tag.withUnsafeBytes { commitmentHasher.update(bufferPointer: $0) }
        commitmentHasher.update(bufferPointer: salt)
        commitmentHasher.update(bufferPointer: details)
        bytes += 1 + leaf.count + tag.count + salt.count + details.count
        hashes += 2
        addNode(leafHasher.finalize(), commitmentHasher.finalize())
    }

    private mutating func addNode(_ left: SHA256.Digest, _ right: SHA256.Digest) {
        // The first leaf has no interior node above it yet.
        guard hashes > 2 else { return }
        node.withUnsafeMutableBytes { input in
            left.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: input[1..<33]).copyMemory(from: $0) }
            right.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: input[33..<65]).copyMemory(from: $0) }
        }
        _ = node.withUnsafeBytes { SHA256.hash(data: $0) }
        bytes += node.count
        hashes += 1
    }
}
