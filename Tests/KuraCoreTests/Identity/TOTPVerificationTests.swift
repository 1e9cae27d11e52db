import KuraCore
import Testing

@Suite("TOTP verification: window, replay guard, malformed codes (MFA-1)")
struct TOTPVerificationTests {
    let totp = TOTP(secret: Array("12345678901234567890".utf8))
    /// An arbitrary current step and a time 10 seconds into it.
    let current: Int64 = 56_000_000
    var now: Int64 { current * 30 + 10 }

    @Test("codes of the previous, current and next step are accepted with their step", arguments: [-1, 0, 1])
    func windowAccepts(offset: Int64) {
        let step = current + offset
        #expect(totp.verify(totp.code(forStep: step), at: now, lastAcceptedStep: nil) == .accepted(step: step))
    }

    @Test("codes two or more steps away are rejected", arguments: [-3, -2, 2, 3])
    func outsideWindowRejected(offset: Int64) throws {
        let code = totp.code(forStep: current + offset)
        // A chance collision with a code inside the window would make this test meaningless.
        try #require((-1...1).allSatisfy { totp.code(forStep: current + $0) != code })
        #expect(totp.verify(code, at: now, lastAcceptedStep: nil) == .rejected)
    }

    @Test("the window's edges are exact to the second")
    func windowEdges() {
        let code = totp.code(forStep: current)
        let stepStart = current * 30
        // One step later (t − 1 = current) still accepted, up to the last second of that step.
        #expect(totp.verify(code, at: stepStart + 59, lastAcceptedStep: nil) == .accepted(step: current))
        #expect(totp.verify(code, at: stepStart + 60, lastAcceptedStep: nil) == .rejected)
        // One step earlier (t + 1 = current) accepted from the first second of that step.
        #expect(totp.verify(code, at: stepStart - 30, lastAcceptedStep: nil) == .accepted(step: current))
        #expect(totp.verify(code, at: stepStart - 31, lastAcceptedStep: nil) == .rejected)
    }

    @Test("a window of 0 accepts the current step only")
    func zeroWindow() {
        let strict = TOTP(secret: Array("12345678901234567890".utf8), window: 0)
        #expect(
            strict.verify(strict.code(forStep: current), at: now, lastAcceptedStep: nil) == .accepted(step: current))
        #expect(strict.verify(strict.code(forStep: current - 1), at: now, lastAcceptedStep: nil) == .rejected)
        #expect(strict.verify(strict.code(forStep: current + 1), at: now, lastAcceptedStep: nil) == .rejected)
    }

    @Test("the same code is refused as a replay once its step was accepted")
    func replayRefused() {
        let code = totp.code(at: now)
        guard case .accepted(let step) = totp.verify(code, at: now, lastAcceptedStep: nil) else {
            Issue.record("a fresh code was not accepted")
            return
        }
        #expect(totp.verify(code, at: now, lastAcceptedStep: step) == .replayed)
        #expect(totp.verify(code, at: now + 25, lastAcceptedStep: step) == .replayed)
    }

    @Test("an older step's code is refused after a newer one was accepted")
    func olderStepRefused() {
        let newer = totp.code(forStep: current + 1)
        #expect(totp.verify(newer, at: now, lastAcceptedStep: nil) == .accepted(step: current + 1))
        for older in [current, current - 1] {
            #expect(totp.verify(totp.code(forStep: older), at: now, lastAcceptedStep: current + 1) == .replayed)
        }
    }

    @Test("the next step's code is accepted right after the current one was used")
    func nextStepAccepted() {
        let next = totp.code(forStep: current + 1)
        #expect(totp.verify(next, at: now, lastAcceptedStep: current) == .accepted(step: current + 1))
        // And a last accepted step far in the past does not get in the way.
        #expect(totp.verify(next, at: now, lastAcceptedStep: 3) == .accepted(step: current + 1))
    }

    @Test("a wrong code of the right shape is rejected, not reported as a replay")
    func wrongCodeRejected() {
        let window = Set((-1...1).map { totp.code(forStep: current + $0) })
        let wrong = (0..<1000).lazy.map { String(100_000 + $0 * 7) }.first { !window.contains($0) }!
        #expect(totp.verify(wrong, at: now, lastAcceptedStep: nil) == .rejected)
        #expect(totp.verify(wrong, at: now, lastAcceptedStep: current) == .rejected)
    }

    @Test(
        "malformed codes are rejected before any comparison",
        arguments: ["", "12345", "1234567", "12345a", "+12345", "-12345", "123 456", " 123456", "123456\n", "１２３４５６"]
    )
    func malformedRejected(code: String) {
        #expect(totp.verify(code, at: now, lastAcceptedStep: nil) == .rejected)
    }

    @Test("the right code with a space or a trailing newline is rejected: the caller strips spaces")
    func correctCodeWithDecorationRejected() {
        let code = totp.code(at: now)
        let spaced = String(code.prefix(3)) + " " + String(code.suffix(3))
        #expect(totp.verify(spaced, at: now, lastAcceptedStep: nil) == .rejected)
        #expect(totp.verify(code + "\n", at: now, lastAcceptedStep: nil) == .rejected)
    }

    @Test("eight-digit codes need all eight digits")
    func eightDigits() {
        let long = TOTP(secret: Array("12345678901234567890".utf8), digits: 8)
        let code = long.code(at: now)
        #expect(code.count == 8)
        #expect(long.verify(code, at: now, lastAcceptedStep: nil) == .accepted(step: current))
        #expect(long.verify(String(code.suffix(6)), at: now, lastAcceptedStep: nil) == .rejected)
    }

    @Test("neither description nor reflection shows the secret")
    func redaction() {
        let secret: [UInt8] = Array("a very secret seed!!".utf8)
        let totp = TOTP(secret: secret)
        for text in [String(describing: totp), String(reflecting: totp), dumped(totp)] {
            #expect(!text.contains("very secret"))
            #expect(!text.contains(hexEncoded(secret)))
            #expect(!text.contains(Base32.encode(secret)))
            #expect(!text.contains(String(describing: secret.prefix(3))))
        }
    }
}
