import ArgumentParser
import Foundation
import KuraCore
import KuraServer
import KuraStore
import KuraStoreSQLite
import Logging

/// `kura-bench backup`: backup and restore of a data set of `--size-mb`, beside a plain copy
/// of the same database file (read, write, fsync) and beside restic backing up and restoring
/// the same file, all in one run (issue 6: Kura at ≥ 50 % of the copy's throughput, and faster
/// than restic). Needs `restic` on the PATH (Debian's package).
struct BackupBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Backup and restore throughput beside a plain copy and restic, on the same data."
    )

    @Option(help: "The data set's size in MiB (attachments of incompressible bytes, 1 MiB each).")
    var sizeMb = 1024
    @Option(help: "A scratch folder (removed afterwards).") var scratch = "/tmp/kura-backup-bench"
    @Option(help: "Runs of each operation; the median is reported.") var runs = 3

    func run() async throws {
        try? FileManager.default.removeItem(atPath: scratch)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let data = "\(scratch)/data"
        var configuration = ServerConfiguration(dataDirectory: data, insecureHTTP: true)
        configuration.passwordHashing = .passwordTesting
        _ = try DataFolder.prepare(configuration: configuration)
        let databasePath = StoreFactory.sqlitePath(dataDirectory: data)
        let store = try SQLiteStore(path: databasePath)
        _ = try await store.migrate()
        print("seeding \(sizeMb) MiB of attachments …")
        try await Self.seed(store, mebibytes: sizeMb)
        let key = try RecoveryKeyFile.create(inDataFolder: data)
        let bytes = Double(try Self.size(of: databasePath))
        print(String(format: "data set: %.0f MiB database file (%d MiB of attachments)", bytes / 1_048_576, sizeMb))

        var copy: [Double] = []
        var backup: [Double] = []
        var restore: [Double] = []
        var resticBackup: [Double] = []
        var resticRestore: [Double] = []
        var logger = Logger(label: "kura-bench")
        logger.logLevel = .warning
        for run in 0..<runs {
            let target = "\(scratch)/run\(run)"
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            copy.append(try Self.timed { try Self.copyFile(databasePath, to: "\(target)/copy.sqlite") })
            var generation = ""
            backup.append(
                try await Self.timed {
                    generation =
                        try await BackupWriter.write(
                            BackupWriter.Request(dataDirectory: data, keyFile: nil, destination: "\(target)/backups"),
                            store: store
                        ).folder
                })
            restore.append(
                try await Self.timed {
                    _ = try await BackupRestorer.restore(
                        from: generation, recoveryKey: key, dataDirectory: "\(target)/restored", databaseURL: nil,
                        logger: logger)
                })
            let repository = "\(target)/restic"
            try Self.restic(["init", "--repo", repository])
            resticBackup.append(try Self.timed { try Self.restic(["backup", "--repo", repository, databasePath]) })
            resticRestore.append(
                try Self.timed {
                    try Self.restic([
                        "restore", "latest", "--repo", repository, "--target", "\(target)/restic-restored",
                    ])
                })
            try FileManager.default.removeItem(atPath: target)
        }
        await store.close()
        func rate(_ seconds: [Double]) -> Double { bytes / 1_048_576 / seconds.sorted()[seconds.count / 2] }
        let copyRate = rate(copy)
        print("operation               median s    MiB/s   vs copy")
        for (name, times) in [
            ("plain copy + fsync", copy), ("kura backup", backup), ("kura restore", restore),
            ("restic backup", resticBackup), ("restic restore", resticRestore),
        ] {
            print(
                name.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(
                        format: "%9.2f %8.0f %8.0f%%", times.sorted()[times.count / 2], rate(times),
                        rate(times) / copyRate * 100))
        }
        print(
            String(
                format: "targets: backup %@ (≥ 50%% of copy, faster than restic), restore %@",
                rate(backup) >= copyRate / 2 && rate(backup) > rate(resticBackup) ? "met" : "MISSED",
                rate(restore) >= copyRate / 2 && rate(restore) > rate(resticRestore) ? "met" : "MISSED"))
    }

    /// `mebibytes` attachments of 1 MiB (four 256 KiB chunks) of bytes that do not compress,
    /// each bound to a ledger leaf as the service writes them.
    static func seed(_ store: SQLiteStore, mebibytes: Int) async throws {
        // xorshift64*: fast, and its output does not compress (restic compresses).
        var state = UInt64.random(in: 1...UInt64.max)
        var units: [WriteUnit] = []
        for index in 0..<mebibytes {
            let chunks = (0..<4).map { _ in
                [UInt8](unsafeUninitializedCapacity: 256 * 1024) { buffer, count in
                    let words = UnsafeMutableRawBufferPointer(buffer).bindMemory(to: UInt64.self)
                    for word in words.indices {
                        state ^= state >> 12
                        state ^= state << 25
                        state ^= state >> 27
                        words[word] = state &* 2_685_821_657_736_338_717
                    }
                    count = 256 * 1024
                }
            }
            let id = "att_bench_\(index)"
            let record = AttachmentRecord(
                id: id, patientID: "pat_bench_\(index % 100)", entryID: nil, mediaType: "application/pdf",
                byteCount: Int64(1 << 20), chunkCount: 4, sealedMeta: Array(repeating: 7, count: 64), receivedAt: nil,
                scannedAt: nil, createdAt: 1_700_000_000_000, createdBy: "acc_bench")
            let events = LedgerEvents(clock: { 1_700_000_000_000 })
            units.append(
                WriteUnit([
                    try events.append(kind: "attachment.added", fields: ["attachment": .string(id)]),
                    .insertAttachment(record, chunks: chunks),
                ]))
            if units.count == 32 || index == mebibytes - 1 {
                for result in try await store.commit(units) { _ = try result.get() }
                units.removeAll()
            }
        }
    }

    static func copyFile(_ source: String, to destination: String) throws {
        guard let input = FileHandle(forReadingAtPath: source),
            FileManager.default.createFile(atPath: destination, contents: nil),
            let output = FileHandle(forWritingAtPath: destination)
        else { throw ValidationError("cannot copy \(source)") }
        while let data = try input.read(upToCount: 4 << 20), !data.isEmpty { try output.write(contentsOf: data) }
        try output.synchronize()
        try output.close()
        try input.close()
    }

    static func restic(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["restic", "--quiet"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["RESTIC_PASSWORD"] = "kura-bench-only"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("restic \(arguments.first ?? "") failed (is Debian's restic installed?)")
        }
    }

    static func size(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Times `body` after flushing every dirty page to disk, so that no operation pays for the
    /// writes of the one before it.
    static func timed(_ body: () throws -> Void) throws -> Double {
        sync()
        let start = ContinuousClock.now
        try body()
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func timed(_ body: () async throws -> Void) async throws -> Double {
        sync()
        let start = ContinuousClock.now
        try await body()
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
