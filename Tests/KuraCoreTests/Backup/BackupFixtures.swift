import Crypto
import KuraCore

/// Keys and helpers shared by the backup suites. Keys come from `SeededRandomBytes`, so a test can
/// rebuild the raw key bytes independently and check derivations against the documented format.
enum BackupFixtures {
    /// A generation key and its raw bytes (the first 32 bytes of the seeded source).
    static func generationKey(seed: String = "generation") -> (key: GenerationKey, raw: [UInt8]) {
        (GenerationKey.generate(using: SeededRandomBytes(seed: seed)), SeededRandomBytes(seed: seed).bytes(count: 32))
    }

    /// A recovery key and its raw bytes.
    static func recoveryKey(seed: String = "recovery") -> (key: RecoveryKey, raw: [UInt8]) {
        (RecoveryKey.generate(using: SeededRandomBytes(seed: seed)), SeededRandomBytes(seed: seed).bytes(count: 32))
    }
}
