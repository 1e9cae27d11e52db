import KuraCore
import Testing

@Suite("Envelope encryption of fields (ENC-1)")
struct EncryptedFieldTests {
    let random = SeededRandomBytes(seed: "encrypted-field-tests")
    let context = FieldContext(clinicID: "clinic-1", objectID: "patient-42", field: "name.kana", version: 3)

    var kek: KeyEncryptionKey { .generate(version: KeyVersion(1), using: random) }

    @Test("a sealed value opens to the same plaintext", arguments: [0, 1, 15, 16, 17, 1000, 70_000])
    func roundTrip(length: Int) throws {
        let kek = self.kek
        let plaintext = random.bytes(count: length)
        let sealed = try EncryptedField.seal(plaintext, context: context, kek: kek, using: random)
        let parsed = try EncryptedField(serialized: sealed.serialized)
        #expect(parsed == sealed)
        #expect(parsed.keyVersion == kek.version)
        #expect(sealed.serialized.count == EncryptedField.overheadByteCount + length)
        #expect(try parsed.open(context: context, keys: KeyRing(kek)) == plaintext)
    }

    @Test("the serialised layout starts with format 1 and the big-endian KEK version")
    func layout() throws {
        let kek = KeyEncryptionKey.generate(version: KeyVersion(0x0102_0304), using: random)
        let sealed = try EncryptedField.seal(Array("山田".utf8), context: context, kek: kek, using: random)
        #expect(Array(sealed.serialized.prefix(5)) == [1, 1, 2, 3, 4])
        #expect(EncryptedField.overheadByteCount == 93)
    }

    @Test("sealing the same plaintext twice gives unrelated ciphertexts (fresh data key and nonces)")
    func freshKeys() throws {
        let kek = self.kek
        let first = try EncryptedField.seal(Array("same".utf8), context: context, kek: kek, using: random)
        let second = try EncryptedField.seal(Array("same".utf8), context: context, kek: kek, using: random)
        #expect(first.serialized != second.serialized)
        #expect(first.serialized[5...] != second.serialized[5...])
    }

    @Test("every single-byte change to the serialised value is refused")
    func everyByteFlipRefused() throws {
        let kek = self.kek
        let plaintext = Array("アレルギー: ペニシリン".utf8)
        let sealed = try EncryptedField.seal(plaintext, context: context, kek: kek, using: random)
        let bytes = sealed.serialized
        var refused = 0
        for index in bytes.indices {
            for mask: UInt8 in [0x01, 0x80] {
                var tampered = bytes
                tampered[index] ^= mask
                do {
                    _ = try EncryptedField(serialized: tampered).open(context: context, keys: KeyRing(kek))
                    Issue.record("byte \(index) flipped with \(mask) still opened")
                } catch {
                    refused += 1
                }
            }
        }
        #expect(refused == bytes.count * 2)
    }

    @Test("truncated, extended or unknown-format values are malformed")
    func strictParsing() throws {
        let kek = self.kek
        let sealed = try EncryptedField.seal([1, 2, 3], context: context, kek: kek, using: random).serialized
        for length in 0..<sealed.count where length < EncryptedField.overheadByteCount {
            #expect(throws: EncryptionError.malformed) { try EncryptedField(serialized: sealed.prefix(length)) }
        }
        var unknownFormat = sealed
        unknownFormat[0] = 2
        #expect(throws: EncryptionError.malformed) { try EncryptedField(serialized: unknownFormat) }
        // A longer value parses (the ciphertext is what remains) but no longer authenticates.
        let extended = try EncryptedField(serialized: sealed + [0])
        #expect(throws: EncryptionError.authenticationFailed) {
            try extended.open(context: context, keys: KeyRing(kek))
        }
    }

    @Test(
        "a value moved to another clinic, object, field or version does not open",
        arguments: [
            FieldContext(clinicID: "clinic-2", objectID: "patient-42", field: "name.kana", version: 3),
            FieldContext(clinicID: "clinic-1", objectID: "patient-43", field: "name.kana", version: 3),
            FieldContext(clinicID: "clinic-1", objectID: "patient-42", field: "name.kanji", version: 3),
            FieldContext(clinicID: "clinic-1", objectID: "patient-42", field: "name.kana", version: 4),
            // Same concatenated text, different split: the length prefixes keep these apart.
            FieldContext(clinicID: "clinic-1p", objectID: "atient-42", field: "name.kana", version: 3),
            FieldContext(clinicID: "clinic-1", objectID: "patient-42name", field: ".kana", version: 3),
        ])
    func swappedContextRefused(other: FieldContext) throws {
        let kek = self.kek
        let sealed = try EncryptedField.seal(Array("secret".utf8), context: context, kek: kek, using: random)
        #expect(throws: EncryptionError.authenticationFailed) { try sealed.open(context: other, keys: KeyRing(kek)) }
    }

    @Test("a different KEK under the same version does not open the value")
    func wrongKEKRefused() throws {
        let sealed = try EncryptedField.seal(Array("secret".utf8), context: context, kek: kek, using: random)
        let other = KeyEncryptionKey.generate(version: KeyVersion(1), using: random)
        #expect(throws: EncryptionError.authenticationFailed) {
            try sealed.open(context: context, keys: KeyRing(other))
        }
    }

    @Test("a value wrapped by a KEK version the ring lacks reports that version")
    func unknownVersion() throws {
        let sealed = try EncryptedField.seal(
            Array("secret".utf8), context: context, kek: .generate(version: KeyVersion(7), using: random),
            using: random)
        #expect(throws: EncryptionError.unknownKeyVersion(KeyVersion(7))) {
            try sealed.open(context: context, keys: KeyRing(kek))
        }
    }

    @Test("re-wrapping moves the data key to the new KEK without changing the content ciphertext")
    func rewrap() throws {
        let old = KeyEncryptionKey.generate(version: KeyVersion(1), using: random)
        let new = KeyEncryptionKey.generate(version: KeyVersion(2), using: random)
        let plaintext = Array("処方: アムロジピン 5mg".utf8)
        let sealed = try EncryptedField.seal(plaintext, context: context, kek: old, using: random)
        let ring = try #require(KeyRing(current: new, previous: [old]))
        let moved = try sealed.rewrapped(context: context, keys: ring, to: new, using: random)
        #expect(moved.keyVersion == KeyVersion(2))
        #expect(moved.serialized.suffix(plaintext.count + 28) == sealed.serialized.suffix(plaintext.count + 28))
        // What the ledger commits to survives rotation; the whole serialised value does not.
        #expect(moved.contentDigest == sealed.contentDigest)
        #expect(moved.serialized != sealed.serialized)
        #expect(EncryptedField.contentDigestHex(ofSerialized: moved.serialized) == sealed.contentDigest.hex)
        #expect(EncryptedField.contentDigestHex(ofSerialized: [1, 2, 3]) == nil)
        #expect(try moved.open(context: context, keys: KeyRing(new)) == plaintext)
        #expect(throws: EncryptionError.unknownKeyVersion(KeyVersion(2))) {
            try moved.open(context: context, keys: KeyRing(old))
        }
        let otherContext = FieldContext(clinicID: "clinic-1", objectID: "patient-9", field: "name.kana", version: 3)
        #expect(throws: EncryptionError.authenticationFailed) {
            try sealed.rewrapped(context: otherContext, keys: ring, to: new, using: random)
        }
    }

    @Test("a key ring refuses two keys with the same version")
    func keyRingDuplicates() {
        let one = KeyEncryptionKey.generate(version: KeyVersion(1), using: random)
        let two = KeyEncryptionKey.generate(version: KeyVersion(1), using: random)
        #expect(KeyRing(current: one, previous: [two]) == nil)
        #expect(KeyRing(current: one, previous: [])?.versions == [KeyVersion(1)])
    }
}
