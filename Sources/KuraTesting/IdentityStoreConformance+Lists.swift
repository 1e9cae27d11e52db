import KuraCore
import KuraStore

extension IdentityStoreConformance {
    // Filters and orders of the list reads. Ties are broken by id in byte order, and ids and
    // logins mix '-', '.' and '_' so that a locale collation (which skips punctuation) shows.

    static let activeGrants: Check = { store in
        let early = grant("bg_1", account: "acc_1", patient: "pat_1", expiresAt: t0 + 100)
        let late = grant("bg_2", account: "acc_1", patient: "pat_1", expiresAt: t0 + 300)
        let middle = grant("bg_3", account: "acc_1", patient: "pat_1", expiresAt: t0 + 200)
        let otherPatient = grant("bg_4", account: "acc_1", patient: "pat_2", expiresAt: t0 + 500)
        let otherAccount = grant("bg_5", account: "acc_2", patient: "pat_1", expiresAt: t0 + 500)
        for grant in [early, late, middle, otherPatient, otherAccount] {
            try await apply(store, .insertBreakGlassGrant(grant), what: "insert a grant")
        }
        let table: [(Int64, [BreakGlassGrant])] = [
            (t0 + 50, [late, middle, early]),
            (t0 + 99, [late, middle, early]),
            (t0 + 100, [late, middle]),
            (t0 + 299, [late]),
            (t0 + 300, []),
        ]
        for (time, expected) in table {
            let active = try await store.activeBreakGlassGrants(accountID: "acc_1", patientID: "pat_1", at: time)
            try expect(active == expected, "the active grants at offset \(time - t0) differ")
        }
        try expect(
            try await store.activeBreakGlassGrants(accountID: "acc_2", patientID: "pat_2", at: t0).isEmpty,
            "a grant for another account and patient pair is active"
        )
    }

    static let queueItems: Check = { store in
        func closed(_ item: QueueItem) -> QueueItem {
            var item = item
            item.closedBy = "acc_admin"
            item.closedAt = item.createdAt + 1
            return item
        }
        let oldest = openItem("alt_1", queue: .alert, createdAt: t0 + 1)
        let acknowledged = closed(openItem("alt_2", queue: .alert, createdAt: t0 + 2))
        let tieUnderscore = openItem("alt_x_1", queue: .alert, createdAt: t0 + 3)
        let tieHyphen = openItem("alt_x-2", queue: .alert, createdAt: t0 + 3)
        let newest = closed(openItem("alt_5", queue: .alert, createdAt: t0 + 4))
        let review = openItem("rev_1", queue: .review, createdAt: t0 + 10)
        for item in [tieHyphen, oldest, newest, review, acknowledged, tieUnderscore] {
            try await apply(store, .putQueueItem(item, expectedRevision: nil), what: "insert an item")
        }
        let table: [(Bool, Int, [QueueItem])] = [
            (false, 10, [newest, tieUnderscore, tieHyphen, acknowledged, oldest]),
            (true, 10, [tieUnderscore, tieHyphen, oldest]),
            (true, 2, [tieUnderscore, tieHyphen]),
            (false, 1, [newest]),
            (true, 0, []),
        ]
        for (openOnly, limit, expected) in table {
            let items = try await store.queueItems(.alert, openOnly: openOnly, limit: limit)
            try expect(items == expected, "the alerts (open only: \(openOnly), limit \(limit)) differ")
        }
        try expect(try await store.queueItems(.review, openOnly: true, limit: 10) == [review], "the reviews differ")

        var signedOff = closed(review)
        signedOff.revision = 2
        signedOff.outcome = "accepted"
        try await apply(store, .putQueueItem(signedOff, expectedRevision: 1), what: "sign off a review")
        try expect(try await store.queueItems(.review, openOnly: true, limit: 10).isEmpty, "a signed-off item is open")
        try expect(
            try await store.queueItems(.review, openOnly: false, limit: 10) == [signedOff],
            "a signed-off item is not listed"
        )
    }

    static let claimOnce: Check = { store in
        try expect(try await store.isClaimed("setup.first-admin") == false, "a fresh store has a claim")
        try await apply(store, .claimOnce(name: "setup.first-admin", at: t0), what: "a first claim")
        try expect(try await store.isClaimed("setup.first-admin"), "a claim was not recorded")
        try await refuse(
            store, .claimOnce(name: "setup.first-admin", at: t0 + 1), as: .conflict, what: "a second claim"
        )
        try expect(try await store.isClaimed("setup.first-admin-2") == false, "a similar name is claimed")
        try await apply(store, .claimOnce(name: "setup.first-admin-2", at: t0), what: "a claim of another name")
    }

    static let listOrders: Check = { store in
        let logins = ["ab", "a_d", "b", "a.b", "a", "a-c"]
        for (offset, login) in logins.enumerated() {
            try await apply(
                store, .putAccount(minimalAccount("acc_\(offset)", login: login), expectedRevision: nil),
                what: "insert an account"
            )
        }
        try expect(
            try await store.accounts().map(\.login) == ["a", "a-c", "a.b", "a_d", "ab", "b"],
            "accounts are not in login byte order"
        )

        let devices: [(String, Int64)] = [("dev_a", 1), ("dev_x-2", 3), ("dev_c", 2), ("dev_x_1", 3), ("dev_b", 3)]
        for (offset, (id, firstSeen)) in devices.enumerated() {
            var device = minimalDevice(id, owner: "acc_0", token: UInt8(offset), firstSeen: t0 + firstSeen)
            device.status = offset == 0 ? .revoked : .approved
            try await apply(store, .putDevice(device, expectedRevision: nil), what: "insert a device")
        }
        try expect(
            try await store.devices().map(\.id) == ["dev_x_1", "dev_x-2", "dev_b", "dev_c", "dev_a"],
            "devices are not newest first with ties by id"
        )

        let sessions: [(String, Int64)] = [("ses_a", 1), ("ses_x-2", 3), ("ses_c", 2), ("ses_x_1", 3), ("ses_b", 3)]
        for (offset, (id, createdAt)) in sessions.enumerated() {
            let session = minimalSession(
                id, account: "acc_0", device: "dev_a", token: UInt8(offset), at: t0 + createdAt)
            try await apply(store, .putSession(session, expectedRevision: nil), what: "insert a session")
        }
        try expect(
            try await store.openSessions(accountID: "acc_0").map(\.id) == [
                "ses_x_1", "ses_x-2", "ses_b", "ses_c", "ses_a",
            ],
            "open sessions are not newest first with ties by id"
        )
    }

    static let unknownReads: Check = { store in
        try await expectNothing(store, "an empty store")
        try await apply(
            store, .putAccount(minimalAccount("acc_1", login: "alice"), expectedRevision: nil),
            .putSession(minimalSession("ses_1", account: "acc_1", device: "dev_1", token: 1), expectedRevision: nil),
            .putDevice(minimalDevice("dev_1", owner: "acc_1", token: 2), expectedRevision: nil),
            .replaceRecoveryCodes(accountID: "acc_1", hashes: [tokenHash(3)], at: t0),
            .insertBreakGlassGrant(grant("bg_1", account: "acc_1", patient: "pat_1", expiresAt: t0 + 1)),
            .putQueueItem(openItem("alt_1", queue: .alert, createdAt: t0), expectedRevision: nil),
            .claimOnce(name: "setup.first-admin", at: t0), what: "insert one of each"
        )
        try await expectNothing(store, "a store with other records")
        try expect(try await store.account(login: "ALICE") == nil, "a login lookup ignores case")
        try expect(try await store.session(tokenHash: tokenHash(2)) == nil, "a device token finds a session")
        try expect(try await store.device(tokenHash: tokenHash(1)) == nil, "a session token finds a device")
        try expect(try await store.session(tokenHash: tokenHash(3)) == nil, "a recovery code finds a session")
        try expect(try await store.session(id: "dev_1") == nil, "a device id finds a session")
    }

    /// Every read of ids and hashes that were never written answers nothing.
    static func expectNothing(_ store: Store, _ situation: String) async throws {
        try expect(try await store.account(id: "acc_none") == nil, "\(situation): an unknown account id is found")
        try expect(try await store.account(login: "nobody") == nil, "\(situation): an unknown login is found")
        try expect(try await store.session(id: "ses_none") == nil, "\(situation): an unknown session id is found")
        try expect(try await store.session(tokenHash: tokenHash(200)) == nil, "\(situation): a session hash is found")
        try expect(try await store.openSessions(accountID: "acc_none").isEmpty, "\(situation): sessions are open")
        try expect(try await store.device(id: "dev_none") == nil, "\(situation): an unknown device id is found")
        try expect(try await store.device(tokenHash: tokenHash(201)) == nil, "\(situation): a device hash is found")
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_none") == 0, "\(situation): codes exist")
        try expect(try await store.breakGlassGrant(id: "bg_none") == nil, "\(situation): an unknown grant is found")
        try expect(
            try await store.activeBreakGlassGrants(accountID: "acc_none", patientID: "pat_none", at: t0).isEmpty,
            "\(situation): an unknown pair has grants"
        )
        try expect(try await store.queueItem(id: "alt_none") == nil, "\(situation): an unknown item is found")
        try expect(try await store.isClaimed("never.claimed") == false, "\(situation): an unknown step is claimed")
        if try await store.accounts().isEmpty {
            try expect(try await store.devices().isEmpty, "\(situation): devices without accounts")
            try expect(
                try await store.queueItems(.alert, openOnly: false, limit: 10).isEmpty, "\(situation): items exist"
            )
        }
    }
}
