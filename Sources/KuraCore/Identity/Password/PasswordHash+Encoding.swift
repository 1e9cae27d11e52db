/// The PHC string format for scrypt: `$scrypt$ln=<log2N>,r=<r>,p=<p>$<salt>$<hash>`.
///
/// The salt and hash are unpadded standard base64 (PHC "B64"). Kura writes exactly one spelling and
/// parses only that spelling: parameters in the order ln, r, p as decimal numbers without sign or
/// leading zeros, inside `ScryptParameters`' bounds; a 16-byte salt and a 32-byte hash; nothing
/// before or after. A looser parser would let a tampered row pass as a different-looking but
/// accepted hash, or let a crafted row demand gigabytes of memory at login.
extension PasswordHash {
    /// The PHC algorithm identifier.
    static let algorithm = "scrypt"

    /// The string stored in the database.
    public var encoded: String {
        "$\(Self.algorithm)$ln=\(parameters.log2N),r=\(parameters.blockSize),p=\(parameters.parallelism)$"
            + "\(UnpaddedBase64.encode(salt))$\(UnpaddedBase64.encode(hash))"
    }

    /// Parses a stored hash strictly (see the type's comment).
    public init(encoded: String) throws(PasswordHashError) {
        // Split on "$" keeping empty parts: the leading "$" gives an empty first part.
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == Self.algorithm else { throw .malformed }
        let fields = parts[2].split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == 3,
            let log2N = Self.number(fields[0], named: "ln"),
            let blockSize = Self.number(fields[1], named: "r"),
            let parallelism = Self.number(fields[2], named: "p")
        else { throw .malformed }
        guard log2N <= UInt8.max, blockSize <= UInt32.max, parallelism <= UInt32.max,
            let parameters = ScryptParameters(
                log2N: UInt8(log2N), blockSize: UInt32(blockSize), parallelism: UInt32(parallelism))
        else { throw .unsupportedParameters }
        guard let salt = UnpaddedBase64.decode(parts[3]), salt.count == Self.saltByteCount,
            let hash = UnpaddedBase64.decode(parts[4]), hash.count == Self.hashByteCount
        else { throw .malformed }
        try self.init(parameters: parameters, salt: salt, hash: hash)
    }

    /// The value of `name=<decimal>`: ASCII digits only, no leading zero, at most 9 digits (so it
    /// cannot overflow); nil otherwise.
    private static func number(_ field: Substring, named name: String) -> Int? {
        let prefix = name + "="
        guard field.hasPrefix(prefix) else { return nil }
        let digits = field.utf8.dropFirst(prefix.utf8.count)
        guard (1...9).contains(digits.count),
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            digits.first != UInt8(ascii: "0") || digits.count == 1
        else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
