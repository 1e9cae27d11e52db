import KuraCore
import Testing

@Suite("The checkpoint schedule")
struct CheckpointScheduleTests {
    @Test("a new log with pending leaves seals at once")
    func firstSeal() {
        var schedule = CheckpointSchedule(lastSealedAt: nil)
        #expect(schedule.tick(now: 5, pending: true) == .seal)
    }

    @Test("nothing pending means idle, however long since the last seal")
    func idle() {
        var schedule = CheckpointSchedule(lastSealedAt: 1000)
        #expect(schedule.tick(now: 100_000, pending: false) == .idle)
    }

    @Test("seals at most once a second while leaves are pending")
    func rateLimited() {
        var schedule = CheckpointSchedule(lastSealedAt: nil)
        #expect(schedule.tick(now: 10_000, pending: true) == .seal)
        schedule.sealed(at: 10_000)
        #expect(schedule.tick(now: 10_400, pending: true) == .wait(untilMillis: 11_000))
        #expect(schedule.tick(now: 10_999, pending: true) == .wait(untilMillis: 11_000))
        #expect(schedule.tick(now: 11_000, pending: true) == .seal)
    }

    @Test("a clock that went back past the last checkpoint is refused and alerts once (AUD-3)")
    func clockWentBack() {
        var schedule = CheckpointSchedule(lastSealedAt: 50_000)
        #expect(
            schedule.tick(now: 40_000, pending: true)
                == .refuseClockWentBack(lastSealedAt: 50_000, now: 40_000, alert: true)
        )
        #expect(
            schedule.tick(now: 41_000, pending: true)
                == .refuseClockWentBack(lastSealedAt: 50_000, now: 41_000, alert: false)
        )
        #expect(schedule.clockBehind)
        #expect(schedule.tick(now: 51_000, pending: true) == .seal)
        #expect(!schedule.clockBehind)
        schedule.sealed(at: 51_000)
        #expect(
            schedule.tick(now: 1, pending: false) == .refuseClockWentBack(lastSealedAt: 51_000, now: 1, alert: true)
        )
    }

    @Test("the same millisecond as the last seal is not a clock going back")
    func sameTime() {
        var schedule = CheckpointSchedule(lastSealedAt: 7_000, minimumInterval: 0)
        #expect(schedule.tick(now: 7_000, pending: true) == .seal)
    }

    @Test("reading the pending queue is skipped only while the last seal is too recent")
    func maySeal() {
        var schedule = CheckpointSchedule(lastSealedAt: nil)
        #expect(schedule.maySeal(now: 0))
        schedule.sealed(at: 10_000)
        #expect(!schedule.maySeal(now: 10_500))
        #expect(schedule.maySeal(now: 11_000))
        // A clock behind the last seal must still tick, so the alert is raised.
        #expect(schedule.maySeal(now: 9_000))
    }
}
