import KuraCore

/// Fixed keys and known answers for the ledger tests. The expected values were computed outside
/// Swift (Python's hashlib, base64 and the `cryptography` package's Ed25519) from the inputs
/// written here, so they check this code against an independent implementation.
enum LedgerFixtures {
    /// The test log's name and origin.
    static let origin = "kura.example/test-log"

    /// Signer key string for the Ed25519 seed 0x01…0x20 under `origin`.
    static let signerKey = "PRIVATE+KEY+kura.example/test-log+a06bb9bb+AQECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"

    /// The matching verifier key string.
    static let verifierKey = "kura.example/test-log+a06bb9bb+AXm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk"

    /// The checkpoint of size 5 whose root is SHA-256("") signed by the test key (Ed25519 is
    /// deterministic, RFC 8032 §5.1.6).
    static let signedCheckpoint =
        "kura.example/test-log\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n"
        + "\u{2014} kura.example/test-log "
        + "oGu5u9mrMxdsWDF8m9s9aaq6KsPZFd9JpjzFzLDgZ/398G2saqjQdqWxSd4tuPif0cu9sf5ESwFOi/x0UqrbqGiV+Qo=\n"

    /// SHA-256 of the empty string, the root in `signedCheckpoint`.
    static let emptyHashHex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func signer() throws -> NoteSigner { try NoteSigner(parsing: signerKey) }

    static func verifier() throws -> NoteVerifier { try NoteVerifier(parsing: verifierKey) }

    static func hash(hex: String) -> LogHash {
        let bytes = stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
        return LogHash(bytes: bytes)!
    }

    /// A distinct hash per number, for building proofs.
    static func hash(_ number: UInt8) -> LogHash {
        LogHash(bytes: [UInt8](repeating: number, count: 32))!
    }

    /// A small deterministic generator (SplitMix64) so that generated tests repeat exactly.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
