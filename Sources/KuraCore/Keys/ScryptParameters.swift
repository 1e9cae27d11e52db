import Crypto
import CryptoExtras

/// The scrypt cost parameters (RFC 7914 §2) stored in a sealed key file: N = 2^log2N, r and p.
///
/// The file records them so that the cost can rise later without breaking old files. Parsing bounds them
/// so a crafted file cannot make the server allocate gigabytes.
public struct ScryptParameters: Hashable, Sendable, CustomStringConvertible {
    /// log2 of the CPU/memory cost N.
    public let log2N: UInt8
    /// The block size r.
    public let blockSize: UInt32
    /// The parallelisation p.
    public let parallelism: UInt32

    /// The production cost: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s), RFC 7914 §2's interactive range.
    public static let `default` = ScryptParameters(validLog2N: 15, blockSize: 8, parallelism: 1)

    /// Accepted bounds: 1 ≤ log2N ≤ 20, 1 ≤ r ≤ 16, 1 ≤ p ≤ 16 and 128·r·N ≤ 1 GiB.
    ///
    /// r ≤ 16 also keeps CryptoExtras' default memory limit (128·N·r·p plus a page) above what BoringSSL
    /// needs (128·r·(N + p + 1)).
    public init?(log2N: UInt8, blockSize: UInt32, parallelism: UInt32) {
        guard (1...20).contains(log2N), (1...16).contains(blockSize), (1...16).contains(parallelism),
            128 * Int(blockSize) << Int(log2N) <= 1 << 30
        else { return nil }
        self.init(validLog2N: log2N, blockSize: blockSize, parallelism: parallelism)
    }

    private init(validLog2N: UInt8, blockSize: UInt32, parallelism: UInt32) {
        self.log2N = validLog2N
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// N, the CPU/memory cost.
    public var cost: Int { 1 << Int(log2N) }

    /// Derives `byteCount` bytes from `passphrase` and `salt` with scrypt (RFC 7914 §6) via CryptoExtras.
    ///
    /// Public so that the RFC 7914 §12 vectors can prove these parameters reach `KDF.Scrypt` unchanged.
    public func deriveKey(
        passphrase: [UInt8],
        salt: [UInt8],
        byteCount: Int
    ) throws(KeyFileError) -> [UInt8] {
        do {
            let key = try KDF.Scrypt.deriveKey(
                from: passphrase, salt: salt, outputByteCount: byteCount, rounds: cost,
                blockSize: Int(blockSize), parallelism: Int(parallelism))
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .keyDerivationFailed
        }
    }

    /// `scrypt(N=…, r=…, p=…)`.
    public var description: String {
        "scrypt(N=\(cost), r=\(blockSize), p=\(parallelism))"
    }
}
