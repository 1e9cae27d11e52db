import Foundation
import GRDB
import KuraStoreSQLite
import KuraTesting

/// Direct access to a backend's tables, as an attacker with database access has it: for the
/// tamper tests (SQLite through GRDB, PostgreSQL through psql).
struct RawDatabase {
    let backend: TestBackend
    let dataDirectory: String
    let url: String?

    /// Runs one statement that changes rows.
    func execute(_ sql: String, blob: [UInt8]? = nil) async throws {
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: "\(dataDirectory)/kura.sqlite")
            try await queue.write { db in
                if let blob {
                    try db.execute(sql: sql, arguments: [Data(blob)])
                } else {
                    try db.execute(sql: sql)
                }
            }
            try queue.close()
        case .postgres:
            let statement = blob.map { sql.replacingOccurrences(of: "?", with: "decode('\(hex($0))', 'hex')") } ?? sql
            let outcome = try await ChildProcess.run(try psql(), [url!, "-v", "ON_ERROR_STOP=1", "-qAtc", statement])
            guard outcome.status == 0 else { throw ConformanceFailure("psql failed: \(outcome.error)") }
        }
    }

    /// Everything stored, as bytes: the SQLite database and WAL files, or a data-only
    /// `pg_dump` of the PostgreSQL database (bytea written as hex).
    func everything() async throws -> [UInt8] {
        switch backend {
        case .sqlite:
            return ["kura.sqlite", "kura.sqlite-wal"].flatMap { name in
                (FileManager.default.contents(atPath: "\(dataDirectory)/\(name)").map { [UInt8]($0) }) ?? []
            }
        case .postgres:
            let dump = URL(fileURLWithPath: try psql()).deletingLastPathComponent().appendingPathComponent("pg_dump")
                .path
            let outcome = try await ChildProcess.run(dump, ["--data-only", url!])
            guard outcome.status == 0 else { throw ConformanceFailure("pg_dump failed: \(outcome.error)") }
            return Array(outcome.output.utf8)
        }
    }

    /// Reads one bytea/blob value.
    func blob(_ sql: String) async throws -> [UInt8] {
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: "\(dataDirectory)/kura.sqlite")
            defer { try? queue.close() }
            return try await queue.read { db in [UInt8](try Data.fetchOne(db, sql: sql) ?? Data()) }
        case .postgres:
            let wrapped = "SELECT encode((\(sql)), 'hex')"
            let outcome = try await ChildProcess.run(try psql(), [url!, "-qAtc", wrapped])
            guard outcome.status == 0 else { throw ConformanceFailure("psql failed: \(outcome.error)") }
            return unhex(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Reads integers (one per row).
    func integers(_ sql: String) async throws -> [Int64] {
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: "\(dataDirectory)/kura.sqlite")
            defer { try? queue.close() }
            return try await queue.read { db in try Int64.fetchAll(db, sql: sql) }
        case .postgres:
            let outcome = try await ChildProcess.run(try psql(), [url!, "-qAtc", sql])
            guard outcome.status == 0 else { throw ConformanceFailure("psql failed: \(outcome.error)") }
            return outcome.output.split(separator: "\n").compactMap { Int64($0) }
        }
    }

    /// Reads the UTF-8 text of a blob/bytea column (one value per row).
    func strings(_ sql: String) async throws -> [String] {
        switch backend {
        case .sqlite:
            let queue = try DatabaseQueue(path: "\(dataDirectory)/kura.sqlite")
            defer { try? queue.close() }
            return try await queue.read { db in
                try Data.fetchAll(db, sql: sql).map { String(decoding: $0, as: UTF8.self) }
            }
        case .postgres:
            let wrapped = "SELECT encode(t.v, 'hex') FROM (\(sql)) AS t(v)"
            let outcome = try await ChildProcess.run(try psql(), [url!, "-qAtc", wrapped])
            guard outcome.status == 0 else { throw ConformanceFailure("psql failed: \(outcome.error)") }
            return outcome.output.split(separator: "\n").map { String(decoding: unhex(String($0)), as: UTF8.self) }
        }
    }

    /// A query for `column` (`leaf`, `salt` or `details`) of the leaf numbered `index`: SQLite
    /// keeps leaves and details in two tables by index, PostgreSQL (schema version 3) keeps the
    /// appended row in `ledger_pending` and numbers it in `ledger_index`.
    func ledgerSelect(_ column: String, index: Int) -> String {
        switch backend {
        case .sqlite: "SELECT \(column) FROM \(column == "leaf" ? "ledger_leaf" : "ledger_detail") WHERE idx = \(index)"
        case .postgres: "SELECT \(column) FROM ledger_pending WHERE id = \(Self.pendingID(index))"
        }
    }

    /// An update setting that column to the bound blob (`?`).
    func ledgerUpdate(_ column: String, index: Int) -> String {
        switch backend {
        case .sqlite:
            "UPDATE \(column == "leaf" ? "ledger_leaf" : "ledger_detail") SET \(column) = ? WHERE idx = \(index)"
        case .postgres: "UPDATE ledger_pending SET \(column) = ? WHERE id = \(Self.pendingID(index))"
        }
    }

    static func pendingID(_ index: Int) -> String {
        "(SELECT pending_id FROM ledger_index WHERE idx = \(index))"
    }

    func psql() throws -> String {
        if let found = try? ChildProcess.which("psql") { return found }
        let candidates = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in candidates.sorted().reversed() {
            let path = "/usr/lib/postgresql/\(version)/bin/psql"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw ConformanceFailure("psql is not installed")
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

func unhex(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex, let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) {
        bytes.append(UInt8(text[index..<next], radix: 16) ?? 0)
        index = next
    }
    return bytes
}
