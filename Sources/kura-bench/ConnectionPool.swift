import HummingbirdTesting
import NIOCore

/// Keep-alive HTTP/1.1 connections to one server, one request at a time each: a request takes
/// an idle connection or opens a new one, so as many connections are open as requests are in
/// flight (a flood arrives over many connections, as from many clients).
actor ConnectionPool {
    let host: String
    let port: Int
    let group: any EventLoopGroup
    var idle: [TestClient] = []
    /// Connections opened so far.
    private(set) var opened = 0

    init(host: String, port: Int, group: any EventLoopGroup) {
        self.host = host
        self.port = port
        self.group = group
    }

    /// An idle connection, or a new one.
    func take() -> TestClient {
        if let client = idle.popLast() { return client }
        let client = TestClient(
            host: host, port: port, configuration: .init(timeout: .seconds(30)), eventLoopGroupProvider: .shared(group))
        client.connect()
        opened += 1
        return client
    }

    /// Puts a connection whose last request succeeded back for the next request.
    func giveBack(_ client: TestClient) {
        idle.append(client)
    }

    /// Closes every idle connection.
    func closeAll() async {
        let clients = idle
        idle = []
        for client in clients { try? await client.shutdown() }
    }
}
