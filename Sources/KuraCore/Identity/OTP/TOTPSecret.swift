/// Makes the shared secrets of TOTP enrolment (MFA-1).
///
/// The bytes are handed back as a plain array because they go straight into the foundation's encrypted
/// field for storage and into the `otpauth://` URI shown once at enrolment; they never go anywhere else.
public struct TOTPSecret {
    /// 160 bits: RFC 4226 §4 R6 requires at least 128 and recommends 160, the SHA-1 output length.
    public static let byteCount = 20

    /// A fresh secret of ``byteCount`` bytes from `random` (the server passes its CSPRNG).
    public static func generate(using random: some RandomBytesSource) -> [UInt8] {
        random.exactly(byteCount)
    }

    private init() {}
}
