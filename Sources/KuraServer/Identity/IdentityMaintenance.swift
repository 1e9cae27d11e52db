import Logging
import ServiceLifecycle

/// Runs the identity rules that depend on time alone (ACC-4): at start and then every hour,
/// accounts past their end date or dormant for the configured days are disabled.
public struct IdentityMaintenance: Service {
    let identity: IdentityService
    let interval: Duration
    let logger: Logger

    /// Creates the service.
    public init(identity: IdentityService, interval: Duration = .seconds(3600), logger: Logger) {
        self.identity = identity
        self.interval = interval
        self.logger = logger
    }

    /// Sweeps until graceful shutdown.
    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                let disabled = try await identity.disableDormantAccounts()
                if disabled > 0 { logger.notice("dormant accounts disabled", metadata: ["kura.count": "\(disabled)"]) }
            } catch {
                logger.error("dormancy sweep failed", metadata: ["kura.error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
