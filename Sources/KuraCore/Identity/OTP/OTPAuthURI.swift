/// The `otpauth://` URI that an authenticator app scans at TOTP enrolment (MFA-1).
///
/// Google Authenticator's "Key Uri Format": `otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&…`.
/// The label parts and the issuer parameter are UTF-8 percent-encoded, leaving only RFC 3986 §2.3
/// unreserved characters as they are, so spaces become `%20` (never `+`, which apps would show literally)
/// and a Japanese clinic name survives every reader. A colon inside the issuer or account name is
/// encoded as `%3A`, keeping the one literal colon that separates them; the `issuer` parameter, which
/// apps prefer over the label prefix, carries the issuer unambiguously. The parameters are fixed to what
/// Kura enrols (SHA-1, 6 digits, 30 seconds) and stated explicitly, since some apps ignore defaults.
public struct OTPAuthURI: Sendable {
    /// The service name shown in the app, e.g. the clinic's name.
    public let issuer: String
    /// The account's login name, shown under the issuer.
    public let accountName: String
    /// The shared secret.
    let secret: [UInt8]

    /// Describes the TOTP key `secret` of `accountName` at `issuer`.
    public init(issuer: String, accountName: String, secret: [UInt8]) {
        self.issuer = issuer
        self.accountName = accountName
        self.secret = secret
    }

    /// The URI to show as a QR code; it contains the secret, so it is shown once and never logged.
    public var uri: String {
        let label = Self.percentEncoded(issuer) + ":" + Self.percentEncoded(accountName)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(Self.percentEncoded(issuer))"
            + "&algorithm=\(OTPAlgorithm.sha1.uriName)&digits=6&period=30"
    }

    /// UTF-8 percent-encoding of everything but RFC 3986 §2.3 unreserved characters, upper-case hex.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.append(byte)
            default:
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension OTPAuthURI: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The label only; the URI holds the secret and is never printed.
    public var description: String { "OTPAuthURI(redacted)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// A mirror without the secret, so `dump` cannot print it.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
