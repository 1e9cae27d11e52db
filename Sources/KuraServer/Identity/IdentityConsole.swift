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
        let dictionary = try PasswordWordList.load(configuredPath: configuration.identity.passwordWordList)
        let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
        return try await StoreFactory.withStore(
            dataDirectory: folder, databaseURL: configuration.databaseURL, migrate: false, logger: logger
        ) { store in
            let random = SystemRandomBytes()
            let hasher = PasswordHasher(
                parameters: configuration.passwordHashing, threads: 1, queueLimit: 4, random: random)
            let service = IdentityService(
                store: store, submitter: DirectSubmitter(store: store), events: LedgerEvents(clock: clock), keys: keys,
                hasher: hasher, dictionary: dictionary, settings: configuration.identity, random: random, clock: clock,
                setupCodeDigest: { DataFolder.setupCodeDigest(in: folder) }, logger: logger)
            return try await body(service)
        }
    }
}
