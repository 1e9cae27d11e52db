import Foundation
import KuraCore
import KuraStore
import Logging

/// `kura export` and `kura import` from the server console (REC-5, EXT-5).
public enum ExportConsole {
    /// An administrator's credentials, asked again for the export (re-authentication).
    public struct Credentials: Sendable {
        /// The login name.
        public var login: String
        /// The password.
        public var password: String
        /// The current TOTP code.
        public var code: String

        /// Creates credentials.
        public init(login: String, password: String, code: String) {
            self.login = login
            self.password = password
            self.code = code
        }
    }

    /// Signs the administrator in with both factors, writes the export, and records it in the log.
    ///
    /// The sign-in goes through the same rules as the web (lockout, rate limit, ledger leaves for
    /// failures); an account without the administrator role is refused. The session ends as
    /// soon as the export is written.
    public static func export(
        configuration: ServerConfiguration,
        credentials: Credentials,
        destination: String,
        clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) },
        logger: Logger
    ) async throws -> ExportSummary {
        let folder = configuration.dataDirectory
        let (identityFile, keys) = try LogIdentity.load(
            dataDirectory: folder, keyFile: configuration.keyFile, passphrase: configuration.keyPassphrase)
        let signer = try identityFile.signer(keys: keys)
        return try await StoreFactory.withStore(
            dataDirectory: folder, databaseURL: configuration.databaseURL, migrate: false, logger: logger
        ) { store in
            let events = LedgerEvents(clock: clock)
            let identity = try IdentityConsole.service(
                store: store, configuration: configuration, keys: keys, clock: clock, logger: logger)
            let records = IdentityConsole.recordService(
                store: store, identity: identity, keys: keys, verifier: signer.verifier, clock: clock, logger: logger)
            let admin = try await authenticate(credentials, identity: identity)
            do {
                let summary = try await ExportWriter.export(
                    records: records, identity: identity, store: store, verifier: signer.verifier,
                    request: BackupWriter.Request(
                        dataDirectory: folder, keyFile: configuration.keyFile, destination: destination),
                    exportedBy: admin.account.id, now: Date(timeIntervalSince1970: Double(clock()) / 1000))
                let leaf = try events.append(
                    kind: "export.completed",
                    fields: [
                        "actor": .string(admin.account.id), "patients": .integer(Int64(summary.patients)),
                        "versions": .integer(Int64(summary.versions)), "log_size": .integer(Int64(summary.leaves)),
                        "manifest_sha256": .string(summary.manifestDigest),
                    ])
                let results = try await store.commit([WriteUnit([leaf])])
                if case .failure(let error) = results.first { throw error }
                try? await identity.signOut(admin)
                return summary
            } catch {
                try? await identity.signOut(admin)
                throw error
            }
        }
    }

    /// Both factors of an administrator, as a fresh sign-in from the console.
    static func authenticate(_ credentials: Credentials, identity: IdentityService) async throws -> Authenticated {
        let signedIn = try await identity.signIn(
            SignInAttempt(
                login: credentials.login, password: credentials.password, clientAddress: "127.0.0.1",
                userAgent: "kura export (console)", deviceToken: nil),
            kind: .api)
        var auth = signedIn.authenticated
        if auth.stage == .secondFactor {
            auth = try await identity.verifySecondFactor(auth, code: credentials.code)
        }
        guard auth.stage == .ready else {
            try? await identity.signOut(auth)
            throw IdentityError.stageRequired(auth.stage)
        }
        guard auth.account.roles.contains(.admin) else {
            try? await identity.signOut(auth)
            throw IdentityError.forbidden("an export needs an administrator")
        }
        return auth
    }
}
