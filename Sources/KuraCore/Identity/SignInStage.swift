/// Where a signed-in session stands on the way to full access (MFA-1, AUTH-4).
///
/// A session that is not ``ready`` reaches only the page of its stage and sign-out: "second
/// factor required for everyone" means an account without one reaches only enrolment.
public enum SignInStage: String, Sendable, Hashable, CaseIterable {
    /// The password was accepted; the second factor is still due.
    case secondFactor = "second-factor"
    /// The password is an initial, reset or expired one and must change first.
    case passwordChange = "password-change"
    /// No second factor is enrolled (or a recovery code was used) and one is required.
    case enrolment
    /// Full access, within the account's roles.
    case ready

    /// The stage of a session given the account's and session's facts, checked in this order:
    /// second factor, password change, enrolment. A session signed in with a recovery code must
    /// enrol a new second factor before anything else (MFA-3); the old one stays until then, so
    /// an abandoned recovery never leaves the account with the password alone.
    public static func of(
        hasSecondFactor: Bool,
        secondFactorPassed: Bool,
        viaRecoveryCode: Bool,
        passwordMustChange: Bool,
        secondFactorRequired: Bool
    ) -> SignInStage {
        if hasSecondFactor && !secondFactorPassed { return .secondFactor }
        if passwordMustChange { return .passwordChange }
        if viaRecoveryCode { return .enrolment }
        if secondFactorRequired && !hasSecondFactor { return .enrolment }
        return .ready
    }
}
