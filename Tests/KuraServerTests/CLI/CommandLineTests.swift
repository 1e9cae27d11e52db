import Crypto
import Foundation
import KuraCore
import KuraServer
import KuraTesting
import Testing

@Suite("The kura command line", .enabled(if: KuraBinary.isAvailable))
struct CommandLineTests {
    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test("--version prints Kura's version and every pinned dependency")
    func version() async throws {
        let outcome = try await ChildProcess.run(try KuraBinary.path(), ["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("kura \(BuildInfo.version)"))
        for dependency in BuildInfo.dependencies {
            #expect(outcome.output.contains("\(dependency.name) \(dependency.version)"))
        }
    }

    @Test("log key prints the key the server signs with", arguments: TestBackend.available)
    func logKey(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let outcome = try await log.kura(["log", "key", "--data", log.dataDirectory])
            #expect(outcome.status == 0)
            #expect(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines) == log.verifierKey)
        }
    }

    @Test("a checkpoint file verifies with the right key and fails with another")
    func checkpointFile() async throws {
        try await PopulatedLog.with(.sqlite) { log in
            let checkpoint = try await log.kura(["log", "checkpoint"] + log.databaseArguments)
            #expect(checkpoint.status == 0)
            let file = log.folder.file("checkpoint")
            try Self.write(Array(checkpoint.output.utf8), to: file)
            let good = try await log.kura(["verify", "checkpoint", file, "--key", log.verifierKey])
            #expect(good.status == 0, "\(good.error)")
            let other = try NoteSigner(name: "other.example/log", privateKey: .init()).verifier.description
            let bad = try await log.kura(["verify", "checkpoint", file, "--key", other])
            #expect(bad.status == 1)
            #expect(bad.error.contains("does not verify"))
        }
    }

    @Test("an inclusion proof verifies offline for its leaf and fails for another", arguments: TestBackend.available)
    func inclusion(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let proof = try await log.kura(["log", "proof", "21"] + log.databaseArguments)
            #expect(proof.status == 0, "\(proof.error)")
            let proofFile = log.folder.file("proof")
            try Self.write(Array(proof.output.utf8), to: proofFile)
            let leafFile = log.folder.file("leaf")
            try Self.write(try await log.raw.blob(log.raw.ledgerSelect("leaf", index: 21)), to: leafFile)
            let good = try await log.kura([
                "verify", "inclusion", proofFile, "--leaf", leafFile, "--key", log.verifierKey,
            ])
            #expect(good.status == 0, "\(good.error)")
            #expect(good.output.contains("leaf 21"))

            let otherLeaf = log.folder.file("other-leaf")
            try Self.write(try await log.raw.blob(log.raw.ledgerSelect("leaf", index: 22)), to: otherLeaf)
            let bad = try await log.kura([
                "verify", "inclusion", proofFile, "--leaf", otherLeaf, "--key", log.verifierKey,
            ])
            #expect(bad.status == 1)
            #expect(bad.error.contains("does not hold"))
        }
    }

    @Test(
        "a kept checkpoint stays consistent as the log grows, and a rewritten log is caught",
        arguments: TestBackend.available
    )
    func consistency(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let sizes = try await log.raw.integers("SELECT size FROM ledger_checkpoint ORDER BY size")
            let oldSize = try #require(sizes.first { $0 > 5 })
            try #require(oldSize < sizes.last!, "the log must have grown after the kept checkpoint")
            let oldNote = try await log.raw.blob("SELECT note FROM ledger_checkpoint WHERE size = \(oldSize)")
            let oldFile = log.folder.file("old-checkpoint")
            try Self.write(oldNote, to: oldFile)
            let good = try await log.kura(
                ["verify", "consistency", oldFile, "--key", log.verifierKey] + log.databaseArguments
            )
            #expect(good.status == 0, "\(good.error)")

            // An insider replaces the hash of the first leaf after the kept tree in the stored
            // tiles: every consistency proof from the kept size reads it (the proof covers the
            // leaves beyond the old tree), so the tiles no longer lead to the signed new root.
            // (A hash inside the kept tree need not be read: for a power-of-two size the old
            // root stands for it.)
            let tile = try await log.raw.blob("SELECT hashes FROM ledger_tile WHERE level = 0 AND idx = 0")
            var changed = tile
            changed[Int(oldSize) * 32] ^= 0xff
            try await log.raw.execute("UPDATE ledger_tile SET hashes = ? WHERE level = 0 AND idx = 0", blob: changed)
            let bad = try await log.kura(
                ["verify", "consistency", oldFile, "--key", log.verifierKey] + log.databaseArguments
            )
            #expect(bad.status == 1)
            #expect(bad.error.contains("not consistent"))
        }
    }

    @Test("consistency verifies from files alone: two checkpoints and a proof")
    func consistencyFromFiles() async throws {
        // A small log built in memory with the core types, signed with a fresh key.
        let signer = try NoteSigner(name: "example.jp/clinic", privateKey: .init())
        let leaves = (0..<13).map { RFC6962.leafHash(Array("leaf \($0)".utf8)) }
        func node(_ level: Int, _ index: UInt64) -> LogHash {
            var layer = Array(leaves[Int(index << UInt64(level))..<Int((index + 1) << UInt64(level))])
            while layer.count > 1 {
                layer = stride(from: 0, to: layer.count, by: 2).map { RFC6962.nodeHash(layer[$0], layer[$0 + 1]) }
            }
            return layer[0]
        }
        let old = try Checkpoint(origin: signer.name, size: 5, root: try MerkleTree.root(size: 5, nodes: node))
        let new = try Checkpoint(origin: signer.name, size: 13, root: try MerkleTree.root(size: 13, nodes: node))
        let proof = try ConsistencyProof.generate(from: 5, to: 13, nodes: node)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.write(try old.signed(by: signer).bytes, to: folder.file("old"))
        try Self.write(try new.signed(by: signer).bytes, to: folder.file("new"))
        let lines = proof.map { Data($0.bytes).base64EncodedString() + "\n" }.joined()
        try Self.write(Array(lines.utf8), to: folder.file("proof"))
        let key = signer.verifier.description
        let arguments = [
            folder.file("old"), "--new", folder.file("new"), "--proof", folder.file("proof"), "--key", key,
        ]
        let good = try await ChildProcess.run(try KuraBinary.path(), ["verify", "consistency"] + arguments)
        #expect(good.status == 0, "\(good.error)")
        let tampered = proof.dropLast().map { Data($0.bytes).base64EncodedString() + "\n" }.joined()
        try Self.write(Array(tampered.utf8), to: folder.file("proof"))
        let bad = try await ChildProcess.run(try KuraBinary.path(), ["verify", "consistency"] + arguments)
        #expect(bad.status == 1)
    }

    @Test("a database migrated by a newer Kura is refused with a clear message", arguments: TestBackend.available)
    func newerSchemaRefused(backend: TestBackend) async throws {
        try await PopulatedLog.with(backend) { log in
            let table = backend == .sqlite ? "kura_schema" : "kura_schema_version"
            let columns = try await log.raw.integers("SELECT max(version) FROM \(table)")
            let next = (columns.first ?? 1) + 1
            if backend == .sqlite {
                try await log.raw.execute("INSERT INTO kura_schema (version, applied_at) VALUES (\(next), 0)")
            } else {
                try await log.raw.execute("INSERT INTO kura_schema_version (version) VALUES (\(next))")
            }
            for command in [["migrate"], ["verify", "log"]] {
                let outcome = try await log.kura(command + log.databaseArguments)
                #expect(outcome.status != 0)
                #expect(outcome.error.contains("newer than this Kura supports"), "\(command): \(outcome.error)")
            }
        }
    }

    @Test("Package.swift pins exactly the versions kura --version reports")
    func pinsMatchBuildInfo() throws {
        let manifest = try String(contentsOfFile: "Package.swift", encoding: .utf8)
        var pinned: [String: String] = [:]
        for line in manifest.split(separator: "\n") where line.contains(".package(url:") {
            guard let url = line.split(separator: "\"").dropFirst().first,
                let version = line.split(separator: "exact: \"").last?.split(separator: "\"").first
            else { continue }
            let name = url.split(separator: "/").last!.replacingOccurrences(of: ".git", with: "")
            pinned[name] = String(version)
        }
        let reported = Dictionary(uniqueKeysWithValues: BuildInfo.dependencies.map { ($0.name, $0.version) })
        #expect(pinned == reported)
    }
}
