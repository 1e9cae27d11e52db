import KuraCore
import Testing

@Suite("otpauth:// enrolment URI (Key Uri Format, MFA-1)")
struct OTPAuthURITests {
    let secret = Array("12345678901234567890".utf8)

    @Test("a plain issuer and account give the documented form with all parameters")
    func plain() {
        let uri = OTPAuthURI(issuer: "Kura", accountName: "yamada", secret: secret).uri
        #expect(
            uri == "otpauth://totp/Kura:yamada?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Kura"
                + "&algorithm=SHA1&digits=6&period=30")
    }

    @Test(
        "label and issuer are UTF-8 percent-encoded: spaces as %20, Japanese, reserved characters",
        arguments: [
            (
                "Kura Clinic", "yamada",
                "otpauth://totp/Kura%20Clinic:yamada?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Kura%20Clinic"
            ),
            (
                "蔵クリニック 本院", "yamada@example.jp",
                "otpauth://totp/%E8%94%B5%E3%82%AF%E3%83%AA%E3%83%8B%E3%83%83%E3%82%AF%20%E6%9C%AC%E9%99%A2"
                    + ":yamada%40example.jp?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                    + "&issuer=%E8%94%B5%E3%82%AF%E3%83%AA%E3%83%8B%E3%83%83%E3%82%AF%20%E6%9C%AC%E9%99%A2"
            ),
            (
                "A&B=C?#/", "x:y+z",
                "otpauth://totp/A%26B%3DC%3F%23%2F:x%3Ay%2Bz?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                    + "&issuer=A%26B%3DC%3F%23%2F"
            ),
            (
                "kura-1.example_~", "a.b-c_d~e",
                "otpauth://totp/kura-1.example_~:a.b-c_d~e?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                    + "&issuer=kura-1.example_~"
            ),
        ])
    func encoding(issuer: String, account: String, prefix: String) {
        let uri = OTPAuthURI(issuer: issuer, accountName: account, secret: secret).uri
        #expect(uri == prefix + "&algorithm=SHA1&digits=6&period=30")
        // Exactly one literal colon in the label (after the scheme's), no raw space or non-ASCII byte.
        #expect(uri.dropFirst("otpauth://".count).split(separator: "?")[0].count(where: { $0 == ":" }) == 1)
        #expect(uri.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F })
    }

    @Test("the secret in the URI decodes back to the secret bytes")
    func secretRoundTrip() throws {
        let random = SeededRandomBytes(seed: "otpauth")
        let secret = TOTPSecret.generate(using: random)
        let uri = OTPAuthURI(issuer: "Kura", accountName: "sato", secret: secret).uri
        let query = try #require(uri.split(separator: "?").last)
        let parameter = try #require(query.split(separator: "&").first { $0.hasPrefix("secret=") })
        #expect(Base32.decode(String(parameter.dropFirst("secret=".count))) == secret)
    }

    @Test("the URI value is never printed by description or reflection")
    func redaction() {
        let value = OTPAuthURI(issuer: "Kura", accountName: "yamada", secret: secret)
        for text in [String(describing: value), String(reflecting: value), dumped(value)] {
            #expect(!text.contains("GEZDGNBV"))
            #expect(!text.contains("1234567890"))
        }
    }
}
