extension PageTemplates {
    /// The administrators' account list (ACC-1, ACC-2, ACC-4, AUTH-5) and the add form.
    static let accounts = """
        {{<layout}}{{$content}}{{#main}}
        {{#issued}}<div class="notice" role="status">
        <p>{{#reset}}{{t.passwordResetDone}}{{/reset}}{{^reset}}{{t.accountAdded}}{{/reset}}</p>
        <p>{{t.loginName}}: <code>{{login}}</code></p>
        <p>{{t.oneTimePassword}}: <code class="secret" id="one-time-password">{{password}}</code></p>
        <p><strong>{{t.oneTimePasswordOnce}}</strong></p>
        </div>{{/issued}}
        <div class="table"><table>
        <thead><tr><th>{{t.loginName}}</th><th>{{t.fullName}}</th><th>{{t.jobType}}</th><th>{{t.roles}}</th>\
        <th>{{t.status}}</th><th>{{t.secondFactor}}</th><th>{{t.lastSignIn}}</th><th>{{t.actions}}</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{login}}</td><td>{{name}}</td><td>{{jobType}}</td><td>{{roles}}\
        {{#exception}}<br><strong class="flag">{{t.acc2Exception}}</strong>{{/exception}}</td>\
        <td>{{status}}{{#lockedUntil}}<br><strong class="flag">{{t.lockedUntil}} {{lockedUntil}}</strong>\
        {{/lockedUntil}}{{#mustChange}}<br>{{t.mustChangePassword}}{{/mustChange}}</td>\
        <td>{{secondFactor}}</td><td>{{lastSignIn}}</td><td>{{#actions}}<form class="inline" method="post" \
        action="{{action}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{label}}\
        </button></form>{{/actions}}{{#rolesLink}} <a href="{{rolesLink}}">{{t.changeRoles}}</a>{{/rolesLink}}</td></tr>
        {{/rows}}
        </tbody>
        </table></div>
        <p class="hint">{{t.acc2ExceptionHint}}</p>
        <section>
        <h2>{{t.addAccount}}</h2>
        <form method="post" action="{{addAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="login">{{t.loginName}}</label>
        <input id="login" name="login" type="text" autocomplete="off" autocapitalize="none" spellcheck="false" \
        required maxlength="32" value="{{form.login}}">
        <p class="hint">{{t.loginNameHint}}</p>
        <label for="name">{{t.fullName}}</label>
        <input id="name" name="name" type="text" autocomplete="off" required maxlength="100" value="{{form.name}}">
        <label for="jobType">{{t.jobType}}</label>
        <select id="jobType" name="jobType">{{#jobTypes}}<option value="{{value}}"{{#selected}} selected\
        {{/selected}}>{{label}}</option>{{/jobTypes}}</select>
        <label for="licence">{{t.licence}}</label>
        <input id="licence" name="licence" type="text" autocomplete="off" maxlength="32" value="{{form.licence}}">
        <p class="hint">{{t.licenceHint}}</p>
        <fieldset><legend>{{t.roles}}</legend>{{#roleOptions}}<input type="checkbox" id="role-{{value}}" \
        name="roles[]" value="{{value}}"{{#selected}} checked{{/selected}}><label class="check" \
        for="role-{{value}}">{{label}}</label>{{/roleOptions}}</fieldset>
        <label for="language">{{t.language}}</label>
        <select id="language" name="language">{{#languages}}<option value="{{value}}"{{#selected}} selected\
        {{/selected}}>{{label}}</option>{{/languages}}</select>
        <p><button type="submit">{{t.addAccount}}</button></p>
        </form>
        </section>
        {{/main}}{{/content}}{{/layout}}
        """

    /// The device list: approve as clinic or BYOD, revoke (INV-2, DEV-2).
    static let devices = """
        {{<layout}}{{$content}}{{#main}}
        <div class="table"><table>
        <thead><tr><th>{{t.device}}</th><th>{{t.owner}}</th><th>{{t.userAgent}}</th><th>{{t.firstSeen}}</th>\
        <th>{{t.lastSeen}}</th><th>{{t.ownership}}</th><th>{{t.status}}</th><th>{{t.actions}}</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{id}}</td><td>{{owner}}</td><td>{{userAgent}}</td><td>{{firstSeen}}</td>\
        <td>{{lastSeen}}</td><td>{{ownership}}</td><td>{{status}}</td><td>\
        {{#approveAction}}<form class="inline" method="post" action="{{approveAction}}">\
        <input type="hidden" name="_csrf" value="{{csrf}}">\
        <button type="submit" name="ownership" value="clinic">{{t.approveClinic}}</button>\
        <button type="submit" name="ownership" value="byod">{{t.approveBYOD}}</button></form>{{/approveAction}}\
        {{#revokeAction}}<form class="inline" method="post" action="{{revokeAction}}">\
        <input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.revoke}}</button>\
        </form>{{/revokeAction}}</td></tr>
        {{/rows}}
        </tbody>
        </table></div>
        {{^rows}}<p>{{t.nothingHere}}</p>{{/rows}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// The open alerts, each acknowledged by a person (AUD-1).
    static let alerts = """
        {{<layout}}{{$content}}{{#main}}
        <div class="table"><table>
        <thead><tr><th>{{t.raised}}</th><th>{{t.event}}</th><th>{{t.subject}}</th><th>{{t.reference}}</th>\
        <th>{{t.actions}}</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{raised}}</td><td>{{event}}</td><td>{{subject}}</td><td>{{reference}}</td><td>\
        <form class="inline" method="post" action="{{action}}"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <button type="submit">{{t.acknowledge}}</button></form></td></tr>
        {{/rows}}
        </tbody>
        </table></div>
        {{^rows}}<p>{{t.nothingHere}}</p>{{/rows}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// The open review items, signed off as accepted or flagged (ACC-7).
    static let reviews = """
        {{<layout}}{{$content}}{{#main}}
        <div class="table"><table>
        <thead><tr><th>{{t.raised}}</th><th>{{t.event}}</th><th>{{t.subject}}</th><th>{{t.reference}}</th>\
        <th>{{t.actions}}</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{raised}}</td><td>{{event}}</td><td>{{subject}}</td><td>{{reference}}</td><td>\
        {{#mine}}{{t.ownReview}}{{/mine}}{{^mine}}<form class="inline" method="post" action="{{action}}">\
        <input type="hidden" name="_csrf" value="{{csrf}}">\
        <button type="submit" name="outcome" value="accepted">{{t.signOffAccepted}}</button>\
        <button type="submit" name="outcome" value="flagged">{{t.signOffFlagged}}</button></form>{{/mine}}\
        </td></tr>
        {{/rows}}
        </tbody>
        </table></div>
        {{^rows}}<p>{{t.nothingHere}}</p>{{/rows}}
        {{/main}}{{/content}}{{/layout}}
        """
}
