import Crypto

/// The SHA-256 fingerprint of a DER certificate, shown as browsers show it: `AB:CD:…` (32 pairs).
///
/// Printed at first start (DESIGN.md "Deployment and transport") so staff can compare it with what the
/// browser shows before trusting the self-signed certificate.
public struct CertificateFingerprint: Hashable, Sendable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// The fingerprint of a DER-encoded certificate.
    public init(derEncodedCertificate der: some Sequence<UInt8>) {
        bytes = Array(SHA256.hash(data: Array(der)))
    }

    /// Upper-case hex pairs joined by colons.
    public var description: String {
        let digits = Array("0123456789ABCDEF")
        return bytes.map { String([digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]]) }.joined(separator: ":")
    }
}
