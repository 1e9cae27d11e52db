import KuraCore
import KuraStore

/// What enrolment shows: the secret as a QR code and as text, and a token carrying the secret
/// sealed to this session until the first code confirms it.
public struct EnrolmentOffer: Sendable, Codable, Equatable {
    /// The secret in base32, grouped by four for typing.
    public var secret: String
    /// The `otpauth://` URI the QR code holds.
    public var uri: String
    /// The QR code as an SVG image.
    public var qrSVG: String
    /// The sealed secret to send back with the first code.
    public var enrolmentToken: String
}

// The seam for WebAuthn (MFA-1): a second factor is "enrolled" when the account holds one
// (today `sealedTOTPSecret`), and a session passes the stage by `secondFactorAt`. A passkey
// method adds its credential table, an `enrolled` check beside the TOTP one in
// `authenticated(account:session:device:)`, and a verify method that sets `secondFactorAt` the
// way `verifySecondFactor` does; the stages, lockout and leaves stay as they are.
extension IdentityService {
    /// Starts enrolling a TOTP second factor (MFA-1). Allowed at the enrolment stage, or from a
    /// ready session after re-authentication (replacing the factor is sensitive).
    public func beginEnrolment(_ auth: Authenticated) throws(IdentityError) -> EnrolmentOffer {
        switch auth.stage {
        case .enrolment: break
        case .ready: try requireRecentReauthentication(auth)
        case .secondFactor, .passwordChange: throw .stageRequired(auth.stage)
        }
        return try offer(TOTPSecret.generate(using: random), for: auth)
    }

    /// The same offer again for a page whose first code was refused: the secret from
    /// `enrolmentToken` (sealed to this session), so the person keeps the entry they scanned.
    public func resumeEnrolment(_ auth: Authenticated, enrolmentToken: String) throws(IdentityError) -> EnrolmentOffer {
        switch auth.stage {
        case .enrolment: break
        case .ready: try requireRecentReauthentication(auth)
        case .secondFactor, .passwordChange: throw .stageRequired(auth.stage)
        }
        return try offer(try pendingSecret(enrolmentToken, of: auth), for: auth)
    }

    /// The offer for `secret`: its URI, QR code, text, and the secret sealed to the session.
    func offer(_ secret: [UInt8], for auth: Authenticated) throws(IdentityError) -> EnrolmentOffer {
        let issuer = settings.clinicName.map { "Kura \($0)" } ?? "Kura"
        let uri = OTPAuthURI(issuer: issuer, accountName: auth.account.login, secret: secret).uri
        let qr: QRCode
        do {
            qr = try QRCode.encode(Array(uri.utf8), errorCorrection: .medium)
        } catch {
            throw .invalidInput("the clinic name is too long for a QR code")
        }
        // Sealed to the session, so no other session can confirm it.
        let sealed = try seal(bytes: secret, objectID: auth.session.id, field: Self.pendingField)
        let text = Base32.encode(secret)
        let grouped = stride(from: 0, to: text.count, by: 4).map { String(text.dropFirst($0).prefix(4)) }
        return EnrolmentOffer(
            secret: grouped.joined(separator: " "), uri: uri, qrSVG: qr.svg(),
            enrolmentToken: OpaqueToken.base64URL(sealed))
    }

    /// The field a pending secret is sealed as, under the session's id.
    static let pendingField = "totp.pending"

    /// The secret an enrolment token of this session carries.
    func pendingSecret(_ enrolmentToken: String, of auth: Authenticated) throws(IdentityError) -> [UInt8] {
        guard let bytes = OpaqueToken.decodeBase64URL(enrolmentToken),
            let secret = try? openBytes(bytes, objectID: auth.session.id, field: Self.pendingField)
        else { throw .invalidInput("enrolmentToken: not from this session") }
        return secret
    }

    /// Confirms enrolment with the first code from the authenticator and returns ten new
    /// recovery codes, shown once and stored only hashed (MFA-3).
    public func confirmEnrolment(
        _ auth: Authenticated, enrolmentToken: String, code rawCode: String
    )
        async throws(IdentityError) -> (authenticated: Authenticated, recoveryCodes: [String])
    {
        switch auth.stage {
        case .enrolment: break
        case .ready: try requireRecentReauthentication(auth)
        case .secondFactor, .passwordChange: throw .stageRequired(auth.stage)
        }
        let secret = try pendingSecret(enrolmentToken, of: auth)
        let now = clock()
        let code = rawCode.filter { !$0.isWhitespace }
        guard case .accepted(let step) = TOTP(secret: secret).verify(code, at: now / 1000, lastAcceptedStep: nil) else {
            throw .secondFactorRejected
        }
        let codes = RecoveryCode.generate(count: 10, using: random)
        let sealedSecret = try seal(bytes: secret, objectID: auth.account.id, field: "totp")
        var session = auth.session
        session.secondFactorAt = now
        session.viaRecoveryCode = false
        session.revision += 1
        let account = try await updateAccount(auth.account.id) { (account) throws(IdentityError) in
            let replacing = account.sealedTOTPSecret != nil
            account.sealedTOTPSecret = sealedSecret
            account.totpEnrolledAt = now
            account.totpLastStep = step
            return [
                .replaceRecoveryCodes(
                    accountID: account.id, hashes: codes.map { $0.hash(accountID: account.id) }, at: now),
                .putSession(session, expectedRevision: auth.session.revision),
                try leaf(
                    replacing ? "second-factor.replaced" : "second-factor.enrolled", actor: auth.actor,
                    ["session": .string(session.id), "method": .string("totp")]),
            ]
        }
        return (try authenticated(account: account, session: session, device: auth.device), codes.map(\.display))
    }

    /// Replaces the recovery codes after re-authentication; the old ones stop working.
    public func regenerateRecoveryCodes(_ auth: Authenticated) async throws(IdentityError) -> [String] {
        guard auth.stage == .ready else { throw .stageRequired(auth.stage) }
        try requireRecentReauthentication(auth)
        guard auth.account.sealedTOTPSecret != nil else { throw .conflict("enrol a second factor first") }
        let codes = RecoveryCode.generate(count: 10, using: random)
        let now = clock()
        try await commit([
            .replaceRecoveryCodes(
                accountID: auth.account.id, hashes: codes.map { $0.hash(accountID: auth.account.id) }, at: now),
            try leaf("recovery-codes.replaced", actor: auth.actor, ["session": .string(auth.session.id)]),
        ])
        return codes.map(\.display)
    }

    /// How many recovery codes the account has left.
    public func remainingRecoveryCodes(_ auth: Authenticated) async throws(IdentityError) -> Int {
        try await read { () async throws(StoreError) in
            try await store.unusedRecoveryCodeCount(accountID: auth.account.id)
        }
    }

    /// Changes the holder's own password (AUTH-2…4): the current one is checked, the new one
    /// must pass the policy and differ; the holder's other sessions end.
    public func changePassword(
        _ auth: Authenticated, current: String, new: String
    ) async throws(IdentityError)
        -> Authenticated
    {
        guard auth.stage == .ready || auth.stage == .passwordChange else { throw .stageRequired(auth.stage) }
        guard try await verifyPassword(current, of: auth.account) else {
            try await recordFailure(of: auth.account.id, event: "password.change-failed", reason: "password")
            throw .invalidCredentials
        }
        guard current != new else { throw .invalidInput("newPassword: must differ from the current password") }
        let name = try open(auth.account.sealedName, objectID: auth.account.id, field: "name")
        try checkPassword(new, login: auth.account.login, names: [name])
        let hash = try await hashPassword(new)
        let now = clock()
        let account = try await updateAccount(auth.account.id) { (account) throws(IdentityError) in
            account.passwordHash = hash.encoded
            account.passwordSetAt = now
            account.passwordMustChange = false
            account.resetNoticePending = false
            return [
                .endSessions(accountID: account.id, reason: .passwordChanged, at: now, keeping: auth.session.id),
                try leaf("password.changed", actor: auth.actor, ["session": .string(auth.session.id)]),
            ]
        }
        return try authenticated(account: account, session: auth.session, device: auth.device)
    }
}
