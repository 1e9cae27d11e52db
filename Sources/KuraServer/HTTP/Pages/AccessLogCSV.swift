import Foundation

/// The access log as CSV for auditors (AUD-1, AUD-4): UTF-8 with a byte-order mark so Excel
/// opens Japanese correctly, CRLF line ends and every cell quoted (RFC 4180), one line per event
/// and patient so a spreadsheet filters by patient. Pure rendering, no I/O.
enum AccessLogCSV {
    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The file for `rows`, headed in the reader's language.
    static func render(_ rows: [AuditRow], text: PageText) -> [UInt8] {
        let header = [
            "auditTime", "auditAccount", "patientNumber", "auditPatient", "auditAction", "auditActionCode",
            "auditAccess", "auditKind", "auditEventID",
        ].map { text[$0] }
        var lines = [line(header)]
        for row in rows {
            let patients = row.patients.isEmpty ? [AuditRow.Patient(number: "", name: "")] : row.patients
            for patient in patients {
                lines.append(
                    line([
                        row.time, row.account, patient.number, patient.name, row.action, row.actionCode, row.access,
                        row.kind, row.id,
                    ]))
            }
        }
        return byteOrderMark + Array(lines.joined().utf8)
    }

    static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"),
    /// with their full-width forms, which a Japanese IME types.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

    /// One quoted cell; a value that would start a formula is prefixed with `'` so it stays text.
    static func cell(_ value: String) -> String {
        let safe = value.first.map(formulaStarts.contains) == true ? "'" + value : value
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
