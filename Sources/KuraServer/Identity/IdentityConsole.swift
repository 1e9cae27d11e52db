import Foundation
import KuraCore
import KuraStore
import Logging

/// The identity service for the server console (`kura user …`): the same rules as the API,
/// acting as ``Actor/console``, committing straight to the store. Whoever can run it holds the
/// data folder's keys, so it is the operator's recovery path (an administrator locked out).
public enum IdentityConsole {
    /// Runs `body` with an identity service over the configured store and keys, then closes them.
    ///
    /// - Parameter configuration: read like `kura serve` (data folder, database, key file and
    ///   the identity policies of `kura.json`).
    public static func withService<R: Sendable>(
        configuration: ServerConfiguration,
        logger: Logger,
        _ body: @Sendable (IdentityService) async throws -> R
    ) async throws -> R {
        let folder = configuration.dataDirectory
        let (_, keys) = try LogIdentity.load(
            dataDirectory: folder, keyFile: configuration.keyFile, passphrase: configuration.keyPassphrase)
        return try await StoreFactory.withStore(
            dataDirectory: folder, databaseURL: configuration.databaseURL, migrate: false, logger: logger
        ) { store in
            try await body(try service(store: store, configuration: configuration, keys: keys, logger: logger))
        }
    }

    /// The console's identity service over an open `store` (also the base of the other
    /// console services, such as the emergency snapshot's and the export's record service).
    static func service(
        store: any KuraStoreBackend, configuration: ServerConfiguration, keys: ClinicKeyMaterial,
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }, logger: Logger
    ) throws -> IdentityService {
        let folder = configuration.dataDirectory
        let dictionary = try PasswordWordList.load(configuredPath: configuration.identity.passwordWordList)
        let random = SystemRandomBytes()
        let hasher = PasswordHasher(
            parameters: configuration.passwordHashing, threads: 1, queueLimit: 4, random: random)
        return IdentityService(
            store: store, submitter: DirectSubmitter(store: store), events: LedgerEvents(clock: clock), keys: keys,
            hasher: hasher, dictionary: dictionary, settings: configuration.identity, random: random, clock: clock,
            setupCodeDigest: { DataFolder.setupCodeDigest(in: folder) }, logger: logger)
    }

    /// The console's record service over an open `store`, reading with `identity`'s rules and
    /// committing straight to the store.
    static func recordService(
        store: any KuraStoreBackend, identity: IdentityService, keys: ClinicKeyMaterial, verifier: NoteVerifier,
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }, logger: Logger
    ) -> RecordService {
        RecordService(
            store: store, identity: identity, identityStore: store, ledger: store, verifier: verifier,
            submitter: DirectSubmitter(store: store), events: LedgerEvents(clock: clock), keys: keys,
            random: SystemRandomBytes(), clock: clock, directory: PatientDirectory(), logger: logger)
    }
}
