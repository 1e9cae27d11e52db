import Crypto
import Foundation
import KuraCore
import Testing

@Suite("The offline recovery key and its printed text (BAK-2)")
struct RecoveryKeyTests {
    let fixture = BackupFixtures.recoveryKey()
    var key: RecoveryKey { fixture.key }
    var raw: [UInt8] { fixture.raw }

    /// The text computed from the format description: prefix, then base32 of key and SHA-256 checksum
    /// in groups of four.
    var expectedText: String {
        let symbols = Array(Base32.encode(raw + Array(SHA256.hash(data: raw).prefix(4))))
        let groups = stride(from: 0, to: symbols.count, by: 4).map {
            String(symbols[$0..<min($0 + 4, symbols.count)])
        }
        return "KURA-RECOVERY-1-" + groups.joined(separator: "-")
    }

    @Test("the text is KURA-RECOVERY-1- and 58 base32 symbols of key and checksum in groups of four")
    func textFormat() {
        #expect(key.text == expectedText)
        #expect(key.text.count == 16 + 58 + 14)
        let groups = key.text.dropFirst(16).split(separator: "-")
        #expect(groups.count == 15)
        #expect(groups.dropLast().allSatisfy { $0.count == 4 } && groups.last?.count == 2)
    }

    @Test("the text reads back to the same key")
    func roundTrip() throws {
        #expect(try RecoveryKey(text: key.text) == key)
        for seed in ["a", "b", "c", "d"] {
            let other = BackupFixtures.recoveryKey(seed: seed).key
            #expect(try RecoveryKey(text: other.text) == other)
            #expect(other != key)
        }
    }

    @Test("the text may be typed in lower case, with spaces, newlines and dashes anywhere")
    func tolerantParsing() throws {
        let text = key.text
        let plain = text.replacingOccurrences(of: "-", with: "")
        let variants = [
            text.lowercased(),
            text.replacingOccurrences(of: "-", with: " "),
            text.replacingOccurrences(of: "-", with: "\n"),
            "  " + text + "\r\n",
            plain,
            String(plain.enumerated().map { $0.offset % 3 == 2 ? "\($0.element)-" : "\($0.element)" }.joined()),
            String(plain.prefix(40)) + "\n\t" + String(plain.dropFirst(40)).lowercased(),
            "kura recovery 1 " + text.dropFirst(16).lowercased(),
        ]
        for variant in variants {
            #expect(try RecoveryKey(text: variant) == key, "\(variant.count) characters")
        }
    }

    @Test(
        "a wrong or missing prefix is refused",
        arguments: ["KURA-RECOVERY-2-", "KURA-RECOVERY-", "", "KURA-RECOVER-1-", "kura-recovery-public-1:"])
    func wrongPrefix(prefix: String) {
        let body = String(key.text.dropFirst(16))
        #expect(throws: BackupCryptoError.recoveryKeyWrongPrefix) { try RecoveryKey(text: prefix + body) }
    }

    @Test("a character outside the alphabet is refused", arguments: ["0", "1", "8", "9", "=", ".", "あ", "_"])
    func invalidCharacter(character: String) {
        var text = key.text
        text.insert(contentsOf: character, at: text.index(text.startIndex, offsetBy: 30))
        #expect(throws: BackupCryptoError.recoveryKeyInvalidCharacter) { try RecoveryKey(text: text) }
        let replaced = String(key.text.dropLast()) + character
        #expect(throws: BackupCryptoError.recoveryKeyInvalidCharacter) { try RecoveryKey(text: replaced) }
    }

    @Test("a symbol too few or too many is refused", arguments: [-2, -1, 1, 2, 8])
    func wrongLength(change: Int) {
        let text = change < 0 ? String(key.text.dropLast(-change)) : key.text + String(repeating: "A", count: change)
        #expect(throws: BackupCryptoError.recoveryKeyWrongLength) { try RecoveryKey(text: text) }
        #expect(throws: BackupCryptoError.recoveryKeyWrongLength) { try RecoveryKey(text: "KURA-RECOVERY-1-") }
    }

    @Test("any one mistyped symbol, in the key, the checksum or the last padding bits, is caught")
    func everySubstitutionCaught() {
        let symbols = Array(key.text)
        for index in 16..<symbols.count where symbols[index] != "-" {
            for replacement: Character in ["A", "Q", "7"] where replacement != symbols[index] {
                var typo = symbols
                typo[index] = replacement
                #expect(throws: BackupCryptoError.recoveryKeyChecksumMismatch, "symbol \(index)") {
                    try RecoveryKey(text: String(typo))
                }
            }
        }
    }

    @Test("refusals describe the problem without repeating the key text")
    func errorsLeakNothing() {
        let text = key.text
        let typo = String(text.dropLast()) + (text.last == "A" ? "Q" : "A")
        let inputs = [text + "1", String(text.dropLast()), "X" + text, typo]
        for input in inputs {
            do {
                _ = try RecoveryKey(text: input)
                Issue.record("accepted")
            } catch {
                let groups = text.dropFirst(16).split(separator: "-")
                for group in groups where group.count == 4 {
                    #expect(!String(describing: error).contains(group))
                }
                #expect(!"\(error)".contains(hexEncoded(raw.prefix(4))))
            }
        }
    }

    @Test("descriptions and dumps of a recovery key never show its text or bytes")
    func redaction() {
        var dumped = ""
        dump(key, to: &dumped)
        for rendering in [String(describing: key), String(reflecting: key), dumped] {
            #expect(!rendering.contains(String(key.text.dropFirst(16).prefix(9))))
            #expect(!rendering.contains(hexEncoded(raw.prefix(8))))
            #expect(!rendering.contains(Data(raw).base64EncodedString().prefix(12)))
        }
        #expect(String(describing: key) == "RecoveryKey(\(key.publicKey.fingerprint), redacted)")
        #expect(String(describing: GenerationKey.generate(using: SeededRandomBytes())) == "GenerationKey(redacted)")
    }

    @Test("RFC 7748 §6.1: the public key of Alice's private key")
    func rfc7748Vector() throws {
        let alice = try #require(hexBytes("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"))
        let alicePublic = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
        let symbols = Array(Base32.encode(alice + Array(SHA256.hash(data: alice).prefix(4))))
        let key = try RecoveryKey(text: "KURA-RECOVERY-1-" + String(symbols))
        #expect(hexEncoded(key.publicKey.rawRepresentation) == alicePublic)
    }
}

/// Bytes from lower-case hex, for vectors.
func hexBytes(_ text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    for index in stride(from: 0, to: digits.count, by: 2) {
        guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
            return nil
        }
        bytes.append(byte)
    }
    return bytes
}
