import KuraCore
import KuraStore

extension OwnAccountPages {
    /// TOTP enrolment: the QR code, the secret as text, and the form for the first code.
    struct EnrolModel: PageModel {
        static let template = "enrol"
        static let titleKey = "titleEnrol"
        /// Where the form posts.
        let action: String
        /// The QR code, drawn by the server (the one value the template does not escape).
        let qrSVG: String
        /// The secret in base32 groups, for typing.
        let secret: String
        /// The secret sealed to the session, returned with the first code.
        let enrolmentToken: String
        /// Whether the session signed in with a recovery code (MFA-3).
        let viaRecoveryCode: Bool

        init(_ offer: EnrolmentOffer, viaRecoveryCode: Bool) {
            action = PageRoute.enrol.path
            qrSVG = offer.qrSVG
            secret = offer.secret
            enrolmentToken = offer.enrolmentToken
            self.viaRecoveryCode = viaRecoveryCode
        }
    }

    /// The recovery codes, shown once.
    struct RecoveryCodesModel: PageModel {
        static let template = "recovery-codes"
        static let titleKey = "titleRecoveryCodes"
        /// The ten codes.
        let codes: [String]
        /// The page of the session's stage now.
        let continueLink: String
    }

    /// The password change form.
    struct PasswordModel: PageModel {
        static let template = "password"
        static let titleKey = "titlePassword"
        /// Where the form posts.
        let action: String
        /// The login name, for password managers.
        let login: String
        /// Whether an administrator reset the password (AUTH-6).
        let wasReset: Bool
        /// Whether the change is due before anything else (AUTH-4).
        let required: Bool

        init(_ auth: Authenticated) {
            action = PageRoute.password.path
            login = auth.account.login
            wasReset = auth.account.resetNoticePending
            required = auth.stage == .passwordChange
        }
    }

    /// My account.
    struct AccountModel: PageModel {
        static let template = "account"
        static let titleKey = "titleAccount"
        let login: String
        let name: String
        let roles: String
        let deviceStatus: String
        let passwordLink: String
        let sessions: [SessionRow]
        let devices: [DeviceRow]
        let remainingRecoveryCodes: Int
        let recoveryCodesLow: Bool
        let switchUserAction: String
        let signOutAction: String
        let languageAction: String
        let languages: [Option]
        let recoveryCodesAction: String
        let secondFactorAction: String

        /// The model from the holder's session, name, sessions, devices and recovery codes.
        init(
            _ auth: Authenticated, name: String, sessions: [SessionView], devices: [DeviceView], remaining: Int,
            text: PageText
        ) {
            login = auth.account.login
            self.name = name
            roles = auth.account.roles.sorted().map(text.role).joined(separator: "、")
            deviceStatus = text.deviceStatus(auth.device.status.rawValue)
            passwordLink = PageRoute.password.path
            self.sessions = sessions.map { SessionRow($0, text: text) }
            self.devices = devices.map { DeviceRow($0, text: text) }
            remainingRecoveryCodes = remaining
            recoveryCodesLow = remaining < 3
            switchUserAction = PageRoute.switchUser.path
            signOutAction = PageRoute.signOut.path
            languageAction = PageRoute.accountLanguage.path
            languages = Option.languages(text, chosen: auth.account.language)
            recoveryCodesAction = PageRoute.accountRecoveryCodes.path
            secondFactorAction = PageRoute.accountSecondFactor.path
        }
    }

    /// One of the holder's open sessions.
    struct SessionRow: Sendable {
        let started: String
        let lastSeen: String
        let kind: String
        let deviceID: String
        let current: Bool
        /// Revoke, for every session but the one in use (sign-out ends that one).
        let revokeAction: String?

        init(_ session: SessionView, text: PageText) {
            started = PageTime.jst(session.createdAt)
            lastSeen = PageTime.jst(session.lastSeenAt)
            kind = text["sessionKind" + PageText.capitalised(session.kind)]
            deviceID = session.deviceID
            current = session.current
            revokeAction = session.current ? nil : PageRoute.revokeSession(session.id).path
        }
    }

    /// One of the holder's devices.
    struct DeviceRow: Sendable {
        let id: String
        let userAgent: String
        let firstSeen: String
        let lastSeen: String
        let ownership: String
        let status: String

        init(_ device: DeviceView, text: PageText) {
            id = device.id
            userAgent = device.userAgent
            firstSeen = PageTime.jst(device.firstSeenAt)
            lastSeen = PageTime.jst(device.lastSeenAt)
            ownership = text.ownership(device.ownership)
            status = text.deviceStatus(device.status)
        }
    }
}
