import KuraStore
import Logging
import PostgresNIO

extension PostgresStore {
    /// Creates the database `name` on the server of `adminURL` (whose role may create databases):
    /// for tests, which give each test its own database, and for provisioning.
    ///
    /// - Throws: ``StoreError/constraintViolation(_:)`` for a name that is not a plain lower-case
    ///   identifier; ``StoreError`` mapped from the server otherwise (42P04 if it exists).
    public static func createDatabase(named name: String, adminURL: String, logger: Logger) async throws {
        try await runAdministrative("CREATE DATABASE \(try quotedIdentifier(name))", adminURL: adminURL, logger: logger)
    }

    /// Drops the database `name` if it exists, closing its other sessions first (PostgreSQL 13+).
    public static func dropDatabase(named name: String, adminURL: String, logger: Logger) async throws {
        let sql = "DROP DATABASE IF EXISTS \(try quotedIdentifier(name)) WITH (FORCE)"
        try await runAdministrative(sql, adminURL: adminURL, logger: logger)
    }

    /// Runs one statement that cannot run in a transaction on a direct connection.
    private static func runAdministrative(_ sql: String, adminURL: String, logger: Logger) async throws {
        let configuration = try PostgresConfiguration(url: adminURL)
        let driverLogger = driverLogger(from: logger)
        try await withDirectConnection(configuration: configuration, logger: driverLogger) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: driverLogger)
            return ()
        }
    }

    /// `name` as a quoted SQL identifier, accepted only when it is 1–63 characters of `a-z`, `0-9`
    /// and `_`, starting with a letter or `_`: DDL takes no bind parameters, so the name is
    /// validated rather than escaped.
    static func quotedIdentifier(_ name: String) throws(StoreError) -> String {
        let isLetter: (UInt8) -> Bool = {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_")
        }
        let isDigit: (UInt8) -> Bool = { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        let bytes = Array(name.utf8)
        let valid =
            (1...63).contains(bytes.count) && isLetter(bytes[0]) && bytes.allSatisfy { isLetter($0) || isDigit($0) }
        guard valid else { throw .constraintViolation("a database name must be a lower-case identifier") }
        return "\"\(name)\""
    }
}
