import SwiftASN1
import X509

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a host name given for the certificate into a subject alternative name (RFC 5280 §4.2.1.6).
enum HostName {
    /// An IP address literal as an iPAddress name (4 or 16 bytes), otherwise a checked DNS name.
    static func alternativeName(for name: String) throws(TLSSetupError) -> GeneralName {
        if let address = addressBytes(name, family: AF_INET, count: 4)
            ?? addressBytes(name, family: AF_INET6, count: 16)
        {
            return .ipAddress(ASN1OctetString(contentBytes: address[...]))
        }
        var dns = name.lowercased()
        if dns.hasSuffix(".") { dns.removeLast() }
        guard isValidDNSName(dns) else { throw .invalidHostName(name) }
        return .dnsName(dns)
    }

    private static func addressBytes(_ text: String, family: Int32, count: Int) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        let result = buffer.withUnsafeMutableBytes { inet_pton(family, text, $0.baseAddress) }
        return result == 1 ? buffer : nil
    }

    /// Letters, digits and hyphens in labels of 1…63, no hyphen at either end, 253 characters in all
    /// (RFC 1123 §2.1). No wildcards: the certificate names this server only. Non-ASCII names must be
    /// given in their A-label (punycode) form.
    private static func isValidDNSName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            let bytes = Array(label.utf8)
            guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-")
            else { return false }
            return bytes.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "-")
            }
        }
    }
}
