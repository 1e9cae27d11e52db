import KuraCore
import KuraStore

extension ChecklistReport {
    /// The report's one style sheet, allowed by its hash in the report's CSP.
    static let printStyle = """
        @page { size: A4; margin: 14mm 12mm; }
        body { font-family: "Noto Sans CJK JP", "Hiragino Sans", sans-serif; font-size: 9.5pt; color: #000; }
        h1 { font-size: 14pt; margin: 0 0 4pt; } h2 { font-size: 11pt; margin: 10pt 0 4pt; }
        table { border-collapse: collapse; width: 100%; } th, td { border: 0.5pt solid #000; padding: 3pt;
        vertical-align: top; text-align: left; } th { background: #eee; }
        tr { page-break-inside: avoid; } .status { white-space: nowrap; font-weight: bold; }
        .evidence { margin: 2pt 0 0; padding-left: 10pt; font-size: 8.5pt; } .note { font-size: 8pt; color: #333; }
        pre { font-size: 7.5pt; white-space: pre-wrap; border: 0.5pt solid #000; padding: 3pt; }
        """

    /// The report an inspector expects, as one self-contained HTML page with an A4 print
    /// stylesheet and no script: the MHLW form's columns (No., item, はい/いいえ, 確認日, 目標日)
    /// plus the evidence each answer rests on, the officers, the date, and the log's signed
    /// checkpoint at the time (DESIGN "Anchoring"). Its hash is sealed in the ledger.
    public func printable(
        clinicName: String?, officers: [RegistryEntry], evidence: [String: EvidenceFile] = [:], checkpoint: String?,
        generatedAt: Int64, language: String
    ) -> String {
        let en = language == "en"
        func e(_ text: String) -> String { EmergencyPage.escaped(text) }
        var html = """
            <!DOCTYPE html>
            <html lang="\(en ? "en" : "ja")"><head><meta charset="utf-8">
            <title>\(e(checklist.title.text(language)))</title>
            <style>\(Self.printStyle)</style></head><body>
            <h1>\(e(checklist.title.text(language)))</h1>
            <p>\(e(clinicName ?? "")) · \(en ? "Edition" : "版"): \(e(checklist.edition)) (\(e(checklist.published))) ·
            \(en ? "Prepared" : "作成日時"): \(e(PageTime.jst(generatedAt))) JST</p>

            """
        if !officers.isEmpty {
            html += "<h2>\(en ? "Officers" : "責任者")</h2><table><tr><th>\(en ? "Role" : "役割")</th>"
            html += "<th>\(en ? "Name" : "氏名")</th><th>\(en ? "Appointed on" : "任命日")</th></tr>\n"
            for officer in officers {
                let role =
                    officer.values["role"] == "planning-manager"
                    ? (en ? "Planning manager" : "企画管理者") : (en ? "Security officer" : "医療情報システム安全管理責任者")
                html += "<tr><td>\(e(role))</td><td>\(e(officer.values["name"] ?? ""))</td>"
                html += "<td>\(e(officer.values["appointedOn"] ?? ""))</td></tr>\n"
            }
            html += "</table>\n"
        }
        html += "<h2>\(en ? "Items" : "チェック項目")</h2><table><tr><th>No.</th><th>\(en ? "Item" : "項目")</th>"
        html += "<th>\(en ? "Answer" : "回答")</th><th>\(en ? "Confirmed" : "確認日")</th>"
        html += "<th>\(en ? "Target" : "目標日")</th></tr>\n"
        for row in rows {
            html += "<tr><td>\(e(row.item.number ?? row.item.id))</td><td>\(e(row.item.title.text(language)))"
            html += evidenceList(row, files: evidence, language: language)
            if row.item.confidence != .primary {
                html +=
                    "<div class=\"note\">\(en ? "Source" : "出典"): \(e(row.item.source)) (\(e(row.item.confidence.rawValue)))</div>"
            }
            let (answer, confirmed, target) = formCells(row, language: language)
            html += "</td><td class=\"status\">\(e(answer))</td><td>\(e(confirmed))</td><td>\(e(target))</td></tr>\n"
        }
        html += "</table>\n"
        if let checkpoint {
            html += "<h2>\(en ? "The log's signed checkpoint" : "台帳の署名付きチェックポイント")</h2><pre>\(e(checkpoint))</pre>\n"
        }
        html += "<p class=\"note\">\(en ? note.en : note.ja)</p>\n</body></html>\n"
        return html
    }

    /// How a later copy is checked.
    private var note: BilingualText {
        BilingualText(
            ja: "この報告書のSHA-256はKuraの台帳に記録されています。`kura verify report ファイル` で写しを照合できます。",
            en: "This report's SHA-256 is sealed in Kura's ledger; check a copy with `kura verify report FILE`.")
    }

    /// The evidence lines and reasons under an item's title.
    private func evidenceList(_ row: Row, files: [String: EvidenceFile], language: String) -> String {
        var lines = row.findings(language)
        if let comment = row.answer?.answer.comment { lines.append(comment) }
        for id in row.answer?.answer.evidence ?? [] {
            let file = files[id]
            lines.append(
                "\(language == "en" ? "Evidence" : "根拠資料"): \(file?.name ?? id)"
                    + (file.map { " (SHA-256 \($0.sha256.prefix(16))…)" } ?? ""))
        }
        guard !lines.isEmpty else { return "" }
        return "<ul class=\"evidence\">" + lines.map { "<li>\(EmergencyPage.escaped($0))</li>" }.joined() + "</ul>"
    }

    /// The form's answer, confirmation date and target date cells: an automatic pass is はい
    /// confirmed on the report's date, a failure いいえ; a person's answer as recorded.
    private func formCells(_ row: Row, language: String) -> (String, String, String) {
        let today = String(PageTime.jst(asOf).prefix(10))
        switch row.status {
        case .pass: return ("はい", today, "")
        case .fail: return ("いいえ", today, row.answer?.answer.targetOn ?? "")
        case .yes, .no:
            let answer = row.answer?.answer
            return (answer?.yes == true ? "はい" : "いいえ", answer?.confirmedOn ?? "", answer?.targetOn ?? "")
        case .confirm, .missing, .unanswered: return (row.status.word(language), "", "")
        }
    }
}

extension ComplianceService {
    /// The printed form of `report` with the clinic's name, its officers and the newest
    /// checkpoint, as bytes.
    public func printable(_ report: ChecklistReport, language: String) async throws(ComplianceError) -> [UInt8] {
        let officers = try await entries(.officers)
        let ledger = records.ledger
        let checkpoint = try await read { () async throws(StoreError) in try await ledger.latestCheckpoint() }
        let html = report.printable(
            clinicName: records.identity.settings.clinicName, officers: officers, evidence: try await evidenceFiles(),
            checkpoint: checkpoint.map { String(decoding: $0.note, as: UTF8.self) }, generatedAt: records.clock(),
            language: language)
        return Array(html.utf8)
    }
}
