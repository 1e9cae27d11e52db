extension PageTemplates {
    /// The templates of the policies page, the dormant-account report and the roles form by name.
    static var administrationTemplates: [String: String] {
        ["policies": policies, "dormant-accounts": dormantAccounts, "account-roles": accountRoles]
    }

    /// The identity rules in force, each with its requirement and configuration key.
    static let policies = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{t.policiesIntro}}</p>
        <div class="table"><table id="policies">
        <thead><tr><th scope="col">{{t.policy}}</th><th scope="col">{{t.policyValue}}</th>\
        <th scope="col">{{t.policyRequirement}}</th><th scope="col">{{t.policyKey}}</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{label}}</td><td>{{value}}</td><td>{{requirement}}</td><td>{{#key}}<code>{{key}}</code>{{/key}}\
        {{^key}}{{t.policyFixed}}{{/key}}</td></tr>{{/rows}}</tbody>
        </table></div>
        <p><a href="{{dormantLink}}">{{t.titleDormantAccounts}}</a></p>
        {{/main}}{{/content}}{{/layout}}
        """

    /// Dormant and disabled accounts (ACC-4).
    static let dormantAccounts = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{explanation}}</p>
        {{^rows}}<p>{{t.nothingHere}}</p>{{/rows}}
        <div class="table"><table id="dormant">
        <thead><tr><th scope="col">{{t.loginName}}</th><th scope="col">{{t.fullName}}</th>\
        <th scope="col">{{t.status}}</th><th scope="col">{{t.idleDays}}</th><th scope="col">{{t.lastSignIn}}</th>\
        <th scope="col">{{t.actions}}</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{login}}</td><td>{{name}}</td><td>{{status}}</td><td>{{idleDays}}</td>\
        <td>{{lastSignIn}}</td><td>{{#disableAction}}<form class="inline" method="post" action="{{disableAction}}">\
        <input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.actionDisable}}</button></form>\
        {{/disableAction}}</td></tr>{{/rows}}</tbody>
        </table></div>
        {{/main}}{{/content}}{{/layout}}
        """

    /// The roles of one account.
    static let accountRoles = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{t.loginName}}: <code>{{login}}</code> ・ {{t.fullName}}: {{name}}</p>
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <fieldset><legend>{{t.roles}}</legend>{{#roleOptions}}<input type="checkbox" id="role-{{value}}" \
        name="roles[]" value="{{value}}"{{#selected}} checked{{/selected}}><label class="check" \
        for="role-{{value}}">{{label}}</label>{{/roleOptions}}</fieldset>
        <p class="hint">{{t.acc2ExceptionHint}}</p>
        <p><button type="submit">{{t.saveRoles}}</button></p>
        </form>
        {{/main}}{{/content}}{{/layout}}
        """
}
