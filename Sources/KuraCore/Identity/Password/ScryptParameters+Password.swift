extension ScryptParameters {
    /// The production cost for account passwords (AUTH-2): N = 2^16, r = 8, p = 1 (64 MiB).
    ///
    /// Chosen by measurement with `kura-bench password` so that one hash takes 100–250 ms in a
    /// release build on the reference machine (BENCHMARKS.md, "Password hashing"). Each stored hash
    /// carries its own parameters, so raising this later re-hashes passwords at their next login
    /// (`PasswordHash.needsRehash(for:)`) without invalidating any.
    public static let password = ScryptParameters(log2N: 16, blockSize: 8, parallelism: 1)!

    /// A cheap cost for tests only: N = 2^4, r = 1, p = 1 (DESIGN "Testing notes": password hashing
    /// in tests uses stored low-cost parameters; one test checks the production cost).
    public static let passwordTesting = ScryptParameters(log2N: 4, blockSize: 1, parallelism: 1)!
}
