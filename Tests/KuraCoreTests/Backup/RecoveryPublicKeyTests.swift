import Crypto
import Foundation
import KuraCore
import Testing

@Suite("The recovery public key the server keeps, and its fingerprint")
struct RecoveryPublicKeyTests {
    let fixture = BackupFixtures.recoveryKey()
    var key: RecoveryKey { fixture.key }
    var raw: [UInt8] { fixture.raw }
    var publicKey: RecoveryPublicKey { key.publicKey }

    @Test("the public key is the X25519 public key of the recovery key")
    func derivation() throws {
        let reference = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw).publicKey
        #expect(publicKey.rawRepresentation == Array(reference.rawRepresentation))
    }

    @Test("the text is kura-recovery-public-1: and standard base64, and reads back")
    func text() throws {
        let expected = "kura-recovery-public-1:" + Data(publicKey.rawRepresentation).base64EncodedString()
        #expect(publicKey.text == expected)
        #expect(try RecoveryPublicKey(text: publicKey.text) == publicKey)
        #expect(try RecoveryPublicKey(text: publicKey.text + "\n") == publicKey)
        #expect(try RecoveryPublicKey(rawRepresentation: publicKey.rawRepresentation) == publicKey)
    }

    @Test("malformed public keys are refused")
    func refusals() {
        let base64 = String(publicKey.text.dropFirst("kura-recovery-public-1:".count))
        let inputs = [
            "", base64, "kura-recovery-public-2:" + base64, "KURA-RECOVERY-PUBLIC-1:" + base64,
            "kura-recovery-public-1:" + base64.dropLast(), "kura-recovery-public-1:" + base64 + "AAAA",
            "kura-recovery-public-1:" + Data(repeating: 1, count: 31).base64EncodedString(),
            "kura-recovery-public-1: " + base64, key.text,
        ]
        for input in inputs {
            #expect(throws: BackupCryptoError.invalidRecoveryPublicKey) { try RecoveryPublicKey(text: input) }
        }
        for count in [0, 31, 33] {
            #expect(throws: BackupCryptoError.invalidRecoveryPublicKey) {
                try RecoveryPublicKey(rawRepresentation: [UInt8](repeating: 9, count: count))
            }
        }
    }

    @Test("the fingerprint is 16 bytes of SHA-256 over the labelled key, in hex groups of four")
    func fingerprint() {
        let digest = SHA256.hash(data: Array("kura recovery public key v1\0".utf8) + publicKey.rawRepresentation)
        let hex = Array(hexEncoded(digest.prefix(16)))
        let expected = stride(from: 0, to: 32, by: 4).map { String(hex[$0..<$0 + 4]) }.joined(separator: ":")
        #expect(publicKey.fingerprint == expected)
        #expect(publicKey.fingerprint.count == 39)
        #expect(BackupFixtures.recoveryKey(seed: "other").key.publicKey.fingerprint != expected)
    }
}
