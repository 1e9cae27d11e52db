/// Numbered rows as the verifier reads them, packed into one byte buffer: a store copies each
/// row's leaf, salt and details straight from its driver's buffers, and a batch of thousands of
/// rows costs two allocations instead of three per row (`kura verify log` reads every row).
///
/// The elements are ``LedgerRow`` values, made on access; the verifier reads the packed bytes.
public struct LedgerRowBatch: Sendable, Equatable {
    /// Where one row's bytes are in ``storage``: leaf, then salt, then details, back to back.
    struct Entry: Sendable, Equatable {
        var index: UInt64
        var start: Int
        /// -1 when the leaf row is missing.
        var leafCount: Int32
        /// -1 when the details row is missing (salt and details are one row).
        var saltCount: Int32
        var detailsCount: Int32
    }

    var entries: [Entry] = []
    var storage: [UInt8] = []

    /// An empty batch with room for `rows` rows of `bytes` bytes in all.
    public init(reservingRows rows: Int = 0, bytes: Int = 0) {
        entries.reserveCapacity(rows)
        storage.reserveCapacity(bytes)
    }

    /// A batch of `rows`, in order.
    public init(_ rows: some Sequence<LedgerRow>) {
        for row in rows { append(row) }
    }

    /// Appends a row whose bytes are in the driver's buffers; nil means that side is missing.
    ///
    /// `salt` and `details` come from one details row: either both are present or both nil.
    public mutating func append(
        index: UInt64,
        leaf: UnsafeRawBufferPointer?,
        salt: UnsafeRawBufferPointer?,
        details: UnsafeRawBufferPointer?
    ) {
        precondition((salt == nil) == (details == nil), "salt and details are one row")
        let entry = Entry(
            index: index,
            start: storage.count,
            leafCount: leaf.map { Int32($0.count) } ?? -1,
            saltCount: salt.map { Int32($0.count) } ?? -1,
            detailsCount: details.map { Int32($0.count) } ?? -1
        )
        copy(leaf)
        copy(salt)
        copy(details)
        entries.append(entry)
    }

    private mutating func copy(_ bytes: UnsafeRawBufferPointer?) {
        guard let bytes, !bytes.isEmpty else { return }
        storage.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
    }

    /// Appends a row held as arrays (tests, the in-memory store).
    public mutating func append(_ row: LedgerRow) {
        // A row with only one of salt and details is a details row missing either way.
        let details = row.salt == nil ? nil : row.details
        let salt = row.details == nil ? nil : row.salt
        withOptionalBytes(row.leaf) { leaf in
            withOptionalBytes(salt) { salt in
                withOptionalBytes(details) { details in
                    append(index: row.index, leaf: leaf, salt: salt, details: details)
                }
            }
        }
    }

    /// The bytes of the row at `position`, valid inside `body` only.
    func withRow<Result>(
        at position: Int,
        _ body: (_ leaf: UnsafeRawBufferPointer?, _ salt: UnsafeRawBufferPointer?, _ details: UnsafeRawBufferPointer?)
            throws -> Result
    ) rethrows -> Result {
        let entry = entries[position]
        return try storage.withUnsafeBytes { bytes in
            var next = entry.start
            func part(_ count: Int32) -> UnsafeRawBufferPointer? {
                guard count >= 0 else { return nil }
                defer { next += Int(count) }
                return UnsafeRawBufferPointer(rebasing: bytes[next..<next + Int(count)])
            }
            let leaf = part(entry.leafCount)
            let salt = part(entry.saltCount)
            let details = part(entry.detailsCount)
            return try body(leaf, salt, details)
        }
    }
}

extension LedgerRowBatch: RandomAccessCollection {
    /// The position of the first row (0).
    public var startIndex: Int { 0 }

    /// One past the last row.
    public var endIndex: Int { entries.count }

    /// The row at `position`, copied out of the batch.
    public subscript(position: Int) -> LedgerRow {
        withRow(at: position) { leaf, salt, details in
            LedgerRow(
                index: entries[position].index,
                leaf: leaf.map { Array($0) },
                salt: salt.map { Array($0) },
                details: details.map { Array($0) }
            )
        }
    }

    /// The index of the row at `position`, without copying its bytes.
    public func index(at position: Int) -> UInt64 { entries[position].index }
}

/// Calls `body` with the bytes of `array`, or nil.
private func withOptionalBytes<Result>(
    _ array: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> Result
) -> Result {
    guard let array else { return body(nil) }
    return array.withUnsafeBytes { body($0) }
}
