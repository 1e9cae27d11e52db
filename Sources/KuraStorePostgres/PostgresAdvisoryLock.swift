/// The transaction-scoped advisory lock keys (`pg_advisory_xact_lock`) Kura takes.
///
/// Advisory locks are per database, so each clinic database has its own. The keys are fixed
/// forever: servers of different releases sharing a database must agree on them.
enum PostgresAdvisoryLock {
    /// Serialises schema migrations, so two servers starting at once migrate once.
    static let migration: Int64 = 0x4B55_5241_0000_0001  // "KURA" 1
    /// Serialises integrators (DESIGN "Sequencing"), in addition to the head row's FOR UPDATE.
    static let integration: Int64 = 0x4B55_5241_0000_0002  // "KURA" 2
}
