import Foundation
import HTTPTypes
import NIOCore

/// The client's address for rate limits and audit: the TCP peer, or, when the peer is a
/// configured trusted proxy (a TLS-terminating load balancer), the last address it added to
/// `X-Forwarded-For`. A header from anybody else is ignored, so it cannot be spoofed.
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    /// The address to account a request to.
    static func resolve(peer: SocketAddress?, headers: HTTPFields, trustedProxies: [String]) -> String {
        let peerAddress = peer?.ipAddress ?? "unknown"
        guard trustedProxies.contains(peerAddress), let header = headers[forwardedFor] else { return peerAddress }
        // The proxy appends the address it saw last; earlier entries came from the client.
        let hops = header.split(separator: ",", omittingEmptySubsequences: false)
        // Only an address the proxy itself wrote counts; anything malformed falls back to the peer.
        guard let last = hops.last?.trimmingCharacters(in: .whitespaces), last.count <= 64,
            (try? SocketAddress(ipAddress: last, port: 0)) != nil
        else { return peerAddress }
        return last
    }
}
