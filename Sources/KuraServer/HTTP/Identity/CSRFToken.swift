import Crypto
import KuraCore

/// CSRF tokens for state-changing requests made with the session cookie (OWASP ASVS 4.2.2):
/// an HMAC of the session id under a key derived from the clinic KEK, so every server of the
/// clinic computes the same token and nothing is stored. Bearer-token clients need none: their
/// credential is never sent by a browser on its own.
struct CSRFToken: Sendable {
    let key: SymmetricKey

    /// Derives the key from the clinic's KEK.
    init(keys: ClinicKeyMaterial) {
        self.key = keys.keyEncryptionKey.derivedKey(purpose: "csrf")
    }

    /// The token for session `sessionID`.
    func token(for sessionID: String) -> String {
        OpaqueToken.base64URL(Array(HMAC<SHA256>.authenticationCode(for: Array(sessionID.utf8), using: key)))
    }

    /// Whether `candidate` is the token for `sessionID` (constant time).
    func isValid(_ candidate: String?, for sessionID: String) -> Bool {
        guard let candidate else { return false }
        return ConstantTime.equal(Array(candidate.utf8), Array(token(for: sessionID).utf8))
    }
}
