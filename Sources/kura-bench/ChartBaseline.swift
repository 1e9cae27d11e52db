import Foundation
import GRDB
import Logging
import PostgresNIO

/// The chart baseline's reads: the rows `RecordService.chart` shows — the patient row, the care
/// team, the structured lists and the newest 50 entry heads by the chart index — read with
/// plain SQL and decoded into Swift values (text, integers, bytes), but neither opened
/// (decrypted) nor turned into JSON-decoded views. The audit rows of the read are written
/// through the raw store (`RawSQLiteInserts`, `RawPostgresInserts`).
enum ChartBaseline {
    /// The number of entry heads a chart page holds (`RecordService.chartPageSize`).
    static let pageSize = 50
}

extension RawSQLiteInserts {
    /// Reads a chart's rows in one read transaction on the pool's readers; returns the number of
    /// entry heads read.
    func chartRows(patientID: String) async throws -> Int {
        try await pool.read { db in
            var bytes = 0
            for row in try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT id, revision, number_index, birth_date_index, sealed_demographics, care_started_at,
                            care_ended_at, merged_into, created_at, created_by, updated_at, updated_by
                        FROM patient WHERE id = ?
                        """), arguments: [patientID])
            {
                let values: (String, Int64, Data, Data, Data, Int64?, Int64?, String?, Int64, String, Int64, String) = (
                    row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11]
                )
                bytes += values.4.count
            }
            for row in try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT patient_id, account_id, added_at, added_by FROM care_team_member
                        WHERE patient_id = ? ORDER BY account_id
                        """), arguments: [patientID])
            {
                let values: (String, String, Int64, String) = (row[0], row[1], row[2], row[3])
                bytes += values.1.utf8.count
            }
            for row in try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT id, patient_id, kind, revision, sealed_items, updated_at, updated_by FROM patient_list
                        WHERE patient_id = ? ORDER BY kind
                        """), arguments: [patientID])
            {
                let values: (String, String, String, Int64, Data, Int64, String) = (
                    row[0], row[1], row[2], row[3], row[4], row[5], row[6]
                )
                bytes += values.4.count
            }
            var entries = 0
            for row in try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT id, patient_id, kind, state, revision, author, on_behalf_of, created_at, updated_at,
                            care_at, finalized_by, finalized_at, sealed_body
                        FROM entry WHERE patient_id = ? ORDER BY created_at DESC, id DESC LIMIT ?
                        """), arguments: [patientID, ChartBaseline.pageSize])
            {
                let head: (String, String, String, String, Int64, String, String?) = (
                    row[0], row[1], row[2], row[3], row[4], row[5], row[6]
                )
                let times: (Int64, Int64, Int64?, String?, Int64?, Data) = (
                    row[7], row[8], row[9], row[10], row[11], row[12]
                )
                bytes += head.0.utf8.count + times.5.count
                entries += 1
            }
            guard bytes > 0 else { throw BenchError.invalid("the chart baseline read nothing") }
            return entries
        }
    }
}

extension RawPostgresInserts {
    /// Reads a chart's rows on `connection`, one query after the other (as a plain application
    /// would), decoding every column; returns the number of entry heads read.
    static func chartRows(patientID: String, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var bytes = 0
        let patient = try await connection.query(
            """
            SELECT id, revision, number_index, birth_date_index, sealed_demographics, care_started_at, care_ended_at,
                merged_into, created_at, created_by, updated_at, updated_by
            FROM patient WHERE id = \(patientID)
            """, logger: logger)
        for try await row in patient.decode(
            (
                String, Int64, ByteBuffer, ByteBuffer, ByteBuffer, Int64?, Int64?, String?, Int64, String, Int64,
                String
            ).self)
        {
            bytes += row.4.readableBytes
        }
        let team = try await connection.query(
            """
            SELECT patient_id, account_id, added_at, added_by FROM care_team_member
            WHERE patient_id = \(patientID) ORDER BY account_id
            """, logger: logger)
        for try await row in team.decode((String, String, Int64, String).self) {
            bytes += row.1.utf8.count
        }
        let lists = try await connection.query(
            """
            SELECT id, patient_id, kind, revision, sealed_items, updated_at, updated_by FROM patient_list
            WHERE patient_id = \(patientID) ORDER BY kind
            """, logger: logger)
        for try await row in lists.decode((String, String, String, Int64, ByteBuffer, Int64, String).self) {
            bytes += row.4.readableBytes
        }
        let limit = Int64(ChartBaseline.pageSize)
        let entries = try await connection.query(
            """
            SELECT id, patient_id, kind, state, revision, author, on_behalf_of, created_at, updated_at, care_at,
                finalized_by, finalized_at, sealed_body
            FROM entry WHERE patient_id = \(patientID) ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """, logger: logger)
        var count = 0
        for try await row in entries.decode(
            (String, String, String, String, Int64, String, String?, Int64, Int64, Int64?, String?, Int64?, ByteBuffer)
                .self)
        {
            bytes += row.0.utf8.count + row.12.readableBytes
            count += 1
        }
        guard bytes > 0 else { throw BenchError.invalid("the chart baseline read nothing") }
        return count
    }
}
