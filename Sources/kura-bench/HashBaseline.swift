import Foundation
import KuraCore
import KuraStore

/// Phase 4: SHA-256 over exactly the bytes a whole-log verification must hash
/// (``BaselineHasher``), with swift-crypto's `SHA256` directly and nothing else, on inputs
/// already in memory.
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
        var hasher = BaselineHasher()
        let start = ContinuousClock.now
        for index in 0..<leaves {
            let sample = index % samples.count
            leafInputs[sample].withUnsafeBytes { leaf in
                commitmentInputs[sample].withUnsafeBytes { commitment in
                    hasher.hash(leafInput: leaf, commitmentInput: commitment)
                }
            }
        }
        return Result(total: start.duration(to: .now), hashes: hasher.hashes, bytes: hasher.bytes)
    }
}
