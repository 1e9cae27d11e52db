import KuraCore
import Testing

/// AUTH-5: five failures lock for fifteen minutes; the correct password is refused while locked.
@Suite("Lockout")
struct LockoutTests {
    let policy = LockoutPolicy.standard

    @Test("the fifth failure locks, and the sixth attempt is refused whatever the password")
    func fifthFailureLocks() {
        var state = LockoutState(failedLogins: 0, lockedUntil: nil)
        for attempt in 1...4 {
            #expect(state.recordFailure(at: Int64(attempt), policy: policy) == .none)
            #expect(!state.isLocked(at: Int64(attempt)))
        }
        #expect(state.recordFailure(at: 5, policy: policy) == .locked(until: 5 + 900_000))
        // The sixth attempt: the server checks the lock before the password, so even the
        // correct one is refused.
        #expect(state.isLocked(at: 6))
        #expect(state.isLocked(at: 5 + 899_999))
        #expect(!state.isLocked(at: 5 + 900_000))
    }

    @Test("failures while locked do not extend the lock")
    func noExtension() {
        var state = LockoutState(failedLogins: 4, lockedUntil: nil)
        #expect(state.recordFailure(at: 0, policy: policy) == .locked(until: 900_000))
        #expect(state.recordFailure(at: 1000, policy: policy) == .none)
        #expect(state.lockedUntil == 900_000)
        #expect(state.failedLogins == 5)
    }

    @Test("after a lock lapses the count starts again")
    func lapse() {
        var state = LockoutState(failedLogins: 5, lockedUntil: 900_000)
        #expect(state.recordFailure(at: 900_000, policy: policy) == .none)
        #expect(state.failedLogins == 1)
        #expect(state.lockedUntil == nil)
    }

    @Test("success and unlock clear the count")
    func clearing() {
        var state = LockoutState(failedLogins: 3, lockedUntil: nil)
        state.recordSuccess()
        #expect(state == LockoutState(failedLogins: 0, lockedUntil: nil))
        state = LockoutState(failedLogins: 5, lockedUntil: 10)
        state.unlock()
        #expect(!state.isLocked(at: 0))
        #expect(state.failedLogins == 0)
    }
}

/// SESS-1, SESS-2, ACC-4, AUTH-4: the time rules, walked with explicit times.
@Suite("Session and account time rules")
struct TimeRuleTests {
    let sessions = SessionPolicy.standard
    let accounts = AccountPolicy.standard
    let minute: Int64 = 60_000
    let day: Int64 = 86_400_000

    @Test("a browser session locks after ten idle minutes and expires after twelve hours")
    func browser() {
        let start: Int64 = 1_000_000
        #expect(
            sessions.validity(
                kind: .browser, createdAt: start, lastSeenAt: start, viaRecoveryCode: false, at: start + 10 * minute - 1
            ) == .active)
        #expect(
            sessions.validity(
                kind: .browser, createdAt: start, lastSeenAt: start, viaRecoveryCode: false, at: start + 10 * minute)
                == .idle)
        let busy = start + 12 * 60 * minute - 1
        #expect(
            sessions.validity(
                kind: .browser, createdAt: start, lastSeenAt: busy - minute, viaRecoveryCode: false, at: busy)
                == .active)
        #expect(
            sessions.validity(kind: .browser, createdAt: start, lastSeenAt: busy, viaRecoveryCode: false, at: busy + 1)
                == .expired)
    }

    @Test("recovery-code sessions and API tokens are short-lived; API tokens have no idle lock")
    func shortLived() {
        #expect(
            sessions.validity(
                kind: .browser, createdAt: 0, lastSeenAt: 29 * minute, viaRecoveryCode: true, at: 30 * minute)
                == .expired)
        #expect(
            sessions.validity(kind: .api, createdAt: 0, lastSeenAt: 0, viaRecoveryCode: false, at: 14 * minute)
                == .active)
        #expect(
            sessions.validity(kind: .api, createdAt: 0, lastSeenAt: 0, viaRecoveryCode: false, at: 15 * minute)
                == .expired)
    }

    @Test("re-authentication counts for five minutes")
    func reauthentication() {
        #expect(sessions.isRecentlyReauthenticated(100, at: 100 + 5 * minute - 1))
        #expect(!sessions.isRecentlyReauthenticated(100, at: 100 + 5 * minute))
        #expect(!sessions.isRecentlyReauthenticated(nil, at: 0))
        #expect(!sessions.isRecentlyReauthenticated(100, at: 99))
    }

    @Test("accounts idle for ninety days or past their end date are disabled")
    func dormancy() {
        #expect(accounts.disableReason(createdAt: 0, lastLoginAt: nil, endsAt: nil, at: 90 * day - 1) == nil)
        #expect(accounts.disableReason(createdAt: 0, lastLoginAt: nil, endsAt: nil, at: 90 * day) == .dormant)
        #expect(accounts.disableReason(createdAt: 0, lastLoginAt: 50 * day, endsAt: nil, at: 100 * day) == nil)
        #expect(accounts.disableReason(createdAt: 0, lastLoginAt: 50 * day, endsAt: 60 * day, at: 60 * day) == .ended)
        #expect(accounts.idleDays(createdAt: 0, lastLoginAt: 10 * day, at: 40 * day + 5) == 30)
    }

    @Test("no forced periodic change with a second factor or a long password (AUTH-4)")
    func passwordExpiry() {
        let late = 91 * day
        #expect(accounts.passwordExpired(passwordSetAt: 0, hasSecondFactor: false, passwordLength: 12, at: late))
        #expect(!accounts.passwordExpired(passwordSetAt: 0, hasSecondFactor: true, passwordLength: 8, at: late))
        #expect(!accounts.passwordExpired(passwordSetAt: 0, hasSecondFactor: false, passwordLength: 13, at: late))
        #expect(!accounts.passwordExpired(passwordSetAt: 0, hasSecondFactor: false, passwordLength: 8, at: 89 * day))
    }
}

/// MFA-1, MFA-3, AUTH-4: the order of the sign-in stages.
@Suite("Sign-in stages")
struct SignInStageTests {
    @Test("second factor, then password change, then enrolment, then ready")
    func order() {
        #expect(
            SignInStage.of(
                hasSecondFactor: true, secondFactorPassed: false, viaRecoveryCode: false, passwordMustChange: true,
                secondFactorRequired: true) == .secondFactor)
        #expect(
            SignInStage.of(
                hasSecondFactor: false, secondFactorPassed: false, viaRecoveryCode: false, passwordMustChange: true,
                secondFactorRequired: true) == .passwordChange)
        #expect(
            SignInStage.of(
                hasSecondFactor: false, secondFactorPassed: false, viaRecoveryCode: false, passwordMustChange: false,
                secondFactorRequired: true) == .enrolment)
        #expect(
            SignInStage.of(
                hasSecondFactor: false, secondFactorPassed: false, viaRecoveryCode: false, passwordMustChange: false,
                secondFactorRequired: false) == .ready)
        #expect(
            SignInStage.of(
                hasSecondFactor: true, secondFactorPassed: true, viaRecoveryCode: true, passwordMustChange: false,
                secondFactorRequired: false) == .enrolment)
        #expect(
            SignInStage.of(
                hasSecondFactor: true, secondFactorPassed: true, viaRecoveryCode: false, passwordMustChange: false,
                secondFactorRequired: true) == .ready)
    }
}
