import KuraCore
import Logging
import ServiceLifecycle

/// The daily emergency snapshot under `kura serve` (REC-3, BAK-3), on when
/// `emergency.directory` is set: at start and then every hour it checks whether today's (JST)
/// snapshot exists and writes it if not, so a snapshot is made soon after midnight each day
/// and after a start that missed it. A failed run is logged (no PHI) and retried an hour later.
public struct EmergencySnapshotService: Service {
    let writer: EmergencySnapshotWriter
    let interval: Duration
    let logger: Logger

    /// Creates the service.
    public init(writer: EmergencySnapshotWriter, interval: Duration = .seconds(3600), logger: Logger) {
        self.writer = writer
        self.interval = interval
        self.logger = logger
    }

    /// The key `kura serve` needs for `configuration`: none without `emergency.directory`;
    /// with it, `emergency.key` must exist and open (fail fast at start, STYLE 11).
    static func key(
        for configuration: ServerConfiguration, keys: ClinicKeyMaterial
    ) throws(EmergencySnapshotError) -> EmergencyKey? {
        guard configuration.emergency.directory != nil else { return nil }
        return try EmergencyKeyFile.load(from: configuration.dataDirectory, keys: keys)
    }

    /// The services `kura serve` runs: the daily snapshot when a folder and its key are there.
    static func services(
        for configuration: ServerConfiguration, key: EmergencyKey?, records: RecordService, logger: Logger
    ) -> [any Service] {
        guard let key,
            let writer = EmergencySnapshotWriter(
                records: records, key: key, settings: configuration.emergency,
                clinicName: configuration.identity.clinicName, logger: logger)
        else { return [] }
        return [EmergencySnapshotService(writer: writer, logger: logger)]
    }

    /// Checks and writes until graceful shutdown.
    public func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                if try !writer.hasTodaysSnapshot() {
                    // A shutdown cancels a run in progress; it then publishes nothing.
                    _ = try await cancelWhenGracefulShutdown { try await writer.write() }
                }
            } catch {
                logger.error("emergency snapshot failed", metadata: ["kura.error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
