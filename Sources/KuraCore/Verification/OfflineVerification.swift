/// Verifications an auditor runs on files alone, trusting nothing but the log's verifier key:
/// a checkpoint, an inclusion proof (C2SP tlog-proof) and a consistency proof between two
/// checkpoints they kept (DESIGN "Anchoring").
public enum OfflineVerification {
    /// Why a verification failed; each case names the check.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The verifier key string is malformed.
        case badKey
        /// The checkpoint (named) does not verify with the key.
        case checkpointRejected(String)
        /// The proof file is malformed.
        case malformedProof
        /// The Merkle proof does not hold.
        case proofFailed(ProofFailure)

        /// A message for the auditor.
        public var description: String {
            switch self {
            case .badKey: "the verifier key is not of the form <name>+<key id>+<base64 key>"
            case .checkpointRejected(let which): "the \(which) checkpoint does not verify with the key"
            case .malformedProof: "the proof file is malformed"
            case .proofFailed(let failure): "the proof does not hold: \(failure)"
            }
        }
    }

    /// Parses a verifier key string (`<name>+<hex id>+<base64>`).
    public static func verifier(_ key: String) throws(Failure) -> NoteVerifier {
        do {
            return try NoteVerifier(parsing: key.trimmingWhitespace)
        } catch {
            throw .badKey
        }
    }

    /// Opens a signed checkpoint with `key`.
    public static func checkpoint(
        _ note: [UInt8], key: String, which: String = "given"
    ) throws(Failure)
        -> Checkpoint
    {
        guard case .verified(let checkpoint) = Checkpoint.open(note, verifier: try verifier(key)) else {
            throw .checkpointRejected(which)
        }
        return checkpoint
    }

    /// Verifies that `leaf` is entry `proof.index` of the checkpoint inside a tlog-proof file.
    public static func inclusion(proof file: [UInt8], leaf: [UInt8], key: String) throws(Failure) -> TlogProof {
        let proof: TlogProof
        do {
            proof = try TlogProof.parse(file)
        } catch {
            throw .malformedProof
        }
        guard case .verified(let checkpoint) = proof.verifyCheckpoint(with: try verifier(key)) else {
            throw .checkpointRejected("proof's")
        }
        let result = InclusionProof.verify(
            leafHash: RFC6962.leafHash(leaf),
            index: proof.index,
            size: checkpoint.size,
            proof: proof.hashes,
            root: checkpoint.root
        )
        if case .invalid(let failure) = result { throw .proofFailed(failure) }
        return proof
    }

    /// Verifies that the `new` checkpoint extends the `old` one, with `proof` the consistency
    /// proof hashes (one base64 hash per line).
    public static func consistency(
        old: [UInt8], new: [UInt8], proof: [UInt8], key: String
    ) throws(Failure)
        -> (old: Checkpoint, new: Checkpoint)
    {
        let first = try checkpoint(old, key: key, which: "old")
        let second = try checkpoint(new, key: key, which: "new")
        var hashes: [LogHash] = []
        for line in proof.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            guard let bytes = StrictBase64.decode(String(decoding: line, as: UTF8.self)),
                let hash = LogHash(bytes: bytes)
            else {
                throw .malformedProof
            }
            hashes.append(hash)
        }
        if case .invalid(let failure) = consistency(old: first, new: second, proof: hashes) {
            throw .proofFailed(failure)
        }
        return (first, second)
    }

    /// Whether `new` extends `old` by `proof`. Every tree extends the empty tree, for which
    /// RFC 9162 has no proof: an empty `old` (with the empty root) needs an empty proof.
    public static func consistency(old: Checkpoint, new: Checkpoint, proof: [LogHash]) -> ProofResult {
        if old.size == 0 && old.size < new.size {
            guard old.root == RFC6962.emptyRoot else { return .invalid(.firstRootMismatch) }
            return proof.isEmpty ? .valid : .invalid(.wrongProofLength(expected: 0, actual: proof.count))
        }
        return ConsistencyProof.verify(
            size1: old.size,
            size2: new.size,
            root1: old.root,
            root2: new.root,
            proof: proof
        )
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
