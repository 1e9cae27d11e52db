import Crypto

/// An encrypted page payload as the page carries it: AES-256-GCM under the ``EmergencyKey``,
/// with the PBKDF2 salt and count the browser needs to derive that key (REC-3).
///
/// The nonce is 96 random bits (NIST SP 800-38D §8.2.2). One key seals one page per active
/// patient per day, about 10^5 to 10^6 pages a year for a clinic, far below the 2^32
/// invocations SP 800-38D §8.3 allows per key with random nonces. The associated data is the
/// fixed ``associatedData`` label, so a ciphertext sealed by this key for another purpose
/// never opens as a page.
///
/// In the page it is one JSON object inside `<script type="application/json">`:
/// `{"v":1,"kdf":"PBKDF2-SHA256","iterations":…,"salt":"…","cipher":"AES-256-GCM","nonce":"…",
/// "ciphertext":"…"}`, byte strings in standard base64, the 16-byte tag at the end of
/// `ciphertext` (as Web Crypto's `decrypt` expects it).
public struct EmergencyEnvelope: Sendable, Equatable {
    /// The associated data label; the page's script uses the same bytes.
    public static let associatedData = "kura.emergency-page.v1"
    /// The nonce length in bytes.
    public static let nonceByteCount = 12
    /// The tag length in bytes.
    public static let tagByteCount = 16

    /// The PBKDF2 salt.
    public let salt: [UInt8]
    /// The PBKDF2 iteration count.
    public let iterations: Int
    /// The AES-GCM nonce.
    public let nonce: [UInt8]
    /// The ciphertext followed by the tag.
    public let sealed: [UInt8]

    /// Encrypts `plaintext` under `key` with a fresh nonce.
    public static func seal(
        _ plaintext: [UInt8], key: EmergencyKey, using random: some RandomBytesSource
    ) throws(EmergencyError) -> EmergencyEnvelope {
        let nonce = random.exactly(nonceByteCount)
        do {
            let box = try AES.GCM.seal(
                plaintext, using: key.key, nonce: AES.GCM.Nonce(data: nonce),
                authenticating: Array(associatedData.utf8))
            return EmergencyEnvelope(
                salt: key.salt, iterations: key.iterations, nonce: nonce, sealed: Array(box.ciphertext) + Array(box.tag)
            )
        } catch {
            throw .sealingFailed
        }
    }

    /// Decrypts with `key`, as the page does with the key it derived.
    public func open(with key: EmergencyKey) throws(EmergencyError) -> [UInt8] {
        guard sealed.count >= Self.tagByteCount else { throw .authenticationFailed }
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: nonce), ciphertext: sealed.dropLast(Self.tagByteCount),
                tag: sealed.suffix(Self.tagByteCount))
            return Array(try AES.GCM.open(box, using: key.key, authenticating: Array(Self.associatedData.utf8)))
        } catch {
            throw .authenticationFailed
        }
    }

    /// The JSON the page embeds: only ASCII letters, digits, `+/=`, quotes and punctuation of
    /// JSON, so it can sit inside a `<script>` element without escaping.
    public var json: String {
        let document: CanonicalJSON = .object([
            "v": .integer(1), "kdf": .string("PBKDF2-SHA256"), "iterations": .integer(Int64(iterations)),
            "salt": .string(StrictBase64.encode(salt)), "cipher": .string("AES-256-GCM"),
            "nonce": .string(StrictBase64.encode(nonce)), "ciphertext": .string(StrictBase64.encode(sealed)),
        ])
        // Integers are within 2^53 and every name is ASCII: serialising cannot fail.
        return (try? document.canonicalString()) ?? "{}"
    }

    /// Reads the JSON of ``json`` back; nil for anything else.
    public init?(json text: String) {
        guard case .object(let members) = try? CanonicalJSON.parse(Array(text.utf8)),
            members["v"] == .integer(1), members["kdf"] == .string("PBKDF2-SHA256"),
            members["cipher"] == .string("AES-256-GCM"),
            case .integer(let iterations) = members["iterations"], iterations <= Int64(Int32.max),
            case .string(let salt) = members["salt"], let saltBytes = StrictBase64.decode(salt),
            case .string(let nonce) = members["nonce"], let nonceBytes = StrictBase64.decode(nonce),
            nonceBytes.count == Self.nonceByteCount,
            case .string(let sealed) = members["ciphertext"], let sealedBytes = StrictBase64.decode(sealed)
        else { return nil }
        self.init(salt: saltBytes, iterations: Int(iterations), nonce: nonceBytes, sealed: sealedBytes)
    }

    init(salt: [UInt8], iterations: Int, nonce: [UInt8], sealed: [UInt8]) {
        self.salt = salt
        self.iterations = iterations
        self.nonce = nonce
        self.sealed = sealed
    }
}
