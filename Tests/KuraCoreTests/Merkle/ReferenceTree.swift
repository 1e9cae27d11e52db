import KuraCore

/// A slow, obviously correct RFC 9162 §2.1 Merkle tree: the recursive definitions of MTH
/// (§2.1.1), PATH (§2.1.3.1) and SUBPROOF (§2.1.4.1) written out over a list of leaf hashes.
///
/// Only the two hash primitives come from the code under test; `RFC6962Tests` pins those with
/// known answers computed independently. MTH is memoised (a pure function), nothing else.
final class ReferenceTree {
    /// How a proof hash is combined: on which side, and (consistency) whether it is part of the
    /// old tree. The verification algorithms do the same computation for equal shapes.
    enum Step: Equatable {
        case siblingOnLeft
        case siblingOnRight
    }

    let leafHashes: [LogHash]
    private var memo: [Range<Int>: LogHash] = [:]

    init(leafHashes: [LogHash]) {
        self.leafHashes = leafHashes
    }

    /// A tree over `count` leaves "leaf 0", "leaf 1", …
    convenience init(count: Int) {
        self.init(leafHashes: (0..<count).map { RFC6962.leafHash(Array("leaf \($0)".utf8)) })
    }

    /// k: the largest power of two smaller than n (n ≥ 2), found by doubling.
    static func split(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// MTH(D[range]).
    func mth(_ range: Range<Int>) -> LogHash {
        if range.isEmpty { return RFC6962.emptyRoot }
        if range.count == 1 { return leafHashes[range.lowerBound] }
        if let known = memo[range] { return known }
        let k = Self.split(range.count)
        let hash = RFC6962.nodeHash(
            mth(range.lowerBound..<range.lowerBound + k),
            mth(range.lowerBound + k..<range.upperBound)
        )
        memo[range] = hash
        return hash
    }

    /// The root of the first `size` leaves.
    func root(size: Int) -> LogHash { mth(0..<size) }

    /// The perfect subtree at (level, index), as a node source.
    func perfectNode(level: Int, index: UInt64) -> LogHash {
        let start = Int(index) << level
        return mth(start..<start + (1 << level))
    }

    /// PATH(m, D[range]) with each hash's side.
    func path(_ m: Int, _ range: Range<Int>) -> [(hash: LogHash, step: Step)] {
        guard range.count > 1 else { return [] }
        let k = Self.split(range.count)
        let mid = range.lowerBound + k
        if m < k {
            return path(m, range.lowerBound..<mid) + [(mth(mid..<range.upperBound), .siblingOnRight)]
        }
        return path(m - k, mid..<range.upperBound) + [(mth(range.lowerBound..<mid), .siblingOnLeft)]
    }

    /// The audit path for leaf `index` in the tree of the first `size` leaves.
    func inclusionProof(index: Int, size: Int) -> [LogHash] {
        path(index, 0..<size).map(\.hash)
    }

    /// SUBPROOF(m, D[range], b) with each hash's side (the seed, when b is false, is `.siblingOnLeft`
    /// by convention: it is the old tree's last subtree).
    func subproof(_ m: Int, _ range: Range<Int>, _ b: Bool) -> [(hash: LogHash, step: Step)] {
        if m == range.count {
            return b ? [] : [(mth(range), .siblingOnLeft)]
        }
        let k = Self.split(range.count)
        let mid = range.lowerBound + k
        if m <= k {
            return subproof(m, range.lowerBound..<mid, b) + [(mth(mid..<range.upperBound), .siblingOnRight)]
        }
        return subproof(m - k, mid..<range.upperBound, false) + [(mth(range.lowerBound..<mid), .siblingOnLeft)]
    }

    /// PROOF(m, D[n]) for 0 < m < n; empty for m = n.
    func consistencyProof(from m: Int, to n: Int) -> [LogHash] {
        m == n ? [] : subproof(m, 0..<n, true).map(\.hash)
    }

    /// The shape of an inclusion proof: what a verifier does with each hash (sizes only, no hashing).
    static func inclusionShape(index m: Int, size n: Int) -> [Step] {
        guard n > 1 else { return [] }
        let k = split(n)
        return m < k
            ? inclusionShape(index: m, size: k) + [.siblingOnRight]
            : inclusionShape(index: m - k, size: n - k) + [.siblingOnLeft]
    }

    /// The shape of a consistency proof (sizes only, no hashing), ending with whether the old
    /// root is the seed (`.siblingOnLeft`) or the first proof hash is (`.siblingOnRight`).
    static func consistencyShape(from m: Int, to n: Int) -> [Step] {
        func subproof(_ m: Int, _ n: Int, _ b: Bool) -> [Step] {
            if m == n { return b ? [] : [.siblingOnLeft] }
            let k = split(n)
            return m <= k ? subproof(m, k, b) + [.siblingOnRight] : subproof(m - k, n - k, false) + [.siblingOnLeft]
        }
        return subproof(m, n, true) + [m.nonzeroBitCount == 1 ? .siblingOnLeft : .siblingOnRight]
    }

    /// Synthetic leaf hashes for the large tile tests: distinct, cheap, not hashes of anything.
    static func syntheticLeafHash(_ index: Int) -> LogHash {
        var bytes = [UInt8](repeating: 0xA5, count: LogHash.byteCount)
        for byte in 0..<8 {
            bytes[byte] = UInt8(truncatingIfNeeded: index >> (8 * byte))
        }
        return LogHash(bytes: bytes)!
    }
}
