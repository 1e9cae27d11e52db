import KuraCore
import KuraStore
import NIOCore

/// Joins one range of `ledger_index` rows with the appended rows of `ledger_pending` they
/// number, both read as arrays (``PostgresStore/rows(in:)``), into a verifier batch in index
/// order.
///
/// The join runs here rather than in PostgreSQL so that the plan cannot change with the
/// statistics: an index lookup per row or a scan of the whole table would cost more than the
/// verification itself.
struct PostgresLedgerRange {
    /// Two ids further apart than this start a new id range: reading the rows between them
    /// (queued or numbered elsewhere) would cost more than another query.
    static let largestGap: Int64 = 256

    /// The numbering, sorted by pending id.
    private var numbering: [(pendingID: Int64, index: Int64)]
    /// Where each numbered row's appended row is (same order as `numbering`), once read.
    private var found: [(part: Int, position: Int)?]
    /// The appended rows read so far, one packed value per id range (leaf, salt, details).
    private var parts: [PostgresFramedRows] = []

    /// Starts a join of the numbering rows given as an `idx` and a `pending_id` array.
    init(indices: PostgresBinaryArray, pendingIDs: PostgresBinaryArray) throws(StoreError) {
        var numbering: [(pendingID: Int64, index: Int64)] = []
        numbering.reserveCapacity(indices.elements.count)
        for position in indices.elements.indices {
            let index = try indices.int64(at: position)
            guard index >= 0 else { throw .corrupt("a negative leaf index") }
            numbering.append((try pendingIDs.int64(at: position), index))
        }
        numbering.sort { $0.pendingID < $1.pendingID }
        self.numbering = numbering
        found = Array(repeating: nil, count: numbering.count)
    }

    /// The ranges of pending ids to read, each a primary-key range scan.
    var idRanges: [ClosedRange<Int64>] { Self.idRanges(numbering.lazy.map(\.pendingID)) }

    /// Ranges covering `ids` (ascending), split where two are more than ``largestGap`` apart.
    static func idRanges(_ ids: some Sequence<Int64>) -> [ClosedRange<Int64>] {
        var ranges: [ClosedRange<Int64>] = []
        for pendingID in ids {
            if let last = ranges.last, pendingID - last.upperBound <= Self.largestGap {
                ranges[ranges.count - 1] = last.lowerBound...pendingID
            } else {
                ranges.append(pendingID...pendingID)
            }
        }
        return ranges
    }

    /// Adds the appended rows read for one id range; rows that are not numbered here are ignored.
    mutating func add(_ rows: PostgresFramedRows) {
        let part = parts.count
        parts.append(rows)
        for (record, id) in rows.ids.enumerated() {
            // Binary search: the numbering is sorted by pending id, whatever order the rows came in.
            var low = 0
            var high = numbering.count
            while low < high {
                let middle = (low + high) / 2
                if numbering[middle].pendingID < id { low = middle + 1 } else { high = middle }
            }
            if low < numbering.count, numbering[low].pendingID == id {
                found[low] = (part, record)
            }
        }
    }

    /// The joined rows in index order; a numbered row whose appended row was not found is left
    /// out (nothing is stored at that index).
    func batch() -> LedgerRowBatch {
        let order = numbering.indices.sorted { numbering[$0].index < numbering[$1].index }
        var batch = LedgerRowBatch(reservingRows: order.count, bytes: parts.reduce(0) { $0 + $1.byteCount })
        for entry in order {
            guard let (part, record) = found[entry] else { continue }
            let rows = parts[part]
            rows.withValue(record: record, column: 0) { leaf in
                rows.withValue(record: record, column: 1) { salt in
                    rows.withValue(record: record, column: 2) { details in
                        batch.append(index: UInt64(numbering[entry].index), leaf: leaf, salt: salt, details: details)
                    }
                }
            }
        }
        return batch
    }
}
