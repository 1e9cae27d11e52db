import KuraCore

/// The production `RandomBytesSource`: the operating system's CSPRNG (getrandom(2) on Linux).
///
/// `SystemRandomNumberGenerator` is documented as cryptographically secure on every platform Swift runs on.
public struct SystemRandomBytes: RandomBytesSource {
    /// Creates the source (it holds no state).
    public init() {}

    /// Returns `count` bytes from the system CSPRNG.
    public func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var out: [UInt8] = []
        out.reserveCapacity(count + 7)
        while out.count < count {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return Array(out.prefix(count))
    }
}
