/// A source of cryptographically secure random bytes, passed in wherever keys, salts or nonces are made.
///
/// KuraCore never reaches for randomness itself (it is pure); the server passes its system source and tests
/// pass a seeded one, so every byte a key, salt or nonce is made of can be traced to a parameter.
public protocol RandomBytesSource: Sendable {
    /// Returns exactly `count` random bytes; implementations MUST use a CSPRNG outside tests.
    func bytes(count: Int) -> [UInt8]
}

extension RandomBytesSource {
    /// Returns `count` bytes, trapping if the source broke its contract (a short read would weaken a key).
    func exactly(_ count: Int) -> [UInt8] {
        let result = bytes(count: count)
        precondition(result.count == count, "RandomBytesSource returned the wrong number of bytes")
        return result
    }
}
