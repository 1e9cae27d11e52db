import Hummingbird
import NIOCore

/// The request context of every Kura route: Hummingbird's core storage plus the peer address,
/// which the sign-in rate limit needs (resolved through trusted proxies, ``ClientAddress``).
public struct KuraRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer, when there is one (not in router tests).
    public let remoteAddress: SocketAddress?

    /// Creates the context for a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Requests carry small JSON or form bodies only; 64 KiB is plenty and bounds memory.
    public var maxUploadSize: Int { 64 * 1024 }
}
