import Crypto
import Foundation
import KuraCore
import Testing

@Suite("Generation keys wrapped to the recovery key with HPKE (BAK-1, BAK-2)")
struct GenerationKeyTests {
    let generation = BackupFixtures.generationKey()
    let recovery = BackupFixtures.recoveryKey()
    let generationID = "2025-04-01T03-00-00Z-7f3a"

    @Test("a wrapped key unwraps with the recovery key and the same generation id")
    func roundTrip() throws {
        let wrapped = try generation.key.wrapped(to: recovery.key.publicKey, generationID: generationID)
        #expect(wrapped.encapsulatedKey.count == 32)
        #expect(wrapped.ciphertext.count == 48)
        #expect(try GenerationKey.unwrap(wrapped, with: recovery.key, generationID: generationID) == generation.key)
    }

    @Test("each wrap uses a fresh ephemeral key, and every wrap opens")
    func freshEphemeral() throws {
        let first = try generation.key.wrapped(to: recovery.key.publicKey, generationID: generationID)
        let second = try generation.key.wrapped(to: recovery.key.publicKey, generationID: generationID)
        #expect(first.encapsulatedKey != second.encapsulatedKey)
        #expect(first.ciphertext != second.ciphertext)
        #expect(try GenerationKey.unwrap(second, with: recovery.key, generationID: generationID) == generation.key)
    }

    @Test("the wrap is RFC 9180 HPKE base mode, X25519/HKDF-SHA256/AES-256-GCM, documented info and AAD")
    func standardHPKE() throws {
        let wrapped = try generation.key.wrapped(to: recovery.key.publicKey, generationID: generationID)
        let suite = HPKE.Ciphersuite(kem: .Curve25519_HKDF_SHA256, kdf: .HKDF_SHA256, aead: .AES_GCM_256)
        var recipient = try HPKE.Recipient(
            privateKey: Curve25519.KeyAgreement.PrivateKey(rawRepresentation: recovery.raw), ciphersuite: suite,
            info: Data("kura backup generation key v1".utf8), encapsulatedKey: Data(wrapped.encapsulatedKey))
        let opened = try recipient.open(wrapped.ciphertext, authenticating: Data(generationID.utf8))
        #expect(Array(opened) == generation.raw)
    }

    @Test("another recovery key does not unwrap")
    func wrongRecoveryKey() throws {
        let wrapped = try generation.key.wrapped(to: recovery.key.publicKey, generationID: generationID)
        let other = BackupFixtures.recoveryKey(seed: "other").key
        #expect(throws: BackupCryptoError.wrongRecoveryKey) {
            try GenerationKey.unwrap(wrapped, with: other, generationID: generationID)
        }
    }

    @Test("a wrapped key moved to another generation does not unwrap")
    func otherGeneration() throws {
        let wrapped = try generation.key.wrapped(to: recovery.key.publicKey, generationID: generationID)
        for other in ["2025-04-02T03-00-00Z-7f3a", "", generationID + " "] {
            #expect(throws: BackupCryptoError.wrongRecoveryKey) {
                try GenerationKey.unwrap(wrapped, with: recovery.key, generationID: other)
            }
        }
    }

    @Test("any altered byte of a wrapped key, or a wrong length, is refused")
    func alteredWrap() throws {
        let wrapped = try generation.key.wrapped(to: recovery.key.publicKey, generationID: generationID)
        var variants: [WrappedGenerationKey] = []
        for index in wrapped.encapsulatedKey.indices {
            var bytes = wrapped.encapsulatedKey
            bytes[index] ^= 0x40
            variants.append(WrappedGenerationKey(encapsulatedKey: bytes, ciphertext: wrapped.ciphertext))
        }
        for index in wrapped.ciphertext.indices {
            var bytes = wrapped.ciphertext
            bytes[index] ^= 0x01
            variants.append(WrappedGenerationKey(encapsulatedKey: wrapped.encapsulatedKey, ciphertext: bytes))
        }
        variants.append(WrappedGenerationKey(encapsulatedKey: [], ciphertext: wrapped.ciphertext))
        variants.append(WrappedGenerationKey(encapsulatedKey: wrapped.encapsulatedKey, ciphertext: []))
        variants.append(
            WrappedGenerationKey(encapsulatedKey: wrapped.encapsulatedKey, ciphertext: wrapped.ciphertext.dropLast()))
        for variant in variants {
            #expect(throws: BackupCryptoError.wrongRecoveryKey) {
                try GenerationKey.unwrap(variant, with: recovery.key, generationID: generationID)
            }
        }
    }

    @Test("in JSON a wrapped key is two base64 strings, and decodes back")
    func codable() throws {
        let wrapped = try generation.key.wrapped(to: recovery.key.publicKey, generationID: generationID)
        let json = try JSONEncoder().encode(wrapped)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: String])
        #expect(object["encapsulatedKey"] == Data(wrapped.encapsulatedKey).base64EncodedString())
        #expect(object["ciphertext"] == Data(wrapped.ciphertext).base64EncodedString())
        #expect(try JSONDecoder().decode(WrappedGenerationKey.self, from: json) == wrapped)
        let bad = Data(#"{"encapsulatedKey":"not base64!","ciphertext":""}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WrappedGenerationKey.self, from: bad) }
    }

    @Test("generation keys are fresh per generation and compare by value")
    func freshPerGeneration() {
        let random = SeededRandomBytes(seed: "generations")
        let first = GenerationKey.generate(using: random)
        let second = GenerationKey.generate(using: random)
        #expect(first != second)
        #expect(BackupFixtures.generationKey().key == generation.key)
    }
}
