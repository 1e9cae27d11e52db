import Foundation
import KuraCore
import Testing

@Suite("Key descriptions never contain key bytes (STYLE.md 4)")
struct KeyRedactionTests {
    let secret: [UInt8] = (0..<32).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

    /// Every rendering a log line, a failed `#expect` or a debugger could produce.
    func renderings(of value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), dumped, "\(value)"]
    }

    /// The forms the bytes could leak in: hex either case, base64, and the decimal array.
    var leakForms: [String] {
        [
            hexEncoded(secret), hexEncoded(secret).uppercased(), Data(secret).base64EncodedString(),
            hexEncoded(secret.prefix(8)), secret.map(String.init).joined(separator: ", "),
        ]
    }

    func expectRedacted(_ value: Any, sourceLocation: SourceLocation = #_sourceLocation) {
        for rendering in renderings(of: value) {
            for form in leakForms {
                #expect(!rendering.contains(form), "leaked in: \(rendering)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("a key-encryption key prints its version only")
    func kek() throws {
        let key = try #require(KeyEncryptionKey(version: KeyVersion(4), bytes: secret))
        expectRedacted(key)
        #expect(String(describing: key) == "KeyEncryptionKey(v4, redacted)")
        expectRedacted(KeyRing(key))
    }

    @Test("a log signing seed and the key material holding it print no bytes")
    func seedAndMaterial() throws {
        let seed = try #require(LogSigningKeySeed(bytes: secret))
        expectRedacted(seed)
        let kek = try #require(KeyEncryptionKey(version: .initial, bytes: secret.reversed()))
        let material = ClinicKeyMaterial(clinicID: "c1", logSigningSeed: seed, keyEncryptionKey: kek)
        expectRedacted(material)
        for rendering in renderings(of: material) {
            #expect(!rendering.contains(hexEncoded(secret.reversed())))
        }
    }

    @Test("a data key prints no bytes")
    func dataKey() {
        let key = DataKey.generate(using: SeededRandomBytes(seed: "redaction"))
        let expected = SeededRandomBytes(seed: "redaction").bytes(count: 32)
        for rendering in renderings(of: key) {
            #expect(!rendering.contains(hexEncoded(expected)))
            #expect(!rendering.contains(Data(expected).base64EncodedString()))
        }
        #expect(String(describing: key) == "DataKey(redacted)")
    }

    @Test("a plain key file prints no secrets")
    func keyFile() throws {
        let seed = try #require(LogSigningKeySeed(bytes: secret))
        let kek = try #require(KeyEncryptionKey(version: .initial, bytes: secret))
        let file = try KeyFile.plain(ClinicKeyMaterial(clinicID: "c1", logSigningSeed: seed, keyEncryptionKey: kek))
        expectRedacted(file)
    }

    @Test("wrong-length key bytes are refused")
    func lengths() {
        #expect(KeyEncryptionKey(version: .initial, bytes: secret.dropLast()) == nil)
        #expect(KeyEncryptionKey(version: .initial, bytes: secret + [0]) == nil)
        #expect(LogSigningKeySeed(bytes: secret.prefix(16)) == nil)
    }
}
