import Crypto

/// A SHA-256 value in the Merkle log: a leaf hash, an interior node hash or a tree root.
///
/// Stored as four 64-bit words so that it is a value type with no heap allocation; the
/// integrator and the verifier handle millions of these.
public struct LogHash: Hashable, Sendable {
    /// The number of bytes in a hash (SHA-256).
    public static let byteCount = 32

    @usableFromInline var w0: UInt64
    @usableFromInline var w1: UInt64
    @usableFromInline var w2: UInt64
    @usableFromInline var w3: UInt64

    /// Creates a hash from exactly 32 bytes; returns nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        if let hash = bytes.withContiguousStorageIfAvailable({ LogHash(exactly: UnsafeRawBufferPointer($0)) }) {
            self = hash
            return
        }
        // Non-contiguous collections (rare): fold the bytes in without an intermediate array.
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for (offset, byte) in bytes.enumerated() {
            switch offset / 8 {
            case 0: words.0 = (words.0 << 8) | UInt64(byte)
            case 1: words.1 = (words.1 << 8) | UInt64(byte)
            case 2: words.2 = (words.2 << 8) | UInt64(byte)
            default: words.3 = (words.3 << 8) | UInt64(byte)
            }
        }
        (w0, w1, w2, w3) = words
    }

    /// Creates a hash from a SHA-256 digest.
    public init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { LogHash(exactly: $0) }
    }

    /// Reads 32 bytes as four big-endian words; the caller guarantees the length.
    @usableFromInline
    init(exactly buffer: UnsafeRawBufferPointer) {
        assert(buffer.count == Self.byteCount)
        w0 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        w1 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        w2 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        w3 = UInt64(bigEndian: buffer.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    /// The 32 bytes of the hash, big-endian word order (the order SHA-256 produced them).
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// Calls `body` with the 32 bytes without allocating.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var bigEndian = (w0.bigEndian, w1.bigEndian, w2.bigEndian, w3.bigEndian)
        return try Swift.withUnsafeBytes(of: &bigEndian) { try body($0) }
    }

    /// Writes the 32 bytes at `offset` in `buffer`, which must have room for them.
    func store(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer.storeBytes(of: w0.bigEndian, toByteOffset: offset, as: UInt64.self)
        buffer.storeBytes(of: w1.bigEndian, toByteOffset: offset + 8, as: UInt64.self)
        buffer.storeBytes(of: w2.bigEndian, toByteOffset: offset + 16, as: UInt64.self)
        buffer.storeBytes(of: w3.bigEndian, toByteOffset: offset + 24, as: UInt64.self)
    }

    /// The hash in lower-case hexadecimal, for diagnostics and CLI output.
    public var hex: String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: Self.byteCount * 2) { output in
            withUnsafeBytes { input in
                digits.withUTF8Buffer { digits in
                    for (offset, byte) in input.enumerated() {
                        output[2 * offset] = digits[Int(byte >> 4)]
                        output[2 * offset + 1] = digits[Int(byte & 0x0f)]
                    }
                }
            }
            return Self.byteCount * 2
        }
    }
}

extension LogHash: CustomStringConvertible {
    /// Hashes are public values (they reveal nothing about the details they commit to).
    public var description: String { hex }
}
