import KuraCore
import KuraStore

extension IdentityStoreConformance {
    // Ending sessions in bulk (SESS-1…3: revocation, password change, a lost tablet) and
    // one-time recovery codes (MFA-3).

    static let endSessions: Check = { store in
        let kept = minimalSession("ses_kept", account: "acc_1", device: "dev_1", token: 1, at: t0 + 1)
        let first = minimalSession("ses_a", account: "acc_1", device: "dev_1", token: 2, at: t0 + 2)
        let second = minimalSession("ses_b", account: "acc_1", device: "dev_2", token: 3, at: t0 + 3)
        let ended = fullSession("ses_ended", account: "acc_1", device: "dev_1", token: 4)
        let other = minimalSession("ses_other", account: "acc_2", device: "dev_1", token: 5)
        for session in [kept, first, second, ended, other] {
            try await apply(store, .putSession(session, expectedRevision: nil), what: "insert a session")
        }
        try await apply(
            store, .endSessions(accountID: "acc_1", reason: .revoked, at: t0 + 100, keeping: kept.id),
            what: "end an account's sessions but one"
        )
        for session in [first, second] {
            var expected = session
            expected.revision = 2
            expected.endedAt = t0 + 100
            expected.endReason = .revoked
            try expect(try await store.session(id: session.id) == expected, "an open session was not ended exactly")
        }
        try expect(try await store.session(id: kept.id) == kept, "the kept session changed")
        try expect(try await store.session(id: ended.id) == ended, "an already ended session changed")
        try expect(try await store.session(id: other.id) == other, "another account's session changed")
        try expect(try await store.openSessions(accountID: "acc_1") == [kept], "the open sessions are not the kept one")

        var touched = first
        touched.revision = 2
        touched.lastSeenAt = t0 + 200
        try await refuse(
            store, .putSession(touched, expectedRevision: 1), as: .conflict,
            what: "an update over the revision an ending replaced"
        )

        try await apply(
            store, .endSessions(accountID: "acc_1", reason: .accountDisabled, at: t0 + 300, keeping: nil),
            what: "end all of an account's sessions"
        )
        var lastOne = kept
        lastOne.revision = 2
        lastOne.endedAt = t0 + 300
        lastOne.endReason = .accountDisabled
        try expect(try await store.session(id: kept.id) == lastOne, "the last open session was not ended")
        try expect(try await store.session(id: first.id)?.endedAt == t0 + 100, "an ended session was ended again")
        try expect(try await store.openSessions(accountID: "acc_1").isEmpty, "a session is still open")
        try expect(try await store.openSessions(accountID: "acc_2") == [other], "another account's session ended")
    }

    static let endDeviceSessions: Check = { store in
        let mine = minimalSession("ses_1", account: "acc_1", device: "dev_lost", token: 1, at: t0 + 1)
        let theirs = minimalSession("ses_2", account: "acc_2", device: "dev_lost", token: 2, at: t0 + 2)
        let elsewhere = minimalSession("ses_3", account: "acc_1", device: "dev_desk", token: 3, at: t0 + 3)
        let ended = fullSession("ses_4", account: "acc_1", device: "dev_lost", token: 4)
        for session in [mine, theirs, elsewhere, ended] {
            try await apply(store, .putSession(session, expectedRevision: nil), what: "insert a session")
        }
        try await apply(store, .endDeviceSessions(deviceID: "dev_lost", at: t0 + 50), what: "revoke a device")
        for session in [mine, theirs] {
            var expected = session
            expected.revision = 2
            expected.endedAt = t0 + 50
            expected.endReason = .deviceRevoked
            try expect(try await store.session(id: session.id) == expected, "a device's session was not ended exactly")
        }
        try expect(try await store.session(id: elsewhere.id) == elsewhere, "another device's session changed")
        try expect(try await store.session(id: ended.id) == ended, "an already ended session changed")
        try expect(try await store.openSessions(accountID: "acc_1") == [elsewhere], "acc_1's open sessions differ")
        try expect(try await store.openSessions(accountID: "acc_2").isEmpty, "acc_2 still has an open session")
    }

    static let recoveryCodes: Check = { store in
        let codes = (10..<20).map { tokenHash(UInt8($0)) }
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_1") == 0, "a new account has codes")
        try await apply(
            store, .replaceRecoveryCodes(accountID: "acc_1", hashes: codes, at: t0),
            .replaceRecoveryCodes(accountID: "acc_2", hashes: [tokenHash(30)], at: t0), what: "store codes"
        )
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_1") == 10, "ten codes are not ten")
        try await apply(store, .consumeRecoveryCode(accountID: "acc_1", hash: codes[3], at: t0 + 1), what: "use one")
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_1") == 9, "a used code still counts")
        try await refuse(
            store, .consumeRecoveryCode(accountID: "acc_1", hash: codes[3], at: t0 + 2), as: .notFound,
            what: "a code used twice"
        )
        try await refuse(
            store, .consumeRecoveryCode(accountID: "acc_1", hash: tokenHash(30), at: t0 + 2), as: .notFound,
            what: "another account's code"
        )
        try await refuse(
            store, .consumeRecoveryCode(accountID: "acc_1", hash: tokenHash(99), at: t0 + 2), as: .notFound,
            what: "a code never issued"
        )
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_1") == 9, "a refused use changed the count")
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_2") == 1, "another account's codes changed")

        // New codes replace the old ones, used or not; a used hash may be issued again.
        let fresh = [codes[3], tokenHash(40), tokenHash(41)]
        try await apply(store, .replaceRecoveryCodes(accountID: "acc_1", hashes: fresh, at: t0 + 3), what: "replace")
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_1") == 3, "replaced codes still count")
        try await refuse(
            store, .consumeRecoveryCode(accountID: "acc_1", hash: codes[0], at: t0 + 4), as: .notFound,
            what: "a replaced code"
        )
        try await apply(
            store, .consumeRecoveryCode(accountID: "acc_1", hash: codes[3], at: t0 + 4), what: "use a reissued code"
        )
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_1") == 2, "a reissued code was not fresh")
        try await apply(store, .replaceRecoveryCodes(accountID: "acc_1", hashes: [], at: t0 + 5), what: "clear codes")
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_1") == 0, "cleared codes still count")
        try expect(try await store.unusedRecoveryCodeCount(accountID: "acc_2") == 1, "another account's codes changed")
    }
}
