import HTTPTypes
import NIOCore
import Testing

@testable import KuraServer

/// AUTH-5's per-address limit counts the real client: behind a trusted proxy the address it
/// adds to X-Forwarded-For, and nobody else's header.
@Suite("Client address behind trusted proxies")
struct ClientAddressTests {
    let proxy = try! SocketAddress(ipAddress: "10.0.0.5", port: 44321)
    let stranger = try! SocketAddress(ipAddress: "203.0.113.9", port: 5555)

    @Test("a trusted proxy's last forwarded hop is the client")
    func trusted() {
        let headers: HTTPFields = [ClientAddress.forwardedFor: "198.51.100.1, 192.0.2.7"]
        #expect(ClientAddress.resolve(peer: proxy, headers: headers, trustedProxies: ["10.0.0.5"]) == "192.0.2.7")
    }

    @Test("a header from an untrusted peer is ignored, so it cannot be spoofed")
    func untrusted() {
        let headers: HTTPFields = [ClientAddress.forwardedFor: "192.0.2.7"]
        #expect(ClientAddress.resolve(peer: stranger, headers: headers, trustedProxies: ["10.0.0.5"]) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: proxy, headers: headers, trustedProxies: []) == "10.0.0.5")
    }

    @Test("a trusted proxy without the header, or with an empty hop, counts as itself")
    func missing() {
        #expect(ClientAddress.resolve(peer: proxy, headers: [:], trustedProxies: ["10.0.0.5"]) == "10.0.0.5")
        let empty: HTTPFields = [ClientAddress.forwardedFor: "192.0.2.7, "]
        #expect(ClientAddress.resolve(peer: proxy, headers: empty, trustedProxies: ["10.0.0.5"]) == "10.0.0.5")
    }

    @Test("the limiter admits thirty a minute per address, then answers with the seconds left")
    func limiter() {
        let limiter = LoginRateLimiter(attemptsPerMinute: 30)
        for second in 0..<30 { #expect(limiter.admit("192.0.2.7", at: Int64(second) * 1000) == nil) }
        #expect(limiter.admit("192.0.2.7", at: 30_000) == 30)
        #expect(limiter.admit("192.0.2.8", at: 30_000) == nil)
        #expect(limiter.admit("192.0.2.7", at: 60_000) == nil)
    }
}
