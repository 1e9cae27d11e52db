import KuraCore
import KuraStore

extension IdentityStoreConformance {
    // Group commit (DESIGN "Writes, durability, audit"): every unit behaves as if it ran in its
    // own savepoint, so a unit refused in the database takes its identity writes and its ledger
    // leaf with it while its neighbours in the batch commit.

    static let failingUnitAlone: Check = { store in
        try await apply(
            store, .putAccount(minimalAccount("acc_1", login: "alice"), expectedRevision: nil), what: "seed")
        var stale = minimalAccount("acc_1", login: "alice")
        stale.revision = 6
        let units = [
            // A duplicate login, found in the database after a device insert and an append.
            WriteUnit([
                .appendLeaf(StoreConformance.append(1)),
                .putDevice(minimalDevice("dev_1", owner: "acc_9", token: 1), expectedRevision: nil),
                .putAccount(minimalAccount("acc_9", login: "alice"), expectedRevision: nil),
            ]),
            WriteUnit([
                .appendLeaf(StoreConformance.append(2)),
                .putAccount(minimalAccount("acc_2", login: "bob"), expectedRevision: nil),
            ]),
            // A stale revision, found after a session insert and an append.
            WriteUnit([
                .putSession(
                    minimalSession("ses_1", account: "acc_1", device: "dev_1", token: 2), expectedRevision: nil),
                .appendLeaf(StoreConformance.append(3)),
                .putAccount(stale, expectedRevision: 5),
            ]),
            WriteUnit([.consumeRecoveryCode(accountID: "acc_2", hash: tokenHash(3), at: t0)]),
            WriteUnit([.claimOnce(name: "setup.first-admin", at: t0), .appendLeaf(StoreConformance.append(4))]),
            // Claimed by the unit before, in the same batch.
            WriteUnit([.appendLeaf(StoreConformance.append(5)), .claimOnce(name: "setup.first-admin", at: t0)]),
            // Refused by the shared validation before the database.
            WriteUnit([
                .appendLeaf(StoreConformance.append(6)),
                .putAccount(minimalAccount("acc_3", login: "Not A Login"), expectedRevision: nil),
            ]),
        ]
        let results = try await store.commit(units)
        try expect(results.count == units.count, "a batch did not answer one result per unit")
        try expectRefused(results[0], .constraintViolation, "a duplicate login in a batch")
        guard case .success(let second) = results[1], case .leafAppended = second.first else {
            throw ConformanceFailure("a good unit next to a failing one did not commit")
        }
        try expectRefused(results[2], .conflict, "a stale revision in a batch")
        try expectRefused(results[3], .notFound, "an unknown recovery code in a batch")
        guard case .success = results[4] else { throw ConformanceFailure("a first claim in a batch failed") }
        try expectRefused(results[5], .conflict, "a second claim in the same batch")
        try expectRefused(results[6], .constraintViolation, "an invalid login in a batch")

        let pending = try await store.pendingLeaves(limit: 100).map(\.leaf)
        try expect(
            pending == [StoreConformance.append(2).leaf, StoreConformance.append(4).leaf],
            "a failing unit's leaf was kept or a good unit's leaf was lost"
        )
        try expect(try await store.device(id: "dev_1") == nil, "a failing unit's device was kept")
        try expect(try await store.account(id: "acc_9") == nil, "a failing unit's account was kept")
        try expect(try await store.session(id: "ses_1") == nil, "a failing unit's session was kept")
        try expect(try await store.account(id: "acc_1")?.revision == 1, "a stale update changed the account")
        try expect(try await store.account(id: "acc_2") != nil, "a good unit's account was lost")
        try expect(try await store.account(id: "acc_3") == nil, "an invalid account was stored")
        try expect(try await store.isClaimed("setup.first-admin"), "a good unit's claim was lost")
    }

    static let outcomes: Check = { store in
        var item = openItem("rev_1", queue: .review, createdAt: t0)
        item.refID = "bg_1"
        let writes: [StoreWrite] = [
            .putAccount(minimalAccount("acc_1", login: "alice"), expectedRevision: nil),
            .putDevice(minimalDevice("dev_1", owner: "acc_1", token: 1), expectedRevision: nil),
            .putSession(minimalSession("ses_1", account: "acc_1", device: "dev_1", token: 2), expectedRevision: nil),
            .replaceRecoveryCodes(accountID: "acc_1", hashes: [tokenHash(3), tokenHash(4)], at: t0),
            .consumeRecoveryCode(accountID: "acc_1", hash: tokenHash(3), at: t0 + 1),
            .insertBreakGlassGrant(grant("bg_1", account: "acc_1", patient: "pat_1", expiresAt: t0 + 3_600_000)),
            .putQueueItem(item, expectedRevision: nil),
            .claimOnce(name: "setup.first-admin", at: t0),
            .endSessions(accountID: "acc_1", reason: .revoked, at: t0 + 2, keeping: "ses_1"),
            .endDeviceSessions(deviceID: "dev_1", at: t0 + 3),
            .appendLeaf(StoreConformance.append(1)),
        ]
        let outcomes = try await apply(store, writes, what: "a unit with every kind of identity write")
        try expect(outcomes.count == writes.count, "a unit did not answer one outcome per write")
        try expect(outcomes.dropLast().allSatisfy { $0 == .applied }, "an identity write did not answer applied")
        guard case .leafAppended = outcomes.last else { throw ConformanceFailure("an append did not answer a leaf") }
        // Ending sessions of an account or device with none open is still applied.
        try await apply(
            store, .endSessions(accountID: "acc_none", reason: .logout, at: t0, keeping: nil),
            .endDeviceSessions(deviceID: "dev_none", at: t0), what: "ending sessions where there are none"
        )
    }

    static let unitOrder: Check = { store in
        var account = minimalAccount("acc_1", login: "alice")
        var updated = account
        updated.revision = 2
        updated.failedLogins = 1
        try await apply(
            store, .putAccount(account, expectedRevision: nil), .putAccount(updated, expectedRevision: 1),
            .putSession(minimalSession("ses_1", account: "acc_1", device: "dev_1", token: 1), expectedRevision: nil),
            .endSessions(accountID: "acc_1", reason: .passwordChanged, at: t0 + 5, keeping: nil),
            .replaceRecoveryCodes(accountID: "acc_1", hashes: [tokenHash(2)], at: t0),
            .consumeRecoveryCode(accountID: "acc_1", hash: tokenHash(2), at: t0 + 1),
            what: "a unit whose writes build on each other"
        )
        try expect(try await store.account(id: "acc_1") == updated, "a later write did not see an earlier one")
        let session = try await store.session(id: "ses_1")
        try expect(
            session?.endReason == .passwordChanged && session?.revision == 2, "an inserted session was not ended")
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_1") == 0, "a new code was not consumed")
        account.revision = 3
        try await refuse(
            store, .putAccount(account, expectedRevision: 2), .putAccount(account, expectedRevision: 2),
            as: .conflict, what: "a unit that updates the same revision twice"
        )
        try expect(try await store.account(id: "acc_1") == updated, "half a refused unit was kept")
    }
}
