import KuraCore

extension StoreWrite {
    /// Why every store refuses this write before touching the database, or nil: the rules of
    /// the schemas' CHECK constraints, checked in Swift so that all backends refuse the same
    /// units with the same message, and a bad unit fails alone without a round trip. The
    /// constraints stay as a backstop.
    public var validationError: StoreError? {
        switch self {
        case .appendLeaf(let append):
            if append.salt.count != LedgerSalt.byteCount {
                return .constraintViolation("a leaf's salt must be \(LedgerSalt.byteCount) bytes")
            }
            // An entry bundle carries each leaf behind a 16-bit length (C2SP tlog-tiles).
            if !(1...EntryBundle.maxEntryLength).contains(append.leaf.count) {
                return .constraintViolation("a leaf must be 1 to \(EntryBundle.maxEntryLength) bytes")
            }
            return nil
        }
    }

    /// Whether the database may still refuse this write once it passed ``validationError``
    /// (a unique or foreign key constraint): then `commit` needs a savepoint per unit. Every new
    /// case must answer it.
    public var mayFailInDatabase: Bool {
        switch self {
        case .appendLeaf: false
        }
    }
}

extension WriteUnit {
    /// The first write's ``StoreWrite/validationError``: the unit is refused whole.
    public var validationError: StoreError? {
        writes.lazy.compactMap(\.validationError).first
    }

    /// Whether any write may still fail in the database, so the unit needs a savepoint.
    public var mayFailInDatabase: Bool {
        writes.contains(where: \.mayFailInDatabase)
    }
}

extension LedgerIntegration {
    /// Why every store refuses this integration before touching the database, or nil: the
    /// checkpoint must cover exactly the previous tree and the listed leaves. (A head that
    /// moved is a `conflict`, found in the database; this is a malformed request.)
    public var validationError: StoreError? {
        let (size, overflow) = previousSize.addingReportingOverflow(UInt64(leaves.count))
        guard !overflow, checkpoint.size == size else {
            return .constraintViolation("the checkpoint size is not the previous size plus the leaves")
        }
        return nil
    }
}
