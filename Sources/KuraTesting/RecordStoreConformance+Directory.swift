import KuraCore
import KuraStore

extension RecordStoreConformance {
    // The name index's catch-up read (issue 7): patients by their last change.
    static let patientsUpdatedSince: Check = { store in
        var patients: [PatientRecord] = []
        for (offset, (id, at)) in [("pat_c", t0 + 5), ("pat_a", t0 + 5), ("pat_b", t0 + 2), ("pat_d", t0)].enumerated()
        {
            var patient = minimalPatient(id, number: UInt8(offset + 1))
            patient.updatedAt = at
            patients.append(patient)
            try await apply(store, .putPatient(patient, expectedRevision: nil), what: "a patient")
        }
        var changed = patients[3]
        changed.revision = 2
        changed.updatedAt = t0 + 9
        try await apply(store, .putPatient(changed, expectedRevision: 1), what: "a patient changed later")
        let table: [(Int64, Int, [String])] = [
            (t0, 10, ["pat_b", "pat_a", "pat_c", "pat_d"]),
            (t0 + 5, 10, ["pat_a", "pat_c", "pat_d"]),
            (t0 + 5, 2, ["pat_a", "pat_c"]),
            (t0 + 10, 10, []),
            (t0, 0, []),
        ]
        for (since, limit, expected) in table {
            try expect(
                try await store.patients(updatedSince: since, limit: limit).map(\.id) == expected,
                "patients changed since a time are not oldest change first, then by id")
        }
        try expect(
            try await store.patients(updatedSince: t0 + 9, limit: 1).first == changed,
            "a changed patient does not come back as stored")
    }
}
