import KuraCore
import KuraStore

extension RecordStoreConformance {
    // Unique keys and compare-and-swap (the StoreWrite contract): a duplicate id or unique key is
    // ``StoreError/duplicate(_:)``, a stale or missing revision ``StoreError/staleRevision(_:)``,
    // and a refused write leaves the stored record as it was.

    static let patientCompareAndSwap: Check = { store in
        let original = minimalPatient("pat_1", number: 1)
        try await apply(store, .putPatient(original, expectedRevision: nil), what: "insert revision 1")
        var second = original
        second.revision = 2
        second.sealedDemographics = bytes(2, count: 160)
        second.updatedAt = t0 + 1
        try await apply(store, .putPatient(second, expectedRevision: 1), what: "an update over revision 1")
        try expect(try await store.patient(id: original.id) == second, "the update was not stored")

        var stale = original
        stale.revision = 2
        stale.careEndedAt = t0
        try await refuse(store, .putPatient(stale, expectedRevision: 1), as: .staleRevision(.patient), what: "stale")
        var missing = minimalPatient("pat_9", number: 9)
        missing.revision = 2
        try await refuse(
            store, .putPatient(missing, expectedRevision: 1), as: .staleRevision(.patient), what: "an absent patient")
        try expect(try await store.patient(id: "pat_9") == nil, "an update of an absent patient inserted it")

        var skipped = second
        skipped.revision = 4
        try await refuse(
            store, .putPatient(skipped, expectedRevision: 2),
            as: .constraintViolation("an update must raise the revision by one"), what: "a skipped revision"
        )
        var restarted = minimalPatient("pat_2", number: 2)
        restarted.revision = 2
        try await refuse(
            store, .putPatient(restarted, expectedRevision: nil),
            as: .constraintViolation("a new record starts at revision 1"), what: "an insert at revision 2"
        )
        try expect(try await store.patient(id: original.id) == second, "a refused update changed the patient")
        try expect(try await store.patient(id: "pat_2") == nil, "a refused insert left a patient")

        var third = second
        third.revision = 3
        third.mergedInto = "pat_3"
        try await apply(store, .putPatient(third, expectedRevision: 2), what: "an update over revision 2")
        try expect(try await store.patient(id: original.id) == third, "the second update was not stored")
    }

    static let patientUniqueness: Check = { store in
        let first = minimalPatient("pat_1", number: 1)
        let second = minimalPatient("pat_2", number: 2)
        try await apply(
            store, .putPatient(first, expectedRevision: nil), .putPatient(second, expectedRevision: nil),
            what: "insert two patients")
        try await refuse(
            store, .putPatient(minimalPatient("pat_1", number: 3), expectedRevision: nil),
            as: .duplicate(.patient), what: "a duplicate patient id"
        )
        try await refuse(
            store, .putPatient(minimalPatient("pat_3", number: 1), expectedRevision: nil),
            as: .duplicate(.patient), what: "a duplicate number index"
        )
        var taken = second
        taken.numberIndex = first.numberIndex
        taken.revision = 2
        try await refuse(
            store, .putPatient(taken, expectedRevision: 1), as: .duplicate(.patient),
            what: "an update to a number index that is taken"
        )
        // Birth dates are shared: a third patient born the same day is fine.
        try await apply(
            store, .putPatient(minimalPatient("pat_3", number: 3), expectedRevision: nil),
            what: "a patient sharing a birth date")
        try expect(try await store.patient(id: "pat_2") == second, "a refused update changed the patient")
        try expect(try await store.patient(numberIndex: blindIndex(1)) == first, "a refused write took a number")
        try expect(
            try await store.patients(birthDateIndex: blindIndex(100)).map(\.id) == ["pat_1", "pat_2", "pat_3"],
            "patients sharing a birth date differ")
    }

    static let listAndEntryCompareAndSwap: Check = { store in
        let allergies = list("lst_1", patient: "pat_1", kind: .allergies)
        let entry = draft("ent_1", patient: "pat_1")
        try await apply(
            store, .putPatientList(allergies, expectedRevision: nil), .putEntry(entry, expectedRevision: nil),
            what: "insert a list and an entry")
        var nextList = allergies
        nextList.revision = 2
        nextList.sealedItems = bytes(8, count: 95)
        var nextEntry = entry
        nextEntry.revision = 2
        nextEntry.state = .pendingApproval
        nextEntry.onBehalfOf = "acc_doctor"
        try await apply(
            store, .putPatientList(nextList, expectedRevision: 1), .putEntry(nextEntry, expectedRevision: 1),
            what: "update both")
        var staleList = allergies
        staleList.revision = 2
        try await refuse(
            store, .putPatientList(staleList, expectedRevision: 1), as: .staleRevision(.patientList),
            what: "a stale list")
        var staleEntry = entry
        staleEntry.revision = 2
        try await refuse(
            store, .putEntry(staleEntry, expectedRevision: 1), as: .staleRevision(.entry), what: "a stale entry")
        staleList.id = "lst_9"
        staleList.kind = .problems
        try await refuse(
            store, .putPatientList(staleList, expectedRevision: 1), as: .staleRevision(.patientList),
            what: "no list")
        staleEntry.id = "ent_9"
        try await refuse(
            store, .putEntry(staleEntry, expectedRevision: 1), as: .staleRevision(.entry), what: "no entry")
        try await refuse(
            store, .putPatientList(allergies, expectedRevision: nil), as: .duplicate(.patientList),
            what: "a duplicate list id"
        )
        try await refuse(
            store, .putEntry(draft("ent_1", patient: "pat_2"), expectedRevision: nil), as: .duplicate(.entry),
            what: "a duplicate entry id")
        try expect(
            try await store.patientLists(patientID: "pat_1") == [nextList], "a refused write changed the list")
        try expect(try await store.entry(id: "ent_1") == nextEntry, "a refused write changed the entry")
        try expect(try await store.entry(id: "ent_9") == nil, "an update of no entry inserted one")
        try expect(
            try await store.entries(patientID: "pat_2", before: nil, limit: 10).isEmpty, "a refused insert left one")
    }

    static let oneListPerKind: Check = { store in
        let allergies = list("lst_1", patient: "pat_1", kind: .allergies)
        let problems = list("lst_2", patient: "pat_1", kind: .problems)
        try await apply(
            store, .putPatientList(allergies, expectedRevision: nil), .putPatientList(problems, expectedRevision: nil),
            what: "insert two lists of one patient")
        try await refuse(
            store, .putPatientList(list("lst_3", patient: "pat_1", kind: .allergies), expectedRevision: nil),
            as: .duplicate(.patientList), what: "a second list of a kind"
        )
        try await apply(
            store, .putPatientList(list("lst_4", patient: "pat_2", kind: .allergies), expectedRevision: nil),
            what: "the same kind for another patient")
        var moved = problems
        moved.kind = .allergies
        moved.revision = 2
        try await refuse(
            store, .putPatientList(moved, expectedRevision: 1), as: .duplicate(.patientList),
            what: "an update to a kind the patient has")
        try expect(
            try await store.patientLists(patientID: "pat_1") == [allergies, problems], "a refused list changed them")
    }

    static let careTeam: Check = { store in
        let doctor = CareTeamMember(patientID: "pat_1", accountID: "acc_doctor", addedAt: t0, addedBy: "acc_admin")
        let nurse = CareTeamMember(patientID: "pat_1", accountID: "acc_nurse", addedAt: t0 + 1, addedBy: "acc_doctor")
        let elsewhere = CareTeamMember(
            patientID: "pat_2", accountID: "acc_doctor", addedAt: Int64.min, addedBy: "acc_admin")
        try await apply(
            store, .addCareTeamMember(nurse), .addCareTeamMember(doctor), .addCareTeamMember(elsewhere),
            what: "add three members")
        try expect(try await store.careTeam(patientID: "pat_1") == [doctor, nurse], "a care team differs")
        try expect(try await store.careTeam(patientID: "pat_2") == [elsewhere], "a one-member team differs")
        try expect(
            try await store.careTeamPatients(accountID: "acc_doctor") == ["pat_1", "pat_2"],
            "a doctor's patients differ")
        try expect(try await store.careTeamPatients(accountID: "acc_nurse") == ["pat_1"], "a nurse's patients differ")

        var again = doctor
        again.addedAt = t0 + 100
        try await refuse(store, .addCareTeamMember(again), as: .duplicate(.careTeamMember), what: "added twice")
        try await refuse(
            store, .removeCareTeamMember(patientID: "pat_2", accountID: "acc_nurse"), as: .careTeamMemberNotFound,
            what: "removing an account not on the team")
        try await apply(
            store, .removeCareTeamMember(patientID: "pat_1", accountID: "acc_doctor"), what: "remove a member")
        try await refuse(
            store, .removeCareTeamMember(patientID: "pat_1", accountID: "acc_doctor"), as: .careTeamMemberNotFound,
            what: "removing a member twice")
        try expect(try await store.careTeam(patientID: "pat_1") == [nurse], "a removed member is on the team")
        try expect(try await store.careTeamPatients(accountID: "acc_doctor") == ["pat_2"], "a removed link remains")
        try await apply(store, .addCareTeamMember(again), what: "add a removed member again")
        try expect(try await store.careTeam(patientID: "pat_1") == [again, nurse], "a re-added member differs")
    }
}
