/// Standard-alphabet base64 without padding, as the PHC string format writes salts and hashes.
///
/// PHC's "B64" is RFC 4648 §4 with the `=` padding removed. Decoding is strict like `StrictBase64`
/// (it is built on it): no padding, no whitespace, no URL alphabet and unused trailing bits zero, so
/// every byte string has exactly one spelling and a stored hash cannot be altered unnoticed by
/// re-spelling it.
enum UnpaddedBase64 {
    /// Encodes `bytes` without padding.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        String(StrictBase64.encode(bytes).prefix { $0 != "=" })
    }

    /// Decodes the one canonical unpadded spelling; nil for anything else.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        // A remainder of 1 can never be produced by an encoder; padding must not appear at all.
        guard utf8.count % 4 != 1, !utf8.contains(UInt8(ascii: "=")) else { return nil }
        let padding = String(repeating: "=", count: (4 - utf8.count % 4) % 4)
        return StrictBase64.decode(String(decoding: utf8, as: UTF8.self) + padding)
    }
}
