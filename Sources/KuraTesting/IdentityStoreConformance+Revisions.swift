import KuraCore
import KuraStore

extension IdentityStoreConformance {
    // Unique keys and compare-and-swap (the StoreWrite contract): a duplicate id or unique key is
    // a constraint violation, a stale or missing revision a conflict, and a refused write leaves
    // the stored record as it was.

    static let accountUniqueness: Check = { store in
        let alice = minimalAccount("acc_1", login: "alice")
        let bob = minimalAccount("acc_2", login: "bob")
        try await apply(store, .putAccount(alice, expectedRevision: nil), what: "insert the first account")
        try await apply(store, .putAccount(bob, expectedRevision: nil), what: "insert the second account")
        try await refuse(
            store, .putAccount(minimalAccount("acc_1", login: "carol"), expectedRevision: nil),
            as: .constraintViolation, what: "a duplicate account id"
        )
        let duplicate = try await refuse(
            store, .putAccount(minimalAccount("acc_3", login: "alice"), expectedRevision: nil),
            as: .constraintViolation, what: "a duplicate login"
        )
        // STYLE 4: a refusal names no value (a database's own message would quote the key).
        try expect(!duplicate.description.contains("alice"), "a duplicate login's refusal names the login")
        var taken = bob
        taken.login = "alice"
        taken.revision = 2
        try await refuse(
            store, .putAccount(taken, expectedRevision: 1), as: .constraintViolation,
            what: "an update to a login that is taken"
        )
        try expect(try await store.account(id: "acc_2") == bob, "a refused update changed the account")
        try expect(try await store.account(login: "carol") == nil, "a refused insert left an account")
        try expect(try await store.accounts().map(\.id) == ["acc_1", "acc_2"], "the account list changed")
    }

    static let tokenUniqueness: Check = { store in
        let first = minimalSession("ses_1", account: "acc_1", device: "dev_1", token: 1)
        let second = minimalSession("ses_2", account: "acc_1", device: "dev_1", token: 2)
        try await apply(
            store, .putSession(first, expectedRevision: nil), .putSession(second, expectedRevision: nil),
            what: "insert two sessions")
        try await refuse(
            store,
            .putSession(minimalSession("ses_1", account: "acc_1", device: "dev_1", token: 3), expectedRevision: nil),
            as: .constraintViolation, what: "a duplicate session id"
        )
        try await refuse(
            store,
            .putSession(minimalSession("ses_3", account: "acc_2", device: "dev_2", token: 1), expectedRevision: nil),
            as: .constraintViolation, what: "a duplicate session token hash"
        )
        var stolen = second
        stolen.tokenHash = first.tokenHash
        stolen.revision = 2
        try await refuse(
            store, .putSession(stolen, expectedRevision: 1), as: .constraintViolation,
            what: "an update to a session token hash that is taken"
        )
        try expect(try await store.session(id: "ses_2") == second, "a refused update changed the session")
        try expect(try await store.session(tokenHash: tokenHash(3)) == nil, "a refused insert left a session")

        let laptop = minimalDevice("dev_1", owner: "acc_1", token: 1)
        let tablet = minimalDevice("dev_2", owner: "acc_1", token: 2)
        try await apply(
            store, .putDevice(laptop, expectedRevision: nil), .putDevice(tablet, expectedRevision: nil),
            what: "insert two devices")
        try await refuse(
            store, .putDevice(minimalDevice("dev_1", owner: "acc_1", token: 3), expectedRevision: nil),
            as: .constraintViolation, what: "a duplicate device id"
        )
        try await refuse(
            store, .putDevice(minimalDevice("dev_3", owner: "acc_2", token: 1), expectedRevision: nil),
            as: .constraintViolation, what: "a duplicate device token hash"
        )
        var cloned = tablet
        cloned.tokenHash = laptop.tokenHash
        cloned.revision = 2
        try await refuse(
            store, .putDevice(cloned, expectedRevision: 1), as: .constraintViolation,
            what: "an update to a device token hash that is taken"
        )
        try expect(try await store.device(id: "dev_2") == tablet, "a refused update changed the device")
        try expect(try await store.devices().count == 2, "a refused insert left a device")
    }

    static let grantAndItemUniqueness: Check = { store in
        let first = grant("bg_1", account: "acc_1", patient: "pat_1", expiresAt: t0)
        try await apply(store, .insertBreakGlassGrant(first), what: "insert a grant")
        var other = grant("bg_1", account: "acc_2", patient: "pat_2", expiresAt: t0 + 1)
        try await refuse(store, .insertBreakGlassGrant(other), as: .constraintViolation, what: "a duplicate grant id")
        other.id = "bg_2"
        try await apply(store, .insertBreakGlassGrant(other), what: "insert a second grant")
        try expect(try await store.breakGlassGrant(id: "bg_1") == first, "a refused grant changed the first")

        let item = openItem("alt_1", queue: .alert, createdAt: t0)
        try await apply(store, .putQueueItem(item, expectedRevision: nil), what: "insert an item")
        try await refuse(
            store, .putQueueItem(openItem("alt_1", queue: .review, createdAt: t0 + 1), expectedRevision: nil),
            as: .constraintViolation, what: "a duplicate queue item id"
        )
        try expect(try await store.queueItem(id: "alt_1") == item, "a refused item changed the first")
    }

    static let compareAndSwap: Check = { store in
        let original = minimalAccount("acc_1", login: "alice")
        try await apply(store, .putAccount(original, expectedRevision: nil), what: "insert")
        var second = original
        second.revision = 2
        second.failedLogins = 1
        try await apply(store, .putAccount(second, expectedRevision: 1), what: "an update over revision 1")
        try expect(try await store.account(id: original.id) == second, "the update was not stored")

        var stale = original
        stale.revision = 2
        stale.failedLogins = 5
        try await refuse(store, .putAccount(stale, expectedRevision: 1), as: .conflict, what: "a stale revision")
        var missing = minimalAccount("acc_9", login: "nobody")
        missing.revision = 2
        try await refuse(store, .putAccount(missing, expectedRevision: 1), as: .conflict, what: "an absent account")
        try expect(try await store.account(id: "acc_9") == nil, "an update of an absent account inserted it")

        var skipped = second
        skipped.revision = 4
        try await refuse(
            store, .putAccount(skipped, expectedRevision: 2), as: .constraintViolation,
            what: "an update that does not raise the revision by one"
        )
        var restarted = minimalAccount("acc_2", login: "bob")
        restarted.revision = 2
        try await refuse(
            store, .putAccount(restarted, expectedRevision: nil), as: .constraintViolation,
            what: "an insert that does not start at revision 1"
        )
        try expect(try await store.account(id: original.id) == second, "a refused update changed the account")
        try expect(try await store.account(id: "acc_2") == nil, "a refused insert left an account")

        var third = second
        third.revision = 3
        third.lastLoginAt = t0
        try await apply(store, .putAccount(third, expectedRevision: 2), what: "an update over revision 2")
        try expect(try await store.account(id: original.id) == third, "the second update was not stored")
    }

    static let compareAndSwapEveryKind: Check = { store in
        let session = minimalSession("ses_1", account: "acc_1", device: "dev_1", token: 1)
        let device = minimalDevice("dev_1", owner: "acc_1", token: 2)
        let item = openItem("alt_1", queue: .alert, createdAt: t0)
        try await apply(
            store, .putSession(session, expectedRevision: nil), .putDevice(device, expectedRevision: nil),
            .putQueueItem(item, expectedRevision: nil), what: "insert one of each"
        )
        var nextSession = session
        nextSession.revision = 2
        nextSession.lastSeenAt = t0 + 1
        var nextDevice = device
        nextDevice.revision = 2
        nextDevice.status = .approved
        var nextItem = item
        nextItem.revision = 2
        nextItem.outcome = "seen"
        try await apply(
            store, .putSession(nextSession, expectedRevision: 1), .putDevice(nextDevice, expectedRevision: 1),
            .putQueueItem(nextItem, expectedRevision: 1), what: "update one of each"
        )
        var staleSession = session
        staleSession.revision = 2
        try await refuse(store, .putSession(staleSession, expectedRevision: 1), as: .conflict, what: "a stale session")
        var staleDevice = device
        staleDevice.revision = 2
        try await refuse(store, .putDevice(staleDevice, expectedRevision: 1), as: .conflict, what: "a stale device")
        var staleItem = item
        staleItem.revision = 2
        try await refuse(store, .putQueueItem(staleItem, expectedRevision: 1), as: .conflict, what: "a stale item")
        staleSession.id = "ses_9"
        staleSession.tokenHash = tokenHash(9)
        try await refuse(store, .putSession(staleSession, expectedRevision: 1), as: .conflict, what: "no session")
        staleDevice.id = "dev_9"
        staleDevice.tokenHash = tokenHash(10)
        try await refuse(store, .putDevice(staleDevice, expectedRevision: 1), as: .conflict, what: "no device")
        staleItem.id = "alt_9"
        try await refuse(store, .putQueueItem(staleItem, expectedRevision: 1), as: .conflict, what: "no item")
        try expect(try await store.session(id: "ses_1") == nextSession, "a refused update changed the session")
        try expect(try await store.device(id: "dev_1") == nextDevice, "a refused update changed the device")
        try expect(try await store.queueItem(id: "alt_1") == nextItem, "a refused update changed the item")
        try expect(try await store.session(id: "ses_9") == nil, "an update of no session inserted one")
        try expect(try await store.device(id: "dev_9") == nil, "an update of no device inserted one")
        try expect(try await store.queueItem(id: "alt_9") == nil, "an update of no item inserted one")
    }
}
