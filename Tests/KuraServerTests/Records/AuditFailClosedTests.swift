import KuraCore
import KuraStore
import Testing

@testable import KuraServer

/// Reads are audited first (AUD-1): when the audit event cannot be committed, the read fails
/// and nothing of the patient leaves the service.
@Suite("Audited reads fail closed")
struct AuditFailClosedTests {
    /// Commits everything except units that carry an audit event, which fail as a database
    /// outage would.
    struct AuditRefusingSubmitter: UnitSubmitter {
        let inner: any UnitSubmitter

        func submit(_ unit: WriteUnit) async throws(GroupCommitWriter.SubmitError) -> [StoreWriteOutcome] {
            if unit.writes.contains(where: { if case .insertAuditEvent = $0 { true } else { false } }) {
                throw .batchFailed(.unavailable("test outage"))
            }
            return try await inner.submit(unit)
        }
    }

    @Test("chart, entry, versions, print and search reads answer 'unavailable' when their audit fails")
    func failClosed() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let (_, doctor, _) = try await harness.administratorAndDoctor()
            let records = harness.services.records
            let patient = try await records.register(
                doctor,
                demographics: PatientDemographics(
                    patientNumber: "F-1", name: "監査 優先", kana: "カンサ ユウセン", birthDate: "1970-07-07", sex: "female")
            ).patient.id
            let entry = try await records.createEntry(
                doctor, patientID: patient,
                NewEntry(kind: "progress-note", content: EntryContent(fields: ["plan": "x"])))
            let outage = RecordService(
                store: records.store, identity: records.identity, identityStore: records.identityStore,
                ledger: records.ledger, verifier: records.verifier,
                submitter: AuditRefusingSubmitter(inner: harness.services.writer), events: records.events,
                keys: records.keys, random: records.random, clock: records.clock, directory: records.directory,
                logger: records.logger)
            let before = try await records.store.auditEvents(AuditQuery(limit: 100)).count
            await #expect(throws: RecordError.self) { try await outage.chart(doctor, patientID: patient) }
            await #expect(throws: RecordError.self) { try await outage.entry(doctor, id: entry.id) }
            await #expect(throws: RecordError.self) { try await outage.versions(doctor, entryID: entry.id) }
            await #expect(throws: RecordError.self) { try await outage.printableChart(doctor, patientID: patient) }
            await #expect(throws: RecordError.self) {
                try await outage.search(doctor, PatientQuery(patientNumber: "F-1"))
            }
            #expect(try await records.store.auditEvents(AuditQuery(limit: 100)).count == before)
            // With the audit working again, the same read succeeds and is logged.
            _ = try await records.chart(doctor, patientID: patient)
            #expect(try await records.store.auditEvents(AuditQuery(limit: 100)).count == before + 1)
        }
    }
}
