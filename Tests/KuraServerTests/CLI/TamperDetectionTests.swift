import Crypto
import Foundation
import KuraCore
import KuraServer
import KuraTesting
import Testing

/// REC-1 / AUD-2: one changed byte, one deleted row, one replaced checkpoint — each makes
/// `kura verify log` fail, naming exactly that place.
@Suite("Tamper detection by kura verify log", .enabled(if: KuraBinary.isAvailable))
struct TamperDetectionTests {
    static func verify(_ log: PopulatedLog) async throws -> ChildProcess.Outcome {
        try await log.kura(["verify", "log"] + log.databaseArguments)
    }

    static func flip(_ bytes: [UInt8], at offset: Int) -> [UInt8] {
        var copy = bytes
        copy[offset] ^= 0x01
        return copy
    }

    @Test("an untouched log verifies", arguments: TestBackend.available)
    func intact(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let outcome = try await Self.verify(log)
            #expect(outcome.status == 0, "\(outcome.error)")
            #expect(outcome.output.contains("log verified"))
            #expect(outcome.output.contains("0 pending"))
        }
    }

    @Test("one changed byte in a leaf fails at that leaf", arguments: TestBackend.available)
    func leafByte(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let leaf = try await log.raw.blob(log.raw.ledgerSelect("leaf", index: 17))
            // A byte inside the base64 commitment: still a well-formed leaf, a different commitment.
            try await log.raw.execute(log.raw.ledgerUpdate("leaf", index: 17), blob: Self.flip(leaf, at: 10))
            let outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("leaf 17:"), "\(outcome.error)")
        }
    }

    @Test("one changed byte in a details row fails at that leaf", arguments: TestBackend.available)
    func detailsByte(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let details = try await log.raw.blob(log.raw.ledgerSelect("details", index: 23))
            try await log.raw.execute(
                log.raw.ledgerUpdate("details", index: 23),
                blob: Self.flip(details, at: details.count / 2)
            )
            let outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("leaf 23:"), "\(outcome.error)")
        }
    }

    @Test("a changed salt fails at that leaf", arguments: TestBackend.available)
    func saltByte(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let salt = try await log.raw.blob(log.raw.ledgerSelect("salt", index: 5))
            try await log.raw.execute(log.raw.ledgerUpdate("salt", index: 5), blob: Self.flip(salt, at: 0))
            let outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("leaf 5:"), "\(outcome.error)")
        }
    }

    @Test("a deleted leaf row, details row or both fail at that index on SQLite")
    func deletedRows() async throws {
        try await PopulatedLog.with(.sqlite) { log in
            try await log.raw.execute("DELETE FROM ledger_detail WHERE idx = 30")
            var outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("leaf 30: the details row is missing"), "\(outcome.error)")

            try await log.raw.execute("DELETE FROM ledger_leaf WHERE idx = 12")
            outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("leaf 12:"), "\(outcome.error)")

            try await log.raw.execute("DELETE FROM ledger_detail WHERE idx = 12")
            outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("leaf 12: no leaf and no details row"), "\(outcome.error)")
        }
    }

    /// PostgreSQL keeps a leaf and its details in one appended row and numbers it in
    /// `ledger_index`: deleting either leaves nothing at that index.
    @Test(
        "a deleted appended row or numbering row fails at that index on PostgreSQL",
        .enabled(if: TestBackend.available.contains(.postgres))
    )
    func deletedRowsPostgres() async throws {
        try await PopulatedLog.with(.postgres) { log in
            // The newest leaf's numbering gone: the newest checkpoint covers more than is stored.
            let newest = try #require(try await log.raw.integers("SELECT max(idx) FROM ledger_index").first)
            try await log.raw.execute("DELETE FROM ledger_index WHERE idx = \(newest)")
            var outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("checkpoint \(newest + 1): it covers more leaves"), "\(outcome.error)")

            try await log.raw.execute("DELETE FROM ledger_pending WHERE id = \(RawDatabase.pendingID(30))")
            outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("leaf 30: no leaf and no details row"), "\(outcome.error)")

            try await log.raw.execute("DELETE FROM ledger_index WHERE idx = 12")
            outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("leaf 12: no leaf and no details row"), "\(outcome.error)")
        }
    }

    @Test("a replaced checkpoint fails at that checkpoint", arguments: TestBackend.available)
    func replacedCheckpoint(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let sizes = try await log.raw.integers("SELECT size FROM ledger_checkpoint ORDER BY size")
            try #require(sizes.count >= 3)
            let target = sizes[1]
            let originalNote = try await log.raw.blob("SELECT note FROM ledger_checkpoint WHERE size = \(target)")
            let originalRoot = try await log.raw.blob("SELECT root FROM ledger_checkpoint WHERE size = \(target)")

            // Without the key: a well-formed note signed by another key.
            let stranger = try NoteSigner(name: "attacker.example/log", privateKey: .init())
            let forged = try Checkpoint(origin: stranger.name, size: UInt64(target), root: RFC6962.emptyRoot)
                .signed(by: stranger)
            try await log.raw.execute(
                "UPDATE ledger_checkpoint SET note = ? WHERE size = \(target)", blob: forged.bytes)
            var outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("checkpoint \(target): the signed note does not verify"), "\(outcome.error)")

            // With the key (an insider): correctly signed, but not the tree of the stored leaves.
            let signer = try LogIdentity.signer(dataDirectory: log.dataDirectory, keyFile: nil, passphrase: nil)
            let wrongRoot = RFC6962.leafHash(Array("not the log".utf8))
            let insider = try Checkpoint(origin: signer.name, size: UInt64(target), root: wrongRoot).signed(by: signer)
            try await log.raw.execute(
                "UPDATE ledger_checkpoint SET note = ? WHERE size = \(target)", blob: insider.bytes)
            try await log.raw.execute(
                "UPDATE ledger_checkpoint SET root = ? WHERE size = \(target)", blob: wrongRoot.bytes)
            outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("checkpoint \(target): the root differs"), "\(outcome.error)")

            // Put that checkpoint back: the log verifies again.
            try await log.raw.execute(
                "UPDATE ledger_checkpoint SET note = ? WHERE size = \(target)", blob: originalNote)
            try await log.raw.execute(
                "UPDATE ledger_checkpoint SET root = ? WHERE size = \(target)", blob: originalRoot)
            #expect(try await Self.verify(log).status == 0)

            // The stored root column alone changed: it no longer matches the signed note.
            let newest = try #require(sizes.last)
            try await log.raw.execute(
                "UPDATE ledger_checkpoint SET root = ? WHERE size = \(newest)", blob: wrongRoot.bytes)
            outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(
                outcome.error.contains("checkpoint \(newest): the stored size or root differs"),
                "\(outcome.error)"
            )
        }
    }

    @Test("a changed tile hash fails at that tile", arguments: TestBackend.available)
    func tileByte(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let tile = try await log.raw.blob("SELECT hashes FROM ledger_tile WHERE level = 0 AND idx = 0")
            try await log.raw.execute(
                "UPDATE ledger_tile SET hashes = ? WHERE level = 0 AND idx = 0",
                blob: Self.flip(tile, at: 40)
            )
            let outcome = try await Self.verify(log)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("tile 0/0"), "\(outcome.error)")
        }
    }
}
