extension SignInPages {
    /// The setup form; it keeps the login name and name typed, never the code or password.
    struct SetupModel: PageModel {
        static let template = "setup"
        static let titleKey = "titleSetup"
        /// Where the form posts.
        let action: String
        /// The login name typed before a refusal.
        let login: String
        /// The name typed before a refusal.
        let name: String
        /// The language choices.
        let languages: [Option]
    }

    /// The sign-in form; it keeps the login name typed, never the password.
    struct LoginModel: PageModel {
        static let template = "login"
        static let titleKey = "titleLogin"
        /// Where the form posts.
        let action: String
        /// The login name typed before a refusal.
        let login: String
        /// The setup page, while the first administrator is still to be created.
        let setupLink: String?
    }

    /// The second-factor forms (TOTP code, or a recovery code).
    struct SecondFactorModel: PageModel {
        static let template = "second-factor"
        static let titleKey = "titleSecondFactor"
        /// Where both forms post.
        let action: String
    }
}
