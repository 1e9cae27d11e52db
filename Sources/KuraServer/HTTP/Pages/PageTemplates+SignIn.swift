extension PageTemplates {
    /// The first administrator, with the one-time setup code printed at first start (ACC-1).
    static let setup = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{t.setupIntro}}</p>
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="setupCode">{{t.setupCode}}</label>
        <input id="setupCode" name="setupCode" type="text" autocomplete="off" autocapitalize="characters" \
        spellcheck="false" required>
        <label for="login">{{t.loginName}}</label>
        <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" \
        required maxlength="32" value="{{login}}">
        <p class="hint">{{t.loginNameHint}}</p>
        <label for="name">{{t.fullName}}</label>
        <input id="name" name="name" type="text" autocomplete="name" required maxlength="100" value="{{name}}">
        <label for="password">{{t.newPassword}}</label>
        <input id="password" name="password" type="password" autocomplete="new-password" required maxlength="128">
        <p class="hint">{{t.passwordRules}}</p>
        <label for="confirmation">{{t.confirmPassword}}</label>
        <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required \
        maxlength="128">
        <label for="language">{{t.language}}</label>
        <select id="language" name="language">{{#languages}}<option value="{{value}}"{{#selected}} selected\
        {{/selected}}>{{label}}</option>{{/languages}}</select>
        <p><button type="submit">{{t.createAdministrator}}</button></p>
        </form>
        {{/main}}{{/content}}{{/layout}}
        """

    /// Sign-in with login name and password.
    static let login = """
        {{<layout}}{{$content}}{{#main}}
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="login">{{t.loginName}}</label>
        <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" \
        required maxlength="32" value="{{login}}">
        <label for="password">{{t.password}}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required \
        maxlength="512">
        <p><button type="submit">{{t.signIn}}</button></p>
        </form>
        {{#setupLink}}<p><a href="{{setupLink}}">{{t.setupLink}}</a></p>{{/setupLink}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// The TOTP code, or a recovery code behind a disclosure (MFA-1, MFA-3).
    static let secondFactor = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{t.secondFactorIntro}}</p>
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="code">{{t.totpCode}}</label>
        <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" \
        pattern="[0-9 ]*" maxlength="8" required autofocus>
        <p><button type="submit">{{t.confirm}}</button></p>
        </form>
        <details>
        <summary>{{t.useRecoveryCode}}</summary>
        <p>{{t.recoveryCodeIntro}}</p>
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="recoveryCode">{{t.recoveryCode}}</label>
        <input id="recoveryCode" name="recoveryCode" type="text" autocomplete="off" autocapitalize="none" \
        spellcheck="false" required maxlength="64">
        <p><button type="submit">{{t.signInWithRecoveryCode}}</button></p>
        </form>
        </details>
        {{/main}}{{/content}}{{/layout}}
        """
}
