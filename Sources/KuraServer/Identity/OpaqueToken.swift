import Crypto
import Foundation
import KuraCore

/// Bearer secrets and opaque ids made from system randomness.
///
/// Tokens (session, device, API) carry 256 bits and are stored only as their SHA-256, so a copy
/// of the database cannot be replayed as a cookie (SESS-1). Ids carry 128 bits behind a short
/// prefix naming their kind, so they reveal nothing and never collide in practice.
enum OpaqueToken {
    /// A fresh 256-bit token in unpadded base64url (43 characters).
    static func make(using random: any RandomBytesSource) -> String {
        base64URL(random.bytes(count: 32))
    }

    /// The stored form of a token: SHA-256 of its UTF-8.
    static func hash(_ token: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// A fresh id such as `acc_…`: the prefix, then 26 lowercase base32 characters (128 bits).
    static func id(_ prefix: String, using random: any RandomBytesSource) -> String {
        "\(prefix)_\(Base32.encode(random.bytes(count: 16)).lowercased())"
    }

    /// Whether `token` has the shape of one of ours, before any lookup.
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 43
            && token.utf8.allSatisfy { byte in
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == 0x2D || byte == 0x5F
            }
    }

    /// Unpadded base64url (RFC 4648 §5).
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes unpadded base64url; nil on anything else.
    static func decodeBase64URL(_ text: String) -> [UInt8]? {
        guard !text.contains(where: { $0 == "+" || $0 == "/" || $0 == "=" }) else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        return Data(base64Encoded: standard).map { Array($0) }
    }
}
