extension PageTemplates {
    /// The templates of the access-log pages by name.
    static var auditTemplates: [String: String] {
        ["audit": audit]
    }

    /// The access log (AUD-1, AUD-4): the filter form (posted, so the patient number stays out
    /// of the URL; the answer redirects to the filtered page), then the rows newest first with
    /// break-glass access flagged (ACC-7), paging, and the CSV link for those who may export.
    static let audit = """
        {{<layout}}{{$content}}{{#main}}
        <p class="hint">{{t.auditHint}}</p>
        <form method="post" action="{{filterAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="account">{{t.auditAccount}}</label>
        <select id="account" name="account"><option value="">{{t.auditAll}}</option>{{#accounts}}\
        <option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/accounts}}</select>
        <label for="patient">{{t.patientNumber}}</label>
        <input id="patient" name="patientNumber" type="text" autocomplete="off" maxlength="100" value="{{patient}}">
        <label for="action">{{t.auditAction}}</label>
        <select id="action" name="action"><option value="">{{t.auditAll}}</option>{{#actions}}\
        <option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/actions}}</select>
        <label for="from">{{t.auditFrom}}</label>
        <input id="from" name="from" type="date" value="{{from}}">
        <label for="until">{{t.auditUntil}}</label>
        <input id="until" name="until" type="date" value="{{until}}">
        <p><input type="checkbox" id="breakGlass" name="breakGlass" value="1"{{#breakGlassOnly}} checked\
        {{/breakGlassOnly}}><label class="check" for="breakGlass">{{t.auditBreakGlassOnly}}</label></p>
        <p><button type="submit">{{t.auditFilter}}</button></p>
        </form>
        {{#csvLink}}<p><a href="{{csvLink}}">{{t.auditExportCSV}}</a></p>{{/csvLink}}
        {{#unknownPatient}}<p class="error" role="alert">{{t.auditUnknownPatient}}</p>{{/unknownPatient}}
        {{#searched}}<div class="table"><table>
        <thead><tr><th>{{t.auditTime}}</th><th>{{t.auditAccount}}</th><th>{{t.auditPatient}}</th>\
        <th>{{t.auditAction}}</th><th>{{t.auditKind}}</th><th>{{t.auditAccess}}</th></tr></thead>
        <tbody>
        {{#rows}}<tr><td>{{time}}</td><td>{{account}}</td><td>{{#patients}}{{number}} {{name}}<br>{{/patients}}</td>\
        <td>{{action}}</td><td>{{kind}}</td><td>{{#breakGlass}}<strong class="flag">{{access}}</strong>{{/breakGlass}}\
        {{^breakGlass}}{{access}}{{/breakGlass}}</td></tr>
        {{/rows}}
        </tbody>
        </table></div>
        {{^rows}}<p>{{t.nothingHere}}</p>{{/rows}}{{/searched}}
        <p>{{#newestLink}}<a href="{{newestLink}}">{{t.auditNewest}}</a> {{/newestLink}}\
        {{#nextLink}}<a href="{{nextLink}}">{{t.auditNext}}</a>{{/nextLink}}</p>
        {{/main}}{{/content}}{{/layout}}
        """
}
