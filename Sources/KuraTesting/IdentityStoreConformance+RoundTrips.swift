import KuraCore
import KuraStore

extension IdentityStoreConformance {
    // Every record is written twice, once with every optional nil and once with every optional
    // set, then each is updated into the other shape: a backend that drops, truncates or
    // re-types a field (NUL bytes, Int64 extremes, empty role sets) fails here.

    static let accountRoundTrip: Check = { store in
        let minimal = minimalAccount("acc_min", login: "minimal")
        let full = fullAccount("acc_full", login: "full")
        try await apply(store, .putAccount(minimal, expectedRevision: nil), what: "insert a minimal account")
        try await apply(store, .putAccount(full, expectedRevision: nil), what: "insert a full account")
        try expect(try await store.account(id: minimal.id) == minimal, "a minimal account read by id differs")
        try expect(try await store.account(login: minimal.login) == minimal, "a minimal account read by login differs")
        try expect(try await store.account(id: full.id) == full, "a full account read by id differs")
        try expect(try await store.account(login: full.login) == full, "a full account read by login differs")

        var filled = fullAccount(minimal.id, login: "renamed")
        filled.revision = 2
        var emptied = minimalAccount(full.id, login: full.login)
        emptied.revision = 2
        try await apply(store, .putAccount(filled, expectedRevision: 1), what: "fill a minimal account")
        try await apply(store, .putAccount(emptied, expectedRevision: 1), what: "empty a full account")
        try expect(try await store.account(id: filled.id) == filled, "a filled account differs")
        try expect(try await store.account(id: emptied.id) == emptied, "an emptied account differs")
        try expect(try await store.account(login: "renamed") == filled, "a renamed account is not found by login")
        try expect(try await store.account(login: "minimal") == nil, "an old login still finds the account")
        try expect(try await store.accounts() == [emptied, filled], "the account list differs")
    }

    static let sessionRoundTrip: Check = { store in
        let minimal = minimalSession("ses_min", account: "acc_a", device: "dev_a", token: 1)
        let full = fullSession("ses_full", account: "acc_b", device: "dev_b", token: 2)
        try await apply(store, .putSession(minimal, expectedRevision: nil), what: "insert a minimal session")
        try await apply(store, .putSession(full, expectedRevision: nil), what: "insert a full session")
        try expect(try await store.session(id: minimal.id) == minimal, "a minimal session read by id differs")
        try expect(
            try await store.session(tokenHash: minimal.tokenHash) == minimal, "a minimal session by hash differs")
        try expect(try await store.session(id: full.id) == full, "a full session read by id differs")
        try expect(try await store.session(tokenHash: full.tokenHash) == full, "an ended session by hash differs")

        var filled = fullSession(minimal.id, account: "acc_c", device: "dev_c", token: 3)
        filled.revision = 2
        var emptied = minimalSession(full.id, account: full.accountID, device: full.deviceID, token: 2)
        emptied.revision = 2
        try await apply(store, .putSession(filled, expectedRevision: 1), what: "fill a minimal session")
        try await apply(store, .putSession(emptied, expectedRevision: 1), what: "empty a full session")
        try expect(try await store.session(id: filled.id) == filled, "a filled session differs")
        try expect(try await store.session(tokenHash: tokenHash(3)) == filled, "a new token hash does not find it")
        try expect(try await store.session(tokenHash: tokenHash(1)) == nil, "an old token hash still finds it")
        try expect(try await store.session(id: emptied.id) == emptied, "an emptied session differs")
        try expect(try await store.openSessions(accountID: "acc_b") == [emptied], "a reopened session is not open")
        try expect(try await store.openSessions(accountID: "acc_c").isEmpty, "an ended session is listed as open")
    }

    static let deviceRoundTrip: Check = { store in
        let minimal = minimalDevice("dev_min", owner: "acc_a", token: 1)
        let full = fullDevice("dev_full", owner: "acc_b", token: 2)
        try await apply(store, .putDevice(minimal, expectedRevision: nil), what: "insert a minimal device")
        try await apply(store, .putDevice(full, expectedRevision: nil), what: "insert a full device")
        try expect(try await store.device(id: minimal.id) == minimal, "a minimal device read by id differs")
        try expect(try await store.device(tokenHash: minimal.tokenHash) == minimal, "a minimal device by hash differs")
        try expect(try await store.device(id: full.id) == full, "a full device read by id differs")
        try expect(try await store.device(tokenHash: full.tokenHash) == full, "a full device by hash differs")

        var filled = fullDevice(minimal.id, owner: "acc_c", token: 3)
        filled.revision = 2
        filled.status = .revoked
        filled.ownership = .byod
        var emptied = minimalDevice(full.id, owner: full.ownerAccountID, token: 2)
        emptied.revision = 2
        try await apply(store, .putDevice(filled, expectedRevision: 1), what: "fill a minimal device")
        try await apply(store, .putDevice(emptied, expectedRevision: 1), what: "empty a full device")
        try expect(try await store.device(id: filled.id) == filled, "a filled device differs")
        try expect(try await store.device(tokenHash: tokenHash(3)) == filled, "a new token hash does not find it")
        try expect(try await store.device(tokenHash: tokenHash(1)) == nil, "an old token hash still finds it")
        try expect(try await store.device(id: emptied.id) == emptied, "an emptied device differs")
    }

    static let grantRoundTrip: Check = { store in
        let grant = BreakGlassGrant(
            id: "bg_1", accountID: "acc_a", patientID: "pat_1", sealedReason: bytes(7, count: 90),
            grantedAt: -5, expiresAt: Int64.max
        )
        try await apply(store, .insertBreakGlassGrant(grant), what: "insert a grant")
        try expect(try await store.breakGlassGrant(id: grant.id) == grant, "a grant read by id differs")
        let active = try await store.activeBreakGlassGrants(accountID: "acc_a", patientID: "pat_1", at: t0)
        try expect(active == [grant], "an active grant read by account and patient differs")
    }

    static let queueItemRoundTrip: Check = { store in
        let open = openItem("alt_1", queue: .alert, createdAt: t0)
        let closed = QueueItem(
            id: "rev_1", queue: .review, kind: "break-glass.granted", subjectAccountID: "acc_a", refID: "bg_1",
            revision: 1, createdAt: t0 + 1, closedBy: "acc_auditor", closedAt: t0 + 2, outcome: "accepted"
        )
        try await apply(store, .putQueueItem(open, expectedRevision: nil), what: "insert an open item")
        try await apply(store, .putQueueItem(closed, expectedRevision: nil), what: "insert a closed item")
        try expect(try await store.queueItem(id: open.id) == open, "an open item differs")
        try expect(try await store.queueItem(id: closed.id) == closed, "a closed item differs")

        var acknowledged = open
        acknowledged.revision = 2
        acknowledged.subjectAccountID = "acc_b"
        acknowledged.refID = "dev_1"
        acknowledged.closedBy = "acc_admin"
        acknowledged.closedAt = t0 + 3
        var reopened = openItem(closed.id, queue: .review, createdAt: closed.createdAt)
        reopened.revision = 2
        try await apply(store, .putQueueItem(acknowledged, expectedRevision: 1), what: "close an item")
        try await apply(store, .putQueueItem(reopened, expectedRevision: 1), what: "reopen an item")
        try expect(try await store.queueItem(id: open.id) == acknowledged, "a closed item differs")
        try expect(try await store.queueItem(id: closed.id) == reopened, "a reopened item differs")
    }

    static let emptyBytes: Check = { store in
        var account = minimalAccount("acc_empty", login: "empty")
        account.sealedLicence = []
        account.sealedTOTPSecret = []
        try await apply(store, .putAccount(account, expectedRevision: nil), what: "insert empty sealed fields")
        let read = try await store.account(id: account.id)
        try expect(read?.sealedLicence == [], "an empty licence came back absent or changed")
        try expect(read?.sealedTOTPSecret == [], "an empty TOTP secret came back absent or changed")

        var grant = grant("bg_empty", account: account.id, patient: "pat_1", expiresAt: t0)
        grant.sealedReason = []
        try await apply(store, .insertBreakGlassGrant(grant), what: "insert an empty sealed reason")
        try expect(try await store.breakGlassGrant(id: grant.id) == grant, "an empty reason did not round-trip")
    }
}
