/// A stored account password: scrypt (RFC 7914) with its salt and cost parameters (AUTH-2).
///
/// The parameters are stored beside each hash, so a hash made at an older cost still verifies and
/// can be upgraded at the next successful login (`needsRehash(for:)`). Passwords are bytes here:
/// the server passes the NFC-normalised UTF-8 of what the person typed, never truncated.
///
/// The salt and hash never appear in `description`, `debugDescription` or reflection; only
/// `encoded` (for the database) contains them.
public struct PasswordHash: Sendable, Equatable {
    /// Salt length in bytes (128 bits: unique per hash with overwhelming probability).
    public static let saltByteCount = 16
    /// Hash length in bytes (256 bits).
    public static let hashByteCount = 32

    /// The scrypt cost this hash was made with.
    public let parameters: ScryptParameters
    let salt: [UInt8]
    let hash: [UInt8]

    /// Assembles a hash from its parts; refuses a salt or hash of the wrong length.
    ///
    /// The server uses it for the dummy hash it verifies against when an account does not exist
    /// (a random salt and random hash bytes: nothing matches, and the work is the same).
    public init(parameters: ScryptParameters, salt: [UInt8], hash: [UInt8]) throws(PasswordHashError) {
        guard salt.count == Self.saltByteCount else { throw .invalidSaltLength }
        guard hash.count == Self.hashByteCount else { throw .malformed }
        self.parameters = parameters
        self.salt = salt
        self.hash = hash
    }

    /// Hashes `password` with `salt` (exactly 16 bytes, from a CSPRNG) at the given cost.
    public static func make(
        password: [UInt8],
        salt: [UInt8],
        parameters: ScryptParameters
    ) throws(PasswordHashError) -> PasswordHash {
        guard salt.count == saltByteCount else { throw .invalidSaltLength }
        let hash = try derive(password: password, salt: salt, parameters: parameters)
        return try PasswordHash(parameters: parameters, salt: salt, hash: hash)
    }

    /// scrypt(password, salt, N, r, p, 32) (RFC 7914 §6); public so that the RFC 7914 §12 vectors,
    /// whose salts are not 16 bytes, can prove that `make` and `verify` compute exactly scrypt.
    public static func derive(
        password: [UInt8],
        salt: [UInt8],
        parameters: ScryptParameters
    ) throws(PasswordHashError) -> [UInt8] {
        do {
            return try parameters.deriveKey(passphrase: password, salt: salt, byteCount: hashByteCount)
        } catch {
            throw .derivationFailed
        }
    }

    /// Recomputes the hash of `password` with the stored salt and parameters and compares it in
    /// constant time (AUTH-5: the comparison must not reveal how many leading bytes matched).
    public func verify(_ password: [UInt8]) throws(PasswordHashError) -> Bool {
        let candidate = try Self.derive(password: password, salt: salt, parameters: parameters)
        return ConstantTime.equal(candidate, hash)
    }

    /// Whether the hash should be recomputed at `current` cost at the next successful login: true
    /// whenever its parameters differ, so lowering the configured cost is honoured too.
    public func needsRehash(for current: ScryptParameters) -> Bool {
        parameters != current
    }
}

extension PasswordHash: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The parameters only, e.g. `PasswordHash(scrypt(N=65536, r=8, p=1))`.
    public var description: String { "PasswordHash(\(parameters))" }

    /// Same as `description`: debugging output must not show the salt or hash either.
    public var debugDescription: String { description }

    /// A mirror showing only the parameters, so `dump` cannot reach the salt or hash.
    public var customMirror: Mirror { Mirror(self, children: ["parameters": parameters]) }
}
