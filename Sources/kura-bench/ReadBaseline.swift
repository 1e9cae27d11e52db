/// Phase 5: read every leaf and details row of the appended log and hash it — the floor under a
/// verification that must both read the rows and hash them (BENCHMARKS.md, "a fairer
/// baseline"). One query per table (SQLite) or one joined query (PostgreSQL) over the whole log,
/// on one connection and one core, the bytes hashed straight from the driver's buffers with the
/// hashes of ``BaselineHasher``; no checks and no tree.
///
/// It is printed beside the SHA-256 baseline; the target stays the SHA-256 one.
struct ReadBaseline {
    /// What the phase measured.
    struct Result {
        /// Wall time for reading and hashing every row.
        var total: Duration
        /// Rows read (leaves, each with its details).
        var rows: Int
        /// SHA-256 computations.
        var hashes: Int
    }
}
