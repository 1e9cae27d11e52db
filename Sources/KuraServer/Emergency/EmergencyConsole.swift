import Foundation
import KuraCore
import Logging

/// The emergency snapshot from the server console (REC-3, BAK-3): `kura keys emergency-init`
/// and `kura snapshot emergency --to DIR`, for the operator who holds the data folder's keys.
public enum EmergencyConsole {
    /// Makes the emergency key once and returns its passphrase for the security officer;
    /// refuses if `emergency.key` exists.
    public static func initializeKey(configuration: ServerConfiguration) throws -> EmergencyPassphrase {
        let (_, keys) = try LogIdentity.load(
            dataDirectory: configuration.dataDirectory, keyFile: configuration.keyFile,
            passphrase: configuration.keyPassphrase)
        return try EmergencyKeyFile.create(in: configuration.dataDirectory, keys: keys, random: SystemRandomBytes())
    }

    /// Writes today's snapshot to `configuration.emergency.directory` with the configured
    /// store and keys, as the daily service does.
    public static func snapshot(
        configuration: ServerConfiguration, logger: Logger
    ) async throws -> EmergencySnapshotWriter.Outcome {
        let folder = configuration.dataDirectory
        let (identity, keys) = try LogIdentity.load(
            dataDirectory: folder, keyFile: configuration.keyFile, passphrase: configuration.keyPassphrase)
        let key = try EmergencyKeyFile.load(from: folder, keys: keys)
        let verifier = try identity.signer(keys: keys).verifier
        return try await StoreFactory.withStore(
            dataDirectory: folder, databaseURL: configuration.databaseURL, migrate: false, logger: logger
        ) { store in
            let identityService = try IdentityConsole.service(
                store: store, configuration: configuration, keys: keys, logger: logger)
            let records = IdentityConsole.recordService(
                store: store, identity: identityService, keys: keys, verifier: verifier, logger: logger)
            guard
                let writer = EmergencySnapshotWriter(
                    records: records, key: key, settings: configuration.emergency,
                    clinicName: configuration.identity.clinicName, logger: logger)
            else { throw EmergencySnapshotError.notConfigured }
            return try await writer.write()
        }
    }
}
