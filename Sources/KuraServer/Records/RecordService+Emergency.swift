import KuraCore
import KuraStore

extension RecordService {
    /// Whether `patient` belongs in the emergency snapshot at `now`: not merged into another
    /// record, and care not ended (`careEndedOn` is the last day of care, so the patient stays
    /// in until that JST day is over).
    static func isActive(_ patient: PatientRecord, at now: Int64) -> Bool {
        guard patient.mergedInto == nil else { return false }
        guard let endedAt = patient.careEndedAt else { return true }
        return now < endedAt + 86_400_000
    }

    /// One page of the active patients after `after` in id order, and the id to continue from
    /// (nil at the end).
    func activePatients(
        after: String?, limit: Int, at now: Int64
    ) async throws(RecordError) -> (patients: [PatientRecord], next: String?) {
        let page = try await read { () async throws(StoreError) in try await store.patients(after: after, limit: limit)
        }
        return (page.filter { Self.isActive($0, at: now) }, page.count == limit ? page.last?.id : nil)
    }

    /// A patient's emergency summary (REC-3, BAK-3): demographics, the three lists and the
    /// newest `entryLimit` entries that stand (entries marked in error and rejected proxy
    /// entries are left out: their content is known to be wrong), opened with the same code the
    /// chart uses, with labels in Japanese and English. Also the patient's index line.
    ///
    /// A system read with no session: the caller audits it with
    /// ``auditSystemRead(action:patientIDs:)`` before any page leaves the server.
    /// `logins` caches author logins across patients.
    func emergencySummary(
        of patient: PatientRecord, entryLimit: Int, file: String, today: CivilDate, logins: inout [String: String]
    ) async throws(RecordError) -> (summary: EmergencySummary, line: EmergencyIndex.Line) {
        let demographics = try demographics(of: patient)
        let lists = try await read { () async throws(StoreError) in try await store.patientLists(patientID: patient.id)
        }
        var items: [String: [EmergencySummary.ListItem]] = [:]
        for list in lists {
            items[list.kind.rawValue] = try view(list).items.map {
                .init(text: $0.text, note: $0.note, since: $0.since)
            }
        }
        var entries: [EmergencySummary.Entry] = []
        var cursor: AuditCursor?
        pages: while entries.count < entryLimit {
            let page = try await read { () async throws(StoreError) in
                try await store.entries(patientID: patient.id, before: cursor, limit: Self.chartPageSize)
            }
            for entry in page where ![.enteredInError, .rejected].contains(entry.state) {
                entries.append(try await emergencyEntry(try view(entry), logins: &logins))
                if entries.count == entryLimit { break pages }
            }
            guard page.count == Self.chartPageSize, let last = page.last else { break }
            cursor = AuditCursor(at: last.createdAt, id: last.id)
        }
        let label = EmergencyLabels()
        let summary = EmergencySummary(
            patient: .init(
                number: demographics.patientNumber, name: demographics.name, kana: demographics.kana,
                birthDate: demographics.birthDate,
                age: (try? CivilDate(parsing: demographics.birthDate)).map { ChartPage.age(born: $0, on: today) },
                sex: label.word("sex" + PageText.capitalised(demographics.sex)), address: demographics.address,
                phone: demographics.phone),
            allergies: items[PatientListKind.allergies.rawValue], problems: items[PatientListKind.problems.rawValue],
            medications: items[PatientListKind.medications.rawValue], entries: entries)
        let line = EmergencyIndex.Line(
            number: demographics.patientNumber, name: demographics.name, kana: demographics.kana,
            birthDate: demographics.birthDate, file: file)
        return (summary, line)
    }

    /// One entry as the emergency page shows it.
    func emergencyEntry(
        _ entry: EntryView, logins: inout [String: String]
    ) async throws(RecordError)
        -> EmergencySummary.Entry
    {
        if logins[entry.author] == nil {
            let account = try await read { () async throws(StoreError) in
                try await identityStore.account(id: entry.author)
            }
            logins[entry.author] = account?.login ?? entry.author
        }
        let label = EmergencyLabels()
        let kind = RecordKind(rawValue: entry.kind)
        return EmergencySummary.Entry(
            kind: entry.kind, kindLabel: kind.map { "\($0.japaneseName) \($0.englishName)" } ?? entry.kind,
            state: entry.state, stateLabel: label.word("state" + PageText.capitalised(entry.state)),
            author: logins[entry.author] ?? entry.author,
            time: EmergencyPayload.japanTimeText(entry.careAt ?? entry.createdAt),
            fields: label.fields(entry.content, kind: entry.kind))
    }

    /// Commits the access-log event of a read the server made for itself (AUD-1), with actor
    /// and access `system`, before the data it read leaves the server (fail closed).
    func auditSystemRead(action: String, patientIDs: [String]) async throws(RecordError) {
        let ids = Array(Set(patientIDs)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let event = AuditEvent(
            id: newID("aud"), at: clock(), actor: "system", action: action, access: "system", patientIDs: ids)
        let leaf = try leaf(
            "audit.read", actor: "system",
            [
                "event": .string(event.id), "action": .string(action), "access": .string("system"),
                "patients": .array(ids.map { .string($0) }),
            ])
        try await commit([leaf, .insertAuditEvent(event)])
    }
}

/// The chart's words in both languages at once, "日本語 English", for a page that cannot ask
/// the reader's language (the emergency page is read by whoever opens the file).
struct EmergencyLabels {
    let japanese = PageText(language: "ja")
    let english = PageText(language: "en")

    /// The word for `key` in both languages.
    func word(_ key: String) -> String {
        let ja = japanese[key]
        let en = english[key]
        return ja == en ? ja : "\(ja) \(en)"
    }

    /// The fields in the chart's order, labelled in both languages.
    func fields(_ content: EntryContent, kind: String) -> [EmergencySummary.Field] {
        zip(ChartPage.fields(content, kind: kind, text: japanese), ChartPage.fields(content, kind: kind, text: english))
            .map { ja, en in .init(label: ja.label == en.label ? ja.label : "\(ja.label) \(en.label)", text: ja.text) }
    }
}
