extension StoreWrite {
    /// Why every store refuses this write before touching the database, or nil: the rules of
    /// the schemas' CHECK constraints, checked in Swift so that all backends refuse the same
    /// units with the same message, and a bad unit fails alone without a round trip. The
    /// constraints stay as a backstop.
    public var validationError: StoreError? {
        switch self {
        case .appendLeaf(let append):
            if append.salt.count != LedgerAppend.saltLength {
                return .constraintViolation("a leaf's salt must be 32 bytes")
            }
            if !LedgerAppend.leafLengths.contains(append.leaf.count) {
                return .constraintViolation("a leaf must be 1 to 65535 bytes")
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

extension LedgerAppend {
    /// The salt length of a commitment (256 bits, DESIGN "The ledger").
    public static let saltLength = 32
    /// The leaf sizes an entry bundle can carry (C2SP tlog-tiles: a 16-bit length prefix).
    public static let leafLengths = 1...65_535
}
