/// A ledger leaf: the canonical JSON `{"c":"<base64 commitment>","v":1}` that goes into the log.
///
/// DESIGN.md "The ledger": the leaf holds only a version and a salted commitment, so the log
/// reveals nothing (not even the kind of event). The leaf *bytes* are what RFC 6962 hashes as a
/// Merkle leaf, so they must be exactly one spelling: `parse` accepts only the canonical form.
public struct LedgerLeaf: Hashable, Sendable {
    /// The leaf format version, the `v` member.
    public static let version: Int64 = 1

    /// The commitment, the `c` member.
    public let commitment: LedgerCommitment

    /// Wraps a commitment.
    public init(commitment: LedgerCommitment) {
        self.commitment = commitment
    }

    /// Commits to the details with the salt and wraps the commitment.
    public init(details: CanonicalJSON, salt: LedgerSalt) throws(CanonicalJSONError) {
        self.init(commitment: try LedgerCommitment(details: details, salt: salt))
    }

    /// The JSON value of the leaf.
    public var json: CanonicalJSON {
        ["v": .integer(Self.version), "c": .string(commitment.base64)]
    }

    /// The canonical leaf bytes (58 bytes): `{"c":"…","v":1}`.
    public var bytes: [UInt8] {
        // The RFC 8785 serialisation of `json`, written out directly: members sorted ("c" < "v"),
        // and base64 needs no JSON escaping ('/' stays literal, RFC 8785 §3.2.2.2).
        Array("{\"c\":\"\(commitment.base64)\",\"v\":\(Self.version)}".utf8)
    }

    /// Parses leaf bytes strictly: canonical JSON with exactly the members `c` and `v`, `v` equal
    /// to 1, and `c` the canonical base64 of 32 bytes.
    public static func parse(_ bytes: some Collection<UInt8>) throws(LedgerLeafError) -> LedgerLeaf {
        // Fast path: a version-1 leaf has exactly one canonical spelling, 58 bytes long
        // (`{"c":"` + 44 base64 characters + `","v":1}`), so matching it byte for byte is the
        // same check as parsing it; the verifier does this for every leaf of the log.
        let array = Array(bytes)
        if array.count == Self.canonicalPrefix.count + 44 + Self.canonicalSuffix.count,
            array.starts(with: Self.canonicalPrefix),
            array.suffix(Self.canonicalSuffix.count).elementsEqual(Self.canonicalSuffix),
            let decoded = StrictBase64.decode(
                String(
                    decoding: array[Self.canonicalPrefix.count..<array.count - Self.canonicalSuffix.count],
                    as: UTF8.self)
            ),
            let commitment = LedgerCommitment(bytes: decoded)
        {
            return LedgerLeaf(commitment: commitment)
        }
        // Anything else is refused; the full parser says why.
        let value: CanonicalJSON
        do {
            value = try CanonicalJSON.parseCanonical(bytes)
        } catch {
            throw .notCanonicalJSON(error)
        }
        guard case .object(let members) = value, members.count == 2,
            let version = members["v"], let encoded = members["c"]
        else { throw .wrongMembers }
        guard version == .integer(Self.version) else { throw .unsupportedVersion }
        guard case .string(let text) = encoded, let decoded = StrictBase64.decode(text),
            let commitment = LedgerCommitment(bytes: decoded)
        else { throw .invalidCommitment }
        return LedgerLeaf(commitment: commitment)
    }

    static let canonicalPrefix = Array("{\"c\":\"".utf8)
    static let canonicalSuffix = Array("\",\"v\":1}".utf8)

    /// The commitment of a version-1 leaf in its one canonical spelling, read without allocating;
    /// nil for any other bytes, which ``parse(_:)`` then accepts or refuses.
    ///
    /// A version-1 leaf has exactly one canonical spelling, 58 bytes long (`{"c":"` + 44 base64
    /// symbols + `","v":1}`), so matching it byte for byte is the same check as parsing it.
    static func canonicalCommitment(_ leaf: UnsafeRawBufferPointer) -> LogHash? {
        let prefix = canonicalPrefix.count
        let suffix = canonicalSuffix.count
        guard leaf.count == prefix + 44 + suffix else { return nil }
        for (offset, byte) in canonicalPrefix.enumerated() where leaf[offset] != byte { return nil }
        for (offset, byte) in canonicalSuffix.enumerated() where leaf[prefix + 44 + offset] != byte { return nil }
        return StrictBase64.decodeDigest(UnsafeRawBufferPointer(rebasing: leaf[prefix..<prefix + 44]))
    }

    /// Checks details (as a value) and salt against this leaf.
    public func verify(details: CanonicalJSON, salt: LedgerSalt) -> LedgerLeafVerification {
        guard let canonical = try? details.canonicalBytes() else { return .invalid(.detailsNotCanonical) }
        return verify(canonicalDetails: canonical, salt: salt)
    }

    /// Checks stored details bytes and salt against this leaf; the bytes must be canonical.
    public func verify(canonicalDetails: some Collection<UInt8>, salt: LedgerSalt) -> LedgerLeafVerification {
        let details = Array(canonicalDetails)
        guard (try? CanonicalJSON.parseCanonical(details)) != nil else { return .invalid(.detailsNotCanonical) }
        guard LedgerCommitment(canonicalDetails: details, salt: salt) == commitment else {
            return .invalid(.commitmentMismatch)
        }
        return .valid
    }
}

/// The outcome of checking details and salt against a leaf.
public enum LedgerLeafVerification: Equatable, Sendable {
    /// The details and salt produce the leaf's commitment.
    case valid
    /// They do not; the reason says which check failed.
    case invalid(Failure)

    /// Why details and salt do not match a leaf.
    public enum Failure: Equatable, Sendable {
        /// The details are outside the canonical JSON subset or not in canonical form.
        case detailsNotCanonical
        /// The recomputed commitment differs from the leaf's.
        case commitmentMismatch
    }
}

/// Why bytes are not a valid ledger leaf.
public enum LedgerLeafError: Error, Equatable, Sendable {
    /// Not canonical JSON in the subset.
    case notCanonicalJSON(CanonicalJSONError)
    /// Not an object with exactly the members `c` and `v`.
    case wrongMembers
    /// `v` is not the integer 1.
    case unsupportedVersion
    /// `c` is not the canonical base64 of 32 bytes.
    case invalidCommitment
}
