import KuraCore
import KuraStore
import Testing

@testable import KuraServer

/// The in-memory name index (DESIGN "Search without plaintext indexes"): rebuilt at start from
/// the sealed demographics, paged through the store, merged records left out, searches refused
/// until it is loaded.
@Suite("Patient directory")
struct PatientDirectoryTests {
    @Test("the index rebuilds from the store and kana search finds every patient again")
    func rebuild() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let (_, doctor, _) = try await harness.administratorAndDoctor()
            let records = harness.services.records
            var ids: [String] = []
            for number in 1...7 {
                let registered = try await records.register(
                    doctor,
                    demographics: PatientDemographics(
                        patientNumber: "D-\(number)", name: "索引 \(number)", kana: "サクイン ｲﾁﾛｳ",
                        birthDate: "1960-01-0\(number)",
                        sex: "male"))
                ids.append(registered.patient.id)
            }
            _ = try await records.merge(doctor, id: ids[6], into: ids[0], reason: "二重登録", expectedRevision: 1)
            // A server that just started: empty and not yet loaded.
            let fresh = PatientDirectory()
            #expect(!fresh.isLoaded)
            records.directory.load([])
            #expect(try await records.search(doctor, PatientQuery(kanaPrefix: "さくいん")).isEmpty)
            #expect(try await records.loadDirectory(pageSize: 3) == 6)
            let found = try await records.search(doctor, PatientQuery(kanaPrefix: "さくいん いちろう"))
            #expect(Set(found.map(\.id)) == Set(ids.prefix(6)))
            let byName = try await records.search(doctor, PatientQuery(name: "索引"))
            #expect(byName.count == 6)
        }
    }
}
