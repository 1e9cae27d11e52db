import NIOCore
import Synchronization

/// The ports the HTTP server is actually bound to, as the running server found them (MAL-3):
/// the configuration may ask for port 0 ("any"), and the checklist lists what really listens.
public final class ListeningPorts: Sendable {
    private let bound = Mutex<[Int]>([])

    /// Creates an empty record.
    public init() {}

    /// Records the bound port of `channel` (called when the server is running).
    public func record(_ channel: any Channel) {
        guard let port = channel.localAddress?.port else { return }
        bound.withLock { ports in
            if !ports.contains(port) { ports.append(port) }
        }
    }

    /// The bound ports, or nil before the server runs.
    public var ports: [Int]? {
        bound.withLock { $0.isEmpty ? nil : $0 }
    }
}
