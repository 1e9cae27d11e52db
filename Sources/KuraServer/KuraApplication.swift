import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import KuraCore
import KuraStore
import Logging
import NIOCore
import ServiceLifecycle

/// What a start found or created, for the operator's first screen.
public struct StartupReport: Sendable {
    /// The URL to open (with the configured port; 0 means "chosen at bind").
    public let url: String
    /// The certificate's SHA-256 fingerprint when Kura made the certificate.
    public let certificateFingerprint: String?
    /// The one-time setup code for the first administrator, at first start only.
    public let setupCode: String?
    /// The log's verifier key (`kura log key` prints the same).
    public let verifierKey: String
    /// The log's origin.
    public let origin: String
    /// "sqlite" or "postgres".
    public let backend: String
}

/// The one composition root (DESIGN "Architecture"): `kura serve` and the tests both call it.
///
/// Prepares the data folder (keys, identity, certificate), opens and migrates the store, and
/// wires the services in shutdown order: the store first (closed last), then the group-commit
/// writer, the checkpointer, the lifecycle recorder, and the HTTP server (stopped first).
public func buildApplication(
    configuration: ServerConfiguration,
    logger: Logger,
    clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) },
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) async throws -> (application: some ApplicationProtocol, startup: StartupReport, services: KuraServices) {
    try ConfigurationError.validate(configuration)
    let prepared = try DataFolder.prepare(configuration: configuration)
    // The emergency snapshot's key, checked before the store opens (REC-3; fail fast).
    let emergencyKey = try EmergencySnapshotService.key(for: configuration, keys: prepared.keys)

    let (store, pool) = try await StoreFactory.open(
        dataDirectory: configuration.dataDirectory,
        databaseURL: configuration.databaseURL,
        migrate: true,
        logger: logger
    )

    let alerts = AlertBoard()
    let events = LedgerEvents(clock: clock)
    let writer = GroupCommitWriter(
        store: store,
        concurrentBatches: GroupCommitWriter.concurrentBatches(forBackend: store.kind),
        logger: logger
    )
    let checkpointer = Checkpointer(
        store: store,
        signer: prepared.signer,
        clock: clock,
        interval: configuration.checkpointInterval,
        alerts: alerts,
        logger: logger
    )
    let lifecycle = LifecycleEvents(
        writer: writer,
        events: events,
        startEvents: prepared.startEvents,
        version: BuildInfo.version,
        logger: logger
    )

    let random = SystemRandomBytes()
    let hasher = PasswordHasher(
        parameters: configuration.passwordHashing,
        threads: configuration.identity.hashingThreads,
        queueLimit: configuration.identity.hashingQueueLimit,
        random: random
    )
    let folder = configuration.dataDirectory
    let identity = IdentityService(
        store: store,
        submitter: writer,
        events: events,
        keys: prepared.keys,
        hasher: hasher,
        dictionary: try PasswordWordList.load(configuredPath: configuration.identity.passwordWordList),
        settings: configuration.identity,
        random: random,
        clock: clock,
        setupCodeDigest: { DataFolder.setupCodeDigest(in: folder) },
        logger: logger
    )

    let records = RecordService(
        store: store,
        identity: identity,
        identityStore: store,
        ledger: store,
        verifier: prepared.signer.verifier,
        submitter: writer,
        events: events,
        keys: prepared.keys,
        random: random,
        clock: clock,
        // On PostgreSQL other servers may share the database (issue 7).
        directory: PatientDirectory(catchesUp: configuration.databaseURL != nil),
        attachmentMaxBytes: configuration.attachmentMaxBytes,
        chartViewersVisibleToPhysicians: configuration.chartViewersVisibleToPhysicians,
        logger: logger
    )

    // The scheduled backup, when `backup.directory` is configured (BAK-1).
    let backupServices: [any Service] =
        configuration.backup.directory == nil
        ? []
        : [
            BackupService(
                settings: configuration.backup, dataDirectory: folder, keyFile: configuration.keyFile, store: store,
                writer: writer, events: events, alerts: alerts, verifier: prepared.signer.verifier, logger: logger)
        ]

    let router = Router(context: KuraRequestContext.self)
    if prepared.tls != nil { router.add(middleware: StrictTransportSecurityMiddleware()) }
    router.add(middleware: ErrorBodyMiddleware())
    router.add(
        middleware: IsolationMiddleware(
            isolation: IsolationSwitch(dataDirectory: folder), alerts: alerts,
            trustedProxies: configuration.identity.trustedProxies))
    HealthRoutes(store: store, alerts: alerts).register(on: router)
    LogRoutes(store: store, publishTiles: configuration.publishTiles).register(on: router)
    let http = IdentityHTTP(identity: identity, csrf: CSRFToken(keys: prepared.keys), settings: configuration.identity)
    let api = router.group("api/v1")
    IdentityAPI(http: http).register(on: api)
    AdministrationAPI(http: http).register(on: api)
    RecordAPI(http: http, records: records).register(on: api)
    let listening = ListeningPorts()
    var complianceSettings = ComplianceSettings(configuration, guessableWordCount: identity.dictionary?.count ?? 0)
    complianceSettings.listening = listening
    let compliance = try ComplianceCheck(
        service: ComplianceService(records: records, store: store), settings: complianceSettings)
    ComplianceAPI(http: http, compliance: compliance).register(on: api)
    OpenAPIDocument.register(on: api)
    WebPages(
        http: http, records: records, compliance: compliance, view: try PageView(), formCSRF: FormCSRF(random: random)
    ).register(on: router)

    let server: HTTPServerBuilder
    if let tls = prepared.tls {
        server = try .tls(.http1(), tlsConfiguration: try tls.makeServerConfiguration())
    } else {
        server = .http1()
    }
    // The daily emergency snapshot (REC-3), when `emergency.directory` is set.
    let emergency = EmergencySnapshotService.services(
        for: configuration, key: emergencyKey, records: records, logger: logger)
    let application = Application(
        router: router,
        server: server,
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: "kura"
        ),
        // Started in this order, stopped in the reverse: the HTTP server first, the store last.
        services: [
            StoreService(store: store, pool: pool), writer, hasher, checkpointer, lifecycle,
            IdentityMaintenance(identity: identity, logger: logger),
            PatientDirectoryLoader(records: records, logger: logger),
        ] + backupServices + emergency,
        onServerRunning: { channel in
            listening.record(channel)
            await onServerRunning(channel)
        },
        logger: logger
    )
    let scheme = prepared.tls == nil ? "http" : "https"
    let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
    let startup = StartupReport(
        url: "\(scheme)://\(host):\(configuration.port)/",
        certificateFingerprint: prepared.certificateFingerprint,
        setupCode: prepared.setupCode,
        verifierKey: prepared.signer.verifier.description,
        origin: prepared.identity.origin,
        backend: store.kind
    )
    let services = KuraServices(
        store: store,
        writer: writer,
        checkpointer: checkpointer,
        events: events,
        identity: identity,
        records: records,
        routes: router.routes.map { "\($0.method.rawValue) \($0.path)" }
    )
    return (application, startup, services)
}

/// The wired parts a test harness or a benchmark drives directly, through the same code the
/// HTTP routes use.
public struct KuraServices: Sendable {
    /// The open store.
    public let store: any KuraStoreBackend & SnapshotStore
    /// The group-commit writer (running inside the application's service group).
    public let writer: GroupCommitWriter
    /// The integrator and checkpointer.
    public let checkpointer: Checkpointer
    /// The ledger event maker.
    public let events: LedgerEvents
    /// Accounts, sign-in, sessions and devices.
    public let identity: IdentityService
    /// Patients, entries, proofs and the access log.
    public let records: RecordService
    /// Every route the router serves, as "METHOD /path" with `{name}` parameters and `**` for a
    /// trailing wildcard: the OpenAPI tests check that the document covers exactly these.
    let routes: [String]
}
