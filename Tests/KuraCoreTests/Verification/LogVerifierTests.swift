import KuraCore
import Testing

/// `kura verify log`'s pure pass (AUD-2, REC-1): every failure is found at its row whatever the
/// batches and however the per-row checks are split into parts, as ``LogAuditor`` splits them.
@Suite struct LogVerifierTests {
    /// A log of `size` real leaves with checkpoints at 300 and at `size`, signed by the test key.
    struct Log {
        var rows: [LedgerRow]
        var checkpoints: [StoredCheckpoint]

        init(size: Int = 700) throws {
            var generator = LedgerFixtures.SeededGenerator(seed: 7)
            var tree = CompactRange()
            rows = []
            checkpoints = []
            let signer = try LedgerFixtures.signer()
            for index in 0..<size {
                let salt = LedgerSalt(using: &generator)
                let details: CanonicalJSON = ["kind": "record.finalized", "n": .integer(Int64(index))]
                let leaf = try LedgerLeaf(details: details, salt: salt)
                rows.append(
                    LedgerRow(
                        index: UInt64(index),
                        leaf: leaf.bytes,
                        salt: salt.bytes,
                        details: try details.canonicalBytes()
                    )
                )
                tree.append(RFC6962.leafHash(leaf.bytes))
                if tree.size == 300 || tree.size == UInt64(size) {
                    checkpoints.append(try Self.checkpoint(size: tree.size, root: tree.root(), signer: signer))
                }
            }
        }

        static func checkpoint(size: UInt64, root: LogHash, signer: NoteSigner) throws -> StoredCheckpoint {
            let note = try Checkpoint(origin: signer.name, size: size, root: root).signed(by: signer)
            return StoredCheckpoint(size: size, root: root, note: note.bytes, sealedAt: 1)
        }

        /// Verifies in batches of `batchSize`, the per-row checks of each batch split at `split`
        /// (a fraction of the batch), as the auditor runs them on another task.
        func verify(batchSize: Int, split: Double = 0) throws -> LogVerifier.Report {
            var pass = LogVerifier(verifier: try LedgerFixtures.verifier(), checkpoints: checkpoints)
            for start in stride(from: 0, to: rows.count, by: batchSize) {
                let batch = LedgerRowBatch(rows[start..<min(start + batchSize, rows.count)])
                let middle = Int(Double(batch.count) * split)
                let checks = LedgerRowChecks(batch, positions: 0..<middle)
                    .followed(by: LedgerRowChecks(batch, positions: middle..<batch.count))
                pass.check(batch, checks: checks)
            }
            let extent = (rows.map(\.index).max() ?? 0) + (rows.isEmpty ? 0 : 1)
            return pass.finish(extent: extent)
        }
    }

    /// Batch sizes and split points: one row at a time, odd sizes, a tile, the whole log.
    static let splits: [(batchSize: Int, split: Double)] = [(1, 0), (7, 0.5), (256, 0.3), (700, 0.9), (1000, 1)]

    @Test("an untouched log verifies whatever the batches")
    func intact() throws {
        let log = try Log()
        for (batchSize, split) in Self.splits {
            let report = try log.verify(batchSize: batchSize, split: split)
            #expect(report.failure == nil, "batch \(batchSize)")
            #expect(report.leaves == 700 && report.checkpoints == 2 && report.signedSize == 700)
        }
    }

    /// A change to a log and the failure it must produce.
    struct Tamper: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var expected: LogVerificationFailure
        var change: @Sendable (inout [LedgerRow]) -> Void
    }

    static let tampers: [Tamper] = [
        Tamper(testDescription: "a details byte", expected: .commitmentMismatch(index: 23)) { rows in
            rows[23].details![5] ^= 0x01
        },
        Tamper(testDescription: "a salt byte", expected: .commitmentMismatch(index: 5)) { rows in
            rows[5].salt![0] ^= 0x80
        },
        Tamper(testDescription: "a short salt", expected: .commitmentMismatch(index: 40)) { rows in
            rows[40].salt!.removeLast()
        },
        Tamper(testDescription: "another row's leaf", expected: .commitmentMismatch(index: 17)) { rows in
            rows[17].leaf = rows[18].leaf
        },
        Tamper(testDescription: "a leaf that is not JSON", expected: .malformedLeaf(index: 299)) { rows in
            rows[299].leaf = Array("not a leaf".utf8)
        },
        Tamper(testDescription: "a leaf spelled with a space", expected: .malformedLeaf(index: 60)) { rows in
            rows[60].leaf!.insert(UInt8(ascii: " "), at: 1)
        },
        Tamper(testDescription: "base64 with unused bits set", expected: .malformedLeaf(index: 61)) { rows in
            // The last symbol before '=' carries 2 unused bits: setting one keeps the bytes.
            let symbol = 6 + 42
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            let value = alphabet.firstIndex(of: rows[61].leaf![symbol])!
            rows[61].leaf![symbol] = alphabet[value ^ 1]
        },
        Tamper(testDescription: "an empty leaf", expected: .malformedLeaf(index: 0)) { rows in
            rows[0].leaf = []
        },
        Tamper(testDescription: "a missing leaf", expected: .missingLeaf(index: 12)) { rows in
            rows[12].leaf = nil
        },
        Tamper(testDescription: "a missing details row", expected: .missingDetails(index: 30)) { rows in
            rows[30].salt = nil
            rows[30].details = nil
        },
        Tamper(testDescription: "a deleted row", expected: .missingRow(index: 50)) { rows in
            rows.remove(at: 50)
        },
        Tamper(testDescription: "two changes: the first counts", expected: .missingDetails(index: 10)) { rows in
            rows[20].leaf = Array("{}".utf8)
            rows[10].details = nil
            rows[10].salt = nil
        },
        Tamper(testDescription: "the last row deleted", expected: .checkpointBeyondLog(size: 700)) { rows in
            rows.removeLast()
        },
    ]

    @Test("each change fails at its row whatever the batches", arguments: tampers)
    func tampered(tamper: Tamper) throws {
        var log = try Log()
        tamper.change(&log.rows)
        for (batchSize, split) in Self.splits {
            let report = try log.verify(batchSize: batchSize, split: split)
            #expect(report.failure == tamper.expected, "batch \(batchSize), split \(split)")
            // Rows before the failure were added to the tree, none after it.
            if case .checkpointBeyondLog = tamper.expected {
                #expect(report.leaves == 699)
            } else {
                #expect(report.leaves == Self.index(of: tamper.expected), "batch \(batchSize)")
            }
        }
    }

    static func index(of failure: LogVerificationFailure) -> UInt64 {
        switch failure {
        case .missingRow(let index), .missingLeaf(let index), .missingDetails(let index), .malformedLeaf(let index),
            .commitmentMismatch(let index):
            index
        default: 0
        }
    }

    @Test("a signed checkpoint whose root is not the leaves' fails at its size, after its rows")
    func wrongCheckpointRoot() throws {
        var log = try Log()
        let wrong = RFC6962.leafHash(Array("not the log".utf8))
        log.checkpoints[0] = try Log.checkpoint(size: 300, root: wrong, signer: try LedgerFixtures.signer())
        for (batchSize, split) in Self.splits {
            let report = try log.verify(batchSize: batchSize, split: split)
            #expect(report.failure == .checkpointRoot(size: 300), "batch \(batchSize)")
            #expect(report.leaves == 300)
        }
    }

    @Test("a row whose leaf differs in one byte fails exactly as the leaf parser and commitment decide")
    func everyLeafByte() throws {
        let log = try Log(size: 1)
        let row = log.rows[0]
        let salt = try #require(LedgerSalt(bytes: row.salt!))
        for offset in row.leaf!.indices {
            for value in UInt8.min...UInt8.max where value != row.leaf![offset] {
                var changed = row
                changed.leaf![offset] = value
                let checks = LedgerRowChecks(LedgerRowBatch([changed]), positions: 0..<1)
                // The slow, obviously correct path: the full parser, then the commitment.
                let expected: LogVerificationFailure?
                if let leaf = try? LedgerLeaf.parse(changed.leaf!) {
                    let matches = LedgerCommitment(canonicalDetails: row.details!, salt: salt) == leaf.commitment
                    expected = matches ? nil : .commitmentMismatch(index: 0)
                } else {
                    expected = .malformedLeaf(index: 0)
                }
                #expect(checks.failure == expected, "byte \(offset) = \(value)")
                if expected == nil { #expect(checks.leafHashes == [RFC6962.leafHash(changed.leaf!)]) }
            }
        }
    }

    @Test("a batch gives back the rows it was made of, missing sides and empty values included")
    func batchRoundTrip() {
        let rows = [
            LedgerRow(index: 0, leaf: [1, 2, 3], salt: [4], details: [5, 6]),
            LedgerRow(index: 1, leaf: nil, salt: [7], details: []),
            LedgerRow(index: 2, leaf: [], salt: nil, details: nil),
            LedgerRow(index: 4, leaf: nil, salt: nil, details: nil),
        ]
        let batch = LedgerRowBatch(rows)
        #expect(Array(batch) == rows)
        #expect(batch.indices.map { batch.index(at: $0) } == [0, 1, 2, 4])
        // Salt and details are one row: half of one is a details row missing.
        let half = LedgerRowBatch([LedgerRow(index: 9, leaf: [1], salt: [2], details: nil)])
        #expect(half.first == LedgerRow(index: 9, leaf: [1], salt: nil, details: nil))
    }
}
