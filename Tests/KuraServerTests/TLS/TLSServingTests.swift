import Foundation
import KuraCore
import KuraServer
import KuraTesting
import Testing

/// TLS 1.2 and 1.3 only (NET-1): the server is checked with a client that is forced to offer
/// the old versions, and a control run proves that client really speaks them, so the refusal
/// cannot come from the client's own policy.
@Suite("HTTPS by default, TLS 1.2 and 1.3 only")
struct TLSServingTests {
    static func withTLSServer(_ body: (RunningServer, TemporaryDirectory) async throws -> Void) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let server = try await RunningServer.start(ServerConfiguration(dataDirectory: folder.file("data")))
        do {
            try await body(server, folder)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Runs `openssl s_client` against `port` with extra arguments; returns whether the
    /// handshake completed and the negotiated protocol.
    static func handshake(port: Int, _ arguments: [String]) async throws -> (connected: Bool, protocol: String?) {
        let outcome = try await ChildProcess.run(
            "openssl",
            ["s_client", "-connect", "127.0.0.1:\(port)", "-servername", "localhost"] + arguments,
            input: Array("Q\n".utf8),
            timeout: 30
        )
        let text = outcome.output + outcome.error
        // "New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384" (printed for every version).
        let negotiated = text.split(separator: "\n").first { $0.hasPrefix("New, TLS") }
            .flatMap { $0.split(separator: ",").dropFirst().first }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let connected = text.contains("BEGIN CERTIFICATE") || text.contains("Server certificate")
        return (connected && outcome.status == 0, negotiated)
    }

    @Test("TLS 1.2 and TLS 1.3 connect")
    func modernVersionsConnect() async throws {
        try await Self.withTLSServer { server, _ in
            let tls12 = try await Self.handshake(port: server.port, ["-tls1_2"])
            #expect(tls12.connected)
            #expect(tls12.protocol == "TLSv1.2")
            let tls13 = try await Self.handshake(port: server.port, ["-tls1_3"])
            #expect(tls13.connected)
            #expect(tls13.protocol == "TLSv1.3")
        }
    }

    @Test("TLS 1.0 and 1.1 are refused by the server, although the client offers them")
    func oldVersionsRefused() async throws {
        try await Self.withTLSServer { server, folder in
            // Control: the same client, forced the same way, does connect with TLS 1.1 and 1.0
            // to an openssl server that allows them.
            let tlsFolder = folder.file("data/tls")
            let controlPort = try freePort()
            let control = Process()
            control.executableURL = URL(fileURLWithPath: try ChildProcess.which("openssl"))
            control.arguments = [
                "s_server", "-accept", "127.0.0.1:\(controlPort)", "-cert", "\(tlsFolder)/cert.pem",
                "-key", "\(tlsFolder)/key.pem", "-cipher", "DEFAULT@SECLEVEL=0", "-tls1_1", "-quiet",
            ]
            control.standardInput = Pipe()
            control.standardOutput = Pipe()
            control.standardError = Pipe()
            try control.run()
            defer { control.terminate() }
            var controlResult = (connected: false, protocol: String?.none)
            for _ in 0..<50 where !controlResult.connected {
                try await Task.sleep(for: .milliseconds(100))
                controlResult = try await Self.handshake(
                    port: controlPort, ["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"])
            }
            #expect(controlResult.connected, "the client cannot offer TLS 1.1 here, so the test would prove nothing")

            for version in ["-tls1_1", "-tls1"] {
                let result = try await Self.handshake(port: server.port, [version, "-cipher", "DEFAULT@SECLEVEL=0"])
                #expect(!result.connected, "\(version) was accepted")
            }
        }
    }

    @Test(
        "the checkpoint and the pages are served over HTTPS with HSTS, and the certificate's fingerprint is the one printed"
    )
    func checkpointOverHTTPS() async throws {
        try await Self.withTLSServer { server, folder in
            let fingerprint = try #require(server.startup.certificateFingerprint)
            let outcome = try await ChildProcess.run(
                "openssl",
                ["x509", "-in", folder.file("data/tls/cert.pem"), "-noout", "-fingerprint", "-sha256"]
            )
            #expect(outcome.output.uppercased().contains(fingerprint.uppercased()))
            var answer = try await Curl.get(server.url + "/log/checkpoint")
            for _ in 0..<50 where answer.status != 200 {
                try await Task.sleep(for: .milliseconds(100))
                answer = try await Curl.get(server.url + "/log/checkpoint")
            }
            #expect(answer.status == 200)
            _ = try OfflineVerification.checkpoint(answer.body, key: server.startup.verifierKey)
            // Served over TLS, every answer tells the browser to keep to HTTPS (NET-1).
            #expect(answer.headers["strict-transport-security"] == "max-age=31536000")
            let page = try await Curl.get(server.url + "/login")
            #expect(page.status == 200 && page.headers["strict-transport-security"] == "max-age=31536000")
        }
    }

    @Test("plain HTTP is refused except on a loopback address")
    func insecureOnlyOnLoopback() throws {
        #expect(throws: ConfigurationError.insecureHTTPNotOnLoopback) {
            try ConfigurationError.validate(ServerConfiguration(host: "0.0.0.0", insecureHTTP: true))
        }
        #expect(throws: ConfigurationError.insecureHTTPNotOnLoopback) {
            try ConfigurationError.validate(ServerConfiguration(host: "192.168.1.10", insecureHTTP: true))
        }
        try ConfigurationError.validate(ServerConfiguration(host: "127.0.0.1", insecureHTTP: true))
        try ConfigurationError.validate(ServerConfiguration(host: "::1", insecureHTTP: true))
    }
}

/// A TCP port that was free a moment ago on 127.0.0.1.
func freePort() throws -> Int {
    let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
    }
    guard bound == 0 else { throw ConformanceFailure("bind failed") }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
