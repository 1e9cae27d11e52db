extension PageTemplates {
    /// TOTP enrolment (MFA-1): the QR code (the one unescaped value, see ``PageTemplates``), the
    /// secret as text, and the first code.
    static let enrol = """
        {{<layout}}{{$content}}{{#main}}
        {{#viaRecoveryCode}}<p class="notice" role="status">{{t.enrolAfterRecovery}}</p>{{/viaRecoveryCode}}
        <p>{{t.enrolIntro}}</p>
        <figure class="qr">{{{qrSVG}}}<figcaption>{{t.enrolQRCaption}}</figcaption></figure>
        <p>{{t.enrolSecretIntro}}</p>
        <p><code class="secret" id="secret">{{secret}}</code></p>
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="enrolmentToken" value="{{enrolmentToken}}">
        <label for="code">{{t.firstCode}}</label>
        <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" \
        pattern="[0-9 ]*" maxlength="8" required>
        <p><button type="submit">{{t.confirmEnrolment}}</button></p>
        </form>
        {{/main}}{{/content}}{{/layout}}
        """

    /// The ten recovery codes, shown once after enrolment (MFA-3).
    static let recoveryCodes = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{t.recoveryCodesIntro}}</p>
        <ol class="codes" id="recovery-codes">{{#codes}}<li><code>{{.}}</code></li>{{/codes}}</ol>
        <p><strong>{{t.recoveryCodesOnce}}</strong></p>
        <p><a href="{{continueLink}}">{{t.continue}}</a></p>
        {{/main}}{{/content}}{{/layout}}
        """

    /// The holder's password change (AUTH-2…4, AUTH-6: says when an administrator reset it).
    static let password = """
        {{<layout}}{{$content}}{{#main}}
        {{#wasReset}}<p class="notice" role="status">{{t.passwordWasReset}}</p>{{/wasReset}}
        {{#required}}<p>{{t.passwordChangeRequired}}</p>{{/required}}
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="username">{{t.loginName}}</label>
        <input id="username" name="username" type="text" autocomplete="username" readonly value="{{login}}">
        <label for="currentPassword">{{t.currentPassword}}</label>
        <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" \
        required maxlength="512">
        <label for="newPassword">{{t.newPassword}}</label>
        <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required \
        maxlength="128">
        <p class="hint">{{t.passwordRules}}</p>
        <label for="confirmation">{{t.confirmPassword}}</label>
        <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required \
        maxlength="128">
        <p><button type="submit">{{t.changePassword}}</button></p>
        </form>
        {{/main}}{{/content}}{{/layout}}
        """

    /// My account: profile, sessions with revoke, devices, recovery codes, sign-out (SESS-3).
    static let account = """
        {{<layout}}{{$content}}{{#main}}
        <section>
        <h2>{{t.profile}}</h2>
        <dl>
        <dt>{{t.loginName}}</dt><dd>{{login}}</dd>
        <dt>{{t.fullName}}</dt><dd>{{name}}</dd>
        <dt>{{t.roles}}</dt><dd>{{roles}}</dd>
        <dt>{{t.thisDevice}}</dt><dd>{{deviceStatus}}</dd>
        </dl>
        <p><a href="{{passwordLink}}">{{t.changePassword}}</a></p>
        <form method="post" action="{{languageAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="language">{{t.language}}</label>
        <select id="language" name="language">{{#languages}}<option value="{{value}}"{{#selected}} selected\
        {{/selected}}>{{label}}</option>{{/languages}}</select>
        <button type="submit">{{t.saveLanguage}}</button>
        </form>
        </section>
        <section>
        <h2>{{t.sessions}}</h2>
        <div class="table"><table>
        <thead><tr><th>{{t.started}}</th><th>{{t.lastSeen}}</th><th>{{t.kind}}</th><th>{{t.device}}</th>\
        <th>{{t.actions}}</th></tr></thead>
        <tbody>
        {{#sessions}}<tr><td>{{started}}</td><td>{{lastSeen}}</td><td>{{kind}}</td><td>{{deviceID}}</td><td>\
        {{#current}}{{t.thisSession}}{{/current}}{{#revokeAction}}<form class="inline" method="post" \
        action="{{revokeAction}}"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <button type="submit">{{t.revoke}}</button></form>{{/revokeAction}}</td></tr>
        {{/sessions}}
        </tbody>
        </table></div>
        </section>
        <section>
        <h2>{{t.myDevices}}</h2>
        <div class="table"><table>
        <thead><tr><th>{{t.device}}</th><th>{{t.userAgent}}</th><th>{{t.firstSeen}}</th><th>{{t.lastSeen}}</th>\
        <th>{{t.ownership}}</th><th>{{t.status}}</th></tr></thead>
        <tbody>
        {{#devices}}<tr><td>{{id}}</td><td>{{userAgent}}</td><td>{{firstSeen}}</td><td>{{lastSeen}}</td>\
        <td>{{ownership}}</td><td>{{status}}</td></tr>
        {{/devices}}
        </tbody>
        </table></div>
        </section>
        <section>
        <h2>{{t.recoveryCodes}}</h2>
        <p>{{t.recoveryCodesRemaining}} <strong id="recovery-remaining">{{remainingRecoveryCodes}}</strong></p>
        {{#recoveryCodesLow}}<p class="error">{{t.recoveryCodesLow}}</p>{{/recoveryCodesLow}}
        <form method="post" action="{{recoveryCodesAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="recovery-password">{{t.confirmWithPassword}}</label>
        <input id="recovery-password" name="password" type="password" autocomplete="current-password" required \
        maxlength="512">
        <button type="submit">{{t.newRecoveryCodes}}</button>
        </form>
        </section>
        <section>
        <h2>{{t.secondFactor}}</h2>
        <p>{{t.replaceSecondFactorHint}}</p>
        <form method="post" action="{{secondFactorAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="factor-password">{{t.confirmWithPassword}}</label>
        <input id="factor-password" name="password" type="password" autocomplete="current-password" required \
        maxlength="512">
        <button type="submit">{{t.replaceSecondFactor}}</button>
        </form>
        </section>
        <section>
        <h2>{{t.signOutSection}}</h2>
        <p>{{t.switchUserHint}}</p>
        <form class="inline" method="post" action="{{switchUserAction}}">\
        <input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.switchUser}}</button></form>
        <form class="inline" method="post" action="{{signOutAction}}">\
        <input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.signOut}}</button></form>
        </section>
        {{/main}}{{/content}}{{/layout}}
        """
}
