import Crypto
import KuraCore
import Synchronization

/// A deterministic `RandomBytesSource` for tests: SHA-256(seed ‖ counter) blocks, never for production.
final class SeededRandomBytes: RandomBytesSource {
    private let seed: [UInt8]
    private let counter = Mutex<UInt64>(0)

    init(seed: String = "kura-tests") {
        self.seed = Array(seed.utf8)
    }

    func bytes(count: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < count {
            let block = counter.withLock { value -> UInt64 in
                defer { value += 1 }
                return value
            }
            let counterBytes = (0..<8).map { UInt8(truncatingIfNeeded: block >> (56 - 8 * $0)) }
            out += Array(SHA256.hash(data: seed + counterBytes))
        }
        return Array(out.prefix(count))
    }
}

/// Lower-case hex, for vectors and for checking that no description contains key bytes.
func hexEncoded(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { byte in
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }.joined()
}
