import Foundation
import KuraCore
import Testing

/// `emergency.key` (REC-3): the derived key sealed by the clinic's KEK with the salt and count
/// bound to it, so a file moved, edited or opened with another KEK fails instead of making
/// pages no passphrase opens.
@Suite("Emergency key file")
struct EmergencyKeyFileTests {
    let random = SeededRandomBytes(seed: "emergency-key-file-tests")

    func key() throws -> EmergencyKey {
        try #require(
            EmergencyKey(keyBytes: random.bytes(count: 32), salt: random.bytes(count: 16), iterations: 600_000))
    }

    @Test("the file opens to the same key with the same clinic and KEK, and holds no key bytes in clear")
    func roundTrip() throws {
        let key = try key()
        let kek = KeyEncryptionKey.generate(version: KeyVersion(1), using: random)
        let file = try key.sealedFile(clinicID: "clinic-1", kek: kek, using: random)
        #expect(file.last == UInt8(ascii: "\n"))
        let text = String(decoding: file, as: UTF8.self)
        #expect(text.hasPrefix(#"{"format":"kura-emergency-key","iterations":600000,"kdf":"PBKDF2-HMAC-SHA256","#))
        #expect(try EmergencyKey(sealedFile: file, clinicID: "clinic-1", keys: KeyRing(kek)) == key)
    }

    @Test("another clinic or another KEK cannot open it")
    func wrongKeys() throws {
        let key = try key()
        let kek = KeyEncryptionKey.generate(version: KeyVersion(1), using: random)
        let file = try key.sealedFile(clinicID: "clinic-1", kek: kek, using: random)
        #expect(throws: EmergencyError.keyFileDoesNotOpen) {
            try EmergencyKey(sealedFile: file, clinicID: "clinic-2", keys: KeyRing(kek))
        }
        let other = KeyEncryptionKey.generate(version: KeyVersion(1), using: random)
        #expect(throws: EmergencyError.keyFileDoesNotOpen) {
            try EmergencyKey(sealedFile: file, clinicID: "clinic-1", keys: KeyRing(other))
        }
    }

    @Test("an edited count or salt, a lowered count, a missing or extra member is refused")
    func edits() throws {
        let key = try key()
        let kek = KeyEncryptionKey.generate(version: KeyVersion(1), using: random)
        let text = String(decoding: try key.sealedFile(clinicID: "c", kek: kek, using: random), as: UTF8.self)
        func open(_ edited: String) throws -> EmergencyKey {
            try EmergencyKey(sealedFile: Array(edited.utf8), clinicID: "c", keys: KeyRing(kek))
        }
        #expect(throws: EmergencyError.keyFileDoesNotOpen) {
            try open(text.replacingOccurrences(of: "600000", with: "700000"))
        }
        #expect(throws: EmergencyError.weakParameters) {
            try open(text.replacingOccurrences(of: "600000", with: "1000"))
        }
        let salt = StrictBase64Probe.salt(in: text)
        var otherSalt = salt
        otherSalt.replaceSubrange(otherSalt.startIndex...otherSalt.startIndex, with: salt.first == "A" ? "B" : "A")
        #expect(throws: EmergencyError.keyFileDoesNotOpen) {
            try open(text.replacingOccurrences(of: salt, with: otherSalt))
        }
        #expect(throws: EmergencyError.malformedKeyFile) {
            try open(text.replacingOccurrences(of: #""v":1"#, with: #""v":1,"x":0"#))
        }
        #expect(throws: EmergencyError.malformedKeyFile) {
            try open(text.replacingOccurrences(of: #""v":1"#, with: #""v":2"#))
        }
        #expect(throws: EmergencyError.malformedKeyFile) { try open("not json") }
    }
}

/// Picks the salt's base64 out of a key file's text.
enum StrictBase64Probe {
    static func salt(in text: String) -> String {
        let after = text.components(separatedBy: #""salt":""#)[1]
        return String(after.prefix { $0 != "\"" })
    }
}
