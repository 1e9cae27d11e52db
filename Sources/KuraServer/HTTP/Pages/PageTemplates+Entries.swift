extension PageTemplates {
    /// The templates of the entry pages by name.
    static var entryTemplates: [String: String] {
        ["entry-editor": entryEditor, "entry": entry, "approvals": approvals]
    }

    /// The patient an entry page is about (REC-1: never the wrong chart), inside `{{#patient}}`.
    static let entryPatient = """
        <p class="patient">{{t.entryPatient}}: <strong>{{name}}</strong>（{{kana}}）・ {{t.patientNumber}}: \
        {{number}} ・ {{t.birthDate}}: {{birthDate}} ・ <a href="{{chartLink}}">{{t.entryBackToChart}}</a></p>
        """

    /// The fields of a version as a definition list, inside a section of `fields`.
    static let entryFields = """
        <dl>{{#fields}}<dt>{{label}}</dt><dd>{{text}}</dd>{{/fields}}</dl>
        """

    /// The entry editor (new, draft, amendment): a GET form to switch the kind without
    /// JavaScript, then one POST form with every field labelled, SOAP in text areas.
    static let entryEditor = """
        {{<layout}}{{$content}}{{#main}}
        {{#patient}}\(entryPatient){{/patient}}
        {{#kindChoice}}<form method="get" action="{{action}}">
        <label for="kind-choice">{{t.entryKind}}</label>
        <select id="kind-choice" name="kind">{{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>\
        {{label}}</option>{{/kinds}}</select>
        <button type="submit">{{t.entryChooseKind}}</button>
        <p class="hint">{{t.entryKindHint}}</p>
        </form>{{/kindChoice}}
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="kind" value="{{kind}}">
        {{#revision}}<input type="hidden" name="revision" value="{{revision}}">{{/revision}}
        <h2>{{kindName}}</h2>
        {{#careAtShown}}<p>{{t.careAt}}: {{careAtShown}}</p>{{/careAtShown}}
        {{#careTime}}<label for="careAt">{{label}}{{#required}} {{t.entryRequired}}{{/required}}</label>
        <input id="careAt" name="careAt" type="datetime-local" value="{{value}}"{{#required}} required{{/required}}>
        {{#hint}}<p class="hint">{{hint}}</p>{{/hint}}{{/careTime}}
        {{#visitEnd}}<label for="visitEnd">{{label}}</label>
        <input id="visitEnd" name="visitEnd" type="datetime-local" value="{{value}}">{{/visitEnd}}
        {{#fields}}<label for="field-{{name}}">{{label}}{{#required}} {{t.entryRequired}}{{/required}}</label>
        {{#multiline}}<textarea id="field-{{name}}" name="{{name}}" rows="5" maxlength="20000"\
        {{#required}} required{{/required}}>{{text}}</textarea>{{/multiline}}\
        {{^multiline}}<input id="field-{{name}}" name="{{name}}" type="text" maxlength="20000" value="{{text}}"\
        {{#required}} required{{/required}}>{{/multiline}}
        {{/fields}}
        {{#proxy}}<label for="onBehalfOf">{{t.entryProxyPhysician}}{{#required}} {{t.entryRequired}}{{/required}}\
        </label>
        <select id="onBehalfOf" name="onBehalfOf"{{#required}} required{{/required}}>\
        {{#required}}<option value="">{{t.entryChoosePhysician}}</option>{{/required}}\
        {{^required}}<option value="">{{t.entryNoProxy}}</option>{{/required}}\
        {{#physicians}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/physicians}}\
        </select>
        <p class="hint">{{t.entryProxyHint}}</p>{{/proxy}}
        {{#reasonField}}<p class="hint">{{t.entryAmendHint}}</p>
        <label for="reason">{{t.entryAmendReason}}</label>
        <textarea id="reason" name="reason" rows="3" maxlength="2000" required>{{text}}</textarea>{{/reasonField}}
        <p><button type="submit" name="submit" value="save">{{saveLabel}}</button>\
        {{#canFinalize}}<button type="submit" name="submit" value="finalize">{{t.entryFinalize}}</button>\
        {{/canFinalize}}</p>
        </form>
        {{/main}}{{/content}}{{/layout}}
        """

    /// One entry: who wrote, finalized or is to approve it, both times of a back entry, the
    /// actions its state allows, and every version with the reason of each change (REC-2).
    static let entry = """
        {{<layout}}{{$content}}{{#main}}
        {{#patient}}\(entryPatient){{/patient}}
        {{#breakGlass}}<p class="flag">{{t.breakGlassAccess}}</p>{{/breakGlass}}
        <article class="entry">
        <h2{{#struck}} class="struck"{{/struck}}>{{kindName}} — {{state}}</h2>
        <dl>
        <dt>{{t.author}}</dt><dd>{{author}}</dd>
        {{#onBehalfOf}}<dt>{{t.onBehalfOf}}</dt><dd>{{onBehalfOf}}</dd>{{/onBehalfOf}}
        {{#finalized}}<dt>{{t.finalizedBy}}</dt><dd>{{finalized}}</dd>{{/finalized}}
        <dt>{{t.entryCreatedAt}}</dt><dd>{{createdAt}}</dd>
        {{#careAt}}<dt>{{t.careAt}}</dt><dd>{{careAt}}</dd>{{/careAt}}
        {{#visitEnded}}<dt>{{t.entryVisitEnded}}</dt><dd>{{visitEnded}}</dd>{{/visitEnded}}
        </dl>
        {{#unsigned}}<p class="flag">{{t.unsignedPrintAndSeal}}</p>{{/unsigned}}
        <section class="version">\(entryFields)</section>
        {{#editLink}}<p><a href="{{editLink}}">{{t.entryEdit}}</a></p>{{/editLink}}
        {{#finalizeAction}}<form method="post" action="{{finalizeAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="revision" value="{{revision}}">
        <button type="submit">{{t.entryFinalize}}</button></form>{{/finalizeAction}}
        {{#amendLink}}<p><a href="{{amendLink}}">{{t.entryAmend}}</a></p>{{/amendLink}}
        {{#approveAction}}<form method="post" action="{{approveAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="revision" value="{{revision}}">
        <button type="submit">{{t.entryApprove}}</button></form>{{/approveAction}}
        {{#rejectAction}}<form method="post" action="{{rejectAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="revision" value="{{revision}}">
        <label for="reject-reason">{{t.entryRejectReason}}</label>
        <textarea id="reject-reason" name="reason" rows="2" maxlength="2000" required>{{typedReason}}</textarea>
        <button type="submit">{{t.entryReject}}</button></form>{{/rejectAction}}
        {{#errorAction}}<form method="post" action="{{errorAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="revision" value="{{revision}}">
        <label for="error-reason">{{t.entryErrorReason}}</label>
        <textarea id="error-reason" name="reason" rows="2" maxlength="2000" required>{{typedReason}}</textarea>
        <button type="submit">{{t.entryMarkError}}</button></form>{{/errorAction}}
        </article>
        <section aria-labelledby="versions">
        <h2 id="versions">{{t.entryVersions}}</h2>
        {{#versions}}<section class="version" id="version-{{version}}">
        <h3>{{t.version}} {{version}} — {{state}} — {{recordedAt}} — {{author}}</h3>
        {{#reason}}<p><strong>{{t.reason}}:</strong> {{reason}}</p>{{/reason}}
        \(entryFields)</section>{{/versions}}
        </section>
        {{/main}}{{/content}}{{/layout}}
        """

    /// A physician's approval queue (ACC-6): each proxy entry with its patient and content,
    /// approved, or rejected with a reason.
    static let approvals = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{t.entryApprovalsIntro}}</p>
        {{^rows}}<p>{{t.entryNoApprovals}}</p>{{/rows}}
        {{#rows}}<article class="entry" id="approval-{{id}}">
        {{#patient}}\(entryPatient){{/patient}}
        <h2>{{kindName}}</h2>
        <p>{{t.author}}: {{author}} ・ {{t.entryCreatedAt}}: {{createdAt}}{{#careAt}} ・ {{t.careAt}}: {{careAt}}\
        {{/careAt}} ・ <a href="{{entryLink}}">{{t.entryOpen}}</a></p>
        <section class="version">\(entryFields)</section>
        <form method="post" action="{{approveAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="revision" value="{{revision}}">
        <button type="submit">{{t.entryApprove}}</button></form>
        <form method="post" action="{{rejectAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="revision" value="{{revision}}">
        <label for="reject-reason-{{id}}">{{t.entryRejectReason}}</label>
        <textarea id="reject-reason-{{id}}" name="reason" rows="2" maxlength="2000" required>{{typedReason}}</textarea>
        <button type="submit">{{t.entryReject}}</button></form>
        </article>{{/rows}}
        {{/main}}{{/content}}{{/layout}}
        """
}
