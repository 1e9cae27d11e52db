/// HMAC-based one-time passwords (RFC 4226), the building block of ``TOTP``.
public enum HOTP {
    /// The digit counts an HOTP value may have (RFC 4226 §5.3 requires at least 6; 8 is the most
    /// that the 31-bit truncated value still fills uniformly enough to be useful).
    public static let allowedDigits = 6...8

    /// The `digits`-digit code for `counter`, zero-padded on the left.
    ///
    /// RFC 4226 §5.3: HMAC over the counter as 8 big-endian bytes, then "dynamic truncation": the low
    /// nibble of the last MAC byte picks an offset, the 31 bits from there are taken modulo 10^digits.
    public static func code(
        secret: [UInt8], counter: UInt64, digits: Int = 6, algorithm: OTPAlgorithm = .sha1
    ) -> String {
        precondition(allowedDigits.contains(digits), "HOTP codes have 6 to 8 digits")
        let message = (0..<8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64($0))) }
        let mac = algorithm.authenticationCode(key: secret, message: message)
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let number = String(binary % modulus)
        return String(repeating: "0", count: digits - number.count) + number
    }
}
