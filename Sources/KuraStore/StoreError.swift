/// Why a store operation failed.
///
/// Cases carry only opaque ids, counts and fixed words: never SQL arguments, PHI, secrets or
/// key bytes, so an error can be logged and shown as it is (STYLE 4).
public enum StoreError: Error, Sendable, Equatable {
    /// The database was migrated by a newer Kura; this binary must not touch it.
    case schemaTooNew(database: Int, binary: Int)
    /// The database has not been migrated to this binary's schema (run `kura migrate`).
    case schemaTooOld(database: Int, binary: Int)
    /// A compare-and-swap lost: somebody else changed the state first (retry with fresh state).
    case conflict(String)
    /// A unique or referential constraint refused the write.
    case constraintViolation(String)
    /// The requested item does not exist.
    case notFound(String)
    /// The stored data breaks an invariant (for example a gap in the ledger's numbering).
    case corrupt(String)
    /// The database cannot be reached or refused the connection.
    case unavailable(String)
    /// Anything else the driver reported, reduced to a fixed description.
    case backend(String)
}

extension StoreError {
    /// `schemaTooNew` or `schemaTooOld` when the versions differ, else nil.
    public static func schemaMismatch(database: Int, binary: Int) -> StoreError? {
        if database > binary { return .schemaTooNew(database: database, binary: binary) }
        if database < binary { return .schemaTooOld(database: database, binary: binary) }
        return nil
    }
}

extension StoreError: CustomStringConvertible {
    /// A message fit for logs and operators; it names no PHI, secret or SQL argument.
    public var description: String {
        switch self {
        case .schemaTooNew(let database, let binary):
            "the database schema is version \(database), newer than this Kura supports (\(binary)); "
                + "use the Kura release that migrated it"
        case .schemaTooOld(let database, let binary):
            "the database schema is version \(database), older than this Kura needs (\(binary)); "
                + "run `kura migrate`"
        case .conflict(let what): "conflict: \(what)"
        case .constraintViolation(let what): "constraint violated: \(what)"
        case .notFound(let what): "not found: \(what)"
        case .corrupt(let what): "stored data is inconsistent: \(what)"
        case .unavailable(let what): "database unavailable: \(what)"
        case .backend(let what): "database error: \(what)"
        }
    }
}
