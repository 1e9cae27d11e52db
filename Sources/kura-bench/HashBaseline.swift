import Crypto
import Foundation
import KuraCore
import KuraStore

/// Phase 3b: SHA-256 over exactly the bytes a whole-log verification must hash, with
/// swift-crypto's `SHA256` directly and nothing else: per leaf the RFC 6962 leaf hash input
/// (0x00 ‖ leaf, RFC 9162 §2.1.1), the commitment input (domain tag ‖ salt ‖ canonical
/// details, `LedgerCommitment`), and one interior node input (0x01 ‖ left ‖ right) for each of
/// the n − 1 interior nodes of a tree of n leaves.
struct HashBaseline {
    /// What the phase measured.
    struct Result {
        /// Wall time for all hashes.
        var total: Duration
        /// SHA-256 computations (3n − 1).
        var hashes: Int
        /// Bytes hashed.
        var bytes: Int
    }

    let leaves: Int
    /// The same leaf and details bytes the append path stored, reused round-robin.
    let samples: [LedgerAppend]

    func run() -> Result {
        let leafInputs = samples.map { [0x00] + $0.leaf }
        let commitmentInputs = samples.map { LedgerCommitment.domainTag + $0.salt + $0.details }
        // A node's content does not change SHA-256's cost: the input is the last two digests.
        var node = [UInt8](repeating: 0x01, count: 1 + 2 * LogHash.byteCount)
        var hashes = 0
        var bytes = 0
        let start = ContinuousClock.now
        for index in 0..<leaves {
            let sample = index % samples.count
            let leafDigest = leafInputs[sample].withUnsafeBytes { SHA256.hash(data: $0) }
            let commitmentDigest = commitmentInputs[sample].withUnsafeBytes { SHA256.hash(data: $0) }
            bytes += leafInputs[sample].count + commitmentInputs[sample].count
            hashes += 2
            if index > 0 {
                node.withUnsafeMutableBytes { input in
                    leafDigest.withUnsafeBytes {
                        UnsafeMutableRawBufferPointer(rebasing: input[1..<33]).copyMemory(from: $0)
                    }
                    commitmentDigest.withUnsafeBytes {
                        UnsafeMutableRawBufferPointer(rebasing: input[33..<65]).copyMemory(from: $0)
                    }
                }
                _ = node.withUnsafeBytes { SHA256.hash(data: $0) }
                bytes += node.count
                hashes += 1
            }
        }
        return Result(total: start.duration(to: .now), hashes: hashes, bytes: bytes)
    }
}
