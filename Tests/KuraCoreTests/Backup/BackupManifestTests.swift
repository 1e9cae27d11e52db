import Crypto
import Foundation
import KuraCore
import Testing

@Suite("Backup manifests: canonical bytes, authenticator, opening (BAK-1)")
struct BackupManifestTests {
    let generation = BackupFixtures.generationKey()
    let recovery = BackupFixtures.recoveryKey()

    func manifest(generationID: String = "gen-2025-04-01", key: GenerationKey? = nil) throws -> BackupManifest {
        BackupManifest(
            generationID: generationID, createdAt: 1_743_476_400_123, softwareVersion: "0.4.0", schemaVersion: 7,
            sourceBackend: "sqlite", clinicID: "clinic-1", origin: "kura.example/clinic-1",
            checkpoint:
                "kura.example/clinic-1\n42\nq6x2d9bY0VvPZ+7tL7Qk0mO3pO8nT2b4x1z5cA9wRrE=\n\n— kura.example/clinic-1 AbC=\n",
            recoveryKeyFingerprint: recovery.key.publicKey.fingerprint,
            wrappedKey: try (key ?? generation.key).wrapped(to: recovery.key.publicKey, generationID: generationID),
            files: [
                .init(
                    name: "records.jsonl", byteCount: 1_048_612, sha256: String(repeating: "ab", count: 32), rows: 812),
                .init(
                    name: "attachments/2025/0001.bin", byteCount: 36, sha256: String(repeating: "0f", count: 32),
                    rows: 0),
            ])
    }

    @Test("encoded() is RFC 8785: sorted members, no whitespace, '/' literal, and the same bytes every time")
    func canonical() throws {
        let manifest = try manifest()
        let bytes = manifest.encoded()
        #expect(bytes == manifest.encoded())
        #expect(try CanonicalJSON.parseCanonical(bytes).canonicalBytes() == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"checkpoint":"kura.example/clinic-1\n42\n"#))
        #expect(text.contains(#""files":[{"byteCount":1048612,"name":"records.jsonl","rows":812,"sha256":"abab"#))
        #expect(text.contains(#""formatVersion":1,"generationID":"gen-2025-04-01""#))
        #expect(!text.contains("\\/"))
        #expect(!text.contains(" \""))
    }

    @Test("decodeUnauthenticated reads encoded() back, and Codable round-trips through JSONEncoder")
    func decoding() throws {
        let manifest = try manifest()
        #expect(try BackupManifest.decodeUnauthenticated(manifest.encoded()) == manifest)
        let json = try JSONEncoder().encode(manifest)
        #expect(try JSONDecoder().decode(BackupManifest.self, from: json) == manifest)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let wrapped = try #require(object["wrappedKey"] as? [String: String])
        #expect(wrapped["ciphertext"] == Data(manifest.wrappedKey.ciphertext).base64EncodedString())
        // Pretty-printed with other member order still lists (it is not authenticated, only read).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        #expect(try BackupManifest.decodeUnauthenticated(Array(encoder.encode(manifest))) == manifest)
    }

    @Test("the authenticator is HMAC-SHA256 of encoded() under the HKDF manifest subkey, lower-case hex")
    func authenticator() throws {
        let manifest = try manifest()
        let macKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: generation.raw), salt: Array("kura.backup.v1".utf8),
            info: Array("kura backup manifest mac key v1".utf8), outputByteCount: 32)
        let expected = hexEncoded(HMAC<SHA256>.authenticationCode(for: manifest.encoded(), using: macKey))
        #expect(manifest.authenticator(key: generation.key) == expected)
        #expect(expected.count == 64)
    }

    @Test("open returns the manifest and the generation key; a final newline on the MAC is fine")
    func open() throws {
        let manifest = try manifest()
        let mac = manifest.authenticator(key: generation.key)
        for given in [mac, mac + "\n"] {
            let (opened, key) = try BackupManifest.open(
                manifestBytes: manifest.encoded(), authenticator: given, recoveryKey: recovery.key)
            #expect(opened == manifest)
            #expect(key == generation.key)
        }
    }

    @Test("another recovery key is refused as the wrong recovery key")
    func wrongRecoveryKey() throws {
        let manifest = try manifest()
        #expect(throws: BackupCryptoError.wrongRecoveryKey) {
            try BackupManifest.open(
                manifestBytes: manifest.encoded(), authenticator: manifest.authenticator(key: generation.key),
                recoveryKey: BackupFixtures.recoveryKey(seed: "other").key)
        }
    }

    @Test("every changed byte of the manifest is refused, never as a wrong recovery key")
    func everyByteFlipRefused() throws {
        let manifest = try manifest()
        let bytes = manifest.encoded()
        let mac = manifest.authenticator(key: generation.key)
        for index in bytes.indices {
            var tampered = bytes
            tampered[index] ^= 0x01
            do throws(BackupCryptoError) {
                _ = try BackupManifest.open(manifestBytes: tampered, authenticator: mac, recoveryKey: recovery.key)
                Issue.record("byte \(index) changed and the manifest still opened")
            } catch {
                #expect(error != .wrongRecoveryKey, "byte \(index)")
            }
        }
        // A change that keeps the JSON valid is named as an alteration.
        let altered = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "812", with: "813").utf8)
        #expect(throws: BackupCryptoError.manifestAltered) {
            try BackupManifest.open(manifestBytes: altered, authenticator: mac, recoveryKey: recovery.key)
        }
    }

    @Test("an altered authenticator is refused", arguments: [0, 1, 31, 63])
    func alteredMAC(index: Int) throws {
        let manifest = try manifest()
        var mac = Array(manifest.authenticator(key: generation.key))
        mac[index] = mac[index] == "0" ? "1" : "0"
        let variants = [
            String(mac), String(mac.dropLast()), manifest.authenticator(key: generation.key).uppercased(), "",
        ]
        for variant in variants {
            #expect(throws: BackupCryptoError.manifestAltered) {
                try BackupManifest.open(
                    manifestBytes: manifest.encoded(), authenticator: variant, recoveryKey: recovery.key)
            }
        }
    }

    @Test("a wrapped key taken from another generation's manifest is refused, even with a valid MAC")
    func wrappedKeyFromAnotherGeneration() throws {
        // Generation B's manifest carries A's wrapped key; the MAC is made with A's key, which an attacker
        // holding A's key could do. The generation id in the HPKE associated data still refuses it.
        let first = try manifest(generationID: "gen-a")
        let moved = BackupManifest(
            generationID: "gen-b", createdAt: first.createdAt, softwareVersion: first.softwareVersion,
            schemaVersion: first.schemaVersion, sourceBackend: first.sourceBackend, clinicID: first.clinicID,
            origin: first.origin, checkpoint: first.checkpoint, recoveryKeyFingerprint: first.recoveryKeyFingerprint,
            wrappedKey: first.wrappedKey, files: first.files)
        #expect(throws: BackupCryptoError.manifestAltered) {
            try BackupManifest.open(
                manifestBytes: moved.encoded(), authenticator: moved.authenticator(key: generation.key),
                recoveryKey: recovery.key)
        }
    }

    @Test("a manifest MAC made with another generation's key is refused")
    func macFromAnotherKey() throws {
        let manifest = try manifest()
        let other = BackupFixtures.generationKey(seed: "other").key
        #expect(throws: BackupCryptoError.manifestAltered) {
            try BackupManifest.open(
                manifestBytes: manifest.encoded(), authenticator: manifest.authenticator(key: other),
                recoveryKey: recovery.key)
        }
    }

    @Test("a newer format version is named as such")
    func unsupportedVersion() throws {
        let text = String(decoding: try manifest().encoded(), as: UTF8.self)
        for version in [2, 0, 99] {
            let bytes = Array(
                text.replacingOccurrences(of: #""formatVersion":1"#, with: "\"formatVersion\":\(version)").utf8)
            #expect(throws: BackupCryptoError.unsupportedManifestVersion(version)) {
                try BackupManifest.decodeUnauthenticated(bytes)
            }
        }
        #expect(throws: BackupCryptoError.unsupportedManifestVersion(2)) {
            try BackupManifest.decodeUnauthenticated(Array(#"{"formatVersion":2,"anything":[]}"#.utf8))
        }
    }

    @Test("bytes that are not a manifest are unreadable")
    func unreadable() throws {
        let text = String(decoding: try manifest().encoded(), as: UTF8.self)
        let inputs = [
            "", "[]", "{}", "null", #"{"formatVersion":"1"}"#, String(text.dropLast()),
            text.replacingOccurrences(of: #""clinicID":"clinic-1","#, with: ""),  // missing member
            text.replacingOccurrences(of: #""clinicID":"#, with: #""extra":1,"clinicID":"#),  // unknown member
            text.replacingOccurrences(of: #""clinicID":"clinic-1""#, with: #""clinicID":1"#),  // wrong type
            text.replacingOccurrences(of: #""rows":0"#, with: #""rows":-1"#),  // negative count
            text.replacingOccurrences(of: #""schemaVersion":7"#, with: #""schemaVersion":-7"#),
            text.replacingOccurrences(of: #""encapsulatedKey":""#, with: #""encapsulatedKey":"!"#),  // not base64
            text.replacingOccurrences(of: #""files":["#, with: #""files":[1,"#),
        ]
        for input in inputs {
            #expect(input != text)
            #expect(throws: BackupCryptoError.manifestUnreadable) {
                try BackupManifest.decodeUnauthenticated(Array(input.utf8))
            }
        }
    }

    @Test("Codable refuses integers that encoded() could not write exactly")
    func codableRanges() throws {
        let json = try JSONEncoder().encode(try manifest())
        let text = String(decoding: json, as: UTF8.self)
        for (member, value) in [("createdAt", "1743476400123"), ("schemaVersion", "7")] {
            let bad = text.replacingOccurrences(of: "\"\(member)\":\(value)", with: "\"\(member)\":9007199254740993")
            #expect(bad != text)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(BackupManifest.self, from: Data(bad.utf8)) }
        }
        let negativeRows = text.replacingOccurrences(of: "\"rows\":812", with: "\"rows\":-1")
        #expect(negativeRows != text)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BackupManifest.self, from: Data(negativeRows.utf8))
        }
    }
}
