extension PageTemplates {
    /// The templates of the checklist pages and the registries by name.
    static var complianceTemplates: [String: String] {
        [
            "compliance": complianceOverview, "checklist": checklist, "registry": registry,
            "registry-field": registryField,
        ]
    }

    /// The checklists with their counts, and the registries with their sizes.
    static let complianceOverview = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{t.complianceIntro}}</p>
        <div class="table"><table id="checklists">
        <thead><tr><th scope="col">{{t.checklistColumn}}</th><th scope="col">{{t.itemStatus}}</th></tr></thead>
        <tbody>{{#checklists}}<tr><td><a href="{{link}}">{{title}}</a> ({{edition}})</td><td>{{counts}}</td></tr>\
        {{/checklists}}</tbody>
        </table></div>
        <h2>{{t.registriesHeading}}</h2>
        <div class="table"><table id="registries">
        <thead><tr><th scope="col">{{t.titleRegistry}}</th><th scope="col">{{t.entriesColumn}}</th></tr></thead>
        <tbody>{{#registries}}<tr><td><a href="{{link}}">{{name}}</a></td><td>{{entries}}</td></tr>{{/registries}}</tbody>
        </table></div>
        {{/main}}{{/content}}{{/layout}}
        """

    /// One checklist: every item with its status, evidence and answer form.
    static let checklist = """
        {{<layout}}{{$content}}{{#main}}
        <h2>{{heading}}</h2>
        <p>{{asOf}} · {{counts}}</p>
        {{#reportAction}}<form method="post" action="{{reportAction}}"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <button type="submit">{{t.printReport}}</button></form><p>{{t.printReportNote}}</p>{{/reportAction}}
        <div class="table"><table id="items">
        <thead><tr><th scope="col">{{t.itemNumber}}</th><th scope="col">{{t.itemTitle}}</th>\
        <th scope="col">{{t.itemStatus}}</th><th scope="col">{{t.itemAnswer}}</th></tr></thead>
        <tbody>{{#rows}}<tr id="item-{{id}}" class="status-{{statusWord}}"><td>{{number}}</td><td>{{title}}\
        {{#requirements}} <small>[{{requirements}}]</small>{{/requirements}}\
        {{#lines.0}}<ul class="evidence">{{#lines}}<li>{{.}}</li>{{/lines}}</ul>{{/lines.0}}\
        {{#source}}<div><small>{{t.sourceNote}}: {{source}}</small></div>{{/source}}</td>\
        <td><strong>{{status}}</strong></td><td>{{#answer}}{{answer}}<br>{{/answer}}\
        {{#files}}<a href="{{link}}">{{name}}</a><br>{{/files}}\
        {{#answerAction}}<details><summary>{{t.itemAnswer}}</summary>\
        <form method="post" action="{{answerAction}}"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <input type="hidden" name="item" value="{{id}}">\
        <label><input type="radio" name="answer" value="yes" required> {{t.answerYes}}</label> \
        <label><input type="radio" name="answer" value="no"> {{t.answerNo}}</label>\
        <label>{{t.confirmedOn}} <input type="date" name="confirmedOn" value="{{today}}" required></label>\
        <label>{{t.targetOn}} <input type="date" name="targetOn"></label>\
        <label>{{t.answerComment}} <textarea name="comment" maxlength="2000" rows="2"></textarea></label>\
        <button type="submit">{{t.saveAnswer}}</button></form></details>{{/answerAction}}</td></tr>{{/rows}}</tbody>
        </table></div>
        {{/main}}{{/content}}{{/layout}}
        """

    /// One registry: its entries, each with a change form, and the add form.
    static let registry = """
        {{<layout}}{{$content}}{{#main}}
        <h2>{{heading}}</h2>
        {{^entries}}<p>{{t.nothingHere}}</p>{{/entries}}
        {{#entries}}<section class="entry" id="entry-{{id}}"><h3>{{title}} <small>{{t.entryVersion}} {{version}} · \
        {{recordedAt}}</small></h3>
        <dl>{{#values}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/values}}</dl>
        {{#deadlines}}<p><strong>{{t.deadlines}}</strong>: {{t.preliminaryReport}} {{preliminary}} · \
        {{t.finalReport}} {{final}}</p>{{/deadlines}}
        {{#changeAction}}<details><summary>{{t.editEntry}}</summary>\
        <form method="post" action="{{changeAction}}"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <input type="hidden" name="entry" value="{{id}}"><input type="hidden" name="version" value="{{version}}">\
        {{#fields}}{{>registry-field}}{{/fields}}<button type="submit">{{t.changeEntry}}</button></form>\
        <form method="post" action="{{withdrawAction}}"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <input type="hidden" name="entry" value="{{id}}"><input type="hidden" name="version" value="{{version}}">\
        <button type="submit">{{t.withdrawEntry}}</button></form></details>{{/changeAction}}
        </section>{{/entries}}
        {{#seenDevices.0}}<h3>{{t.devicesSeen}}</h3><p>{{t.devicesSeenNote}}</p>\
        <ul>{{#seenDevices}}<li>{{.}}</li>{{/seenDevices}}</ul>{{/seenDevices.0}}
        {{#addAction}}<h3>{{t.addEntry}}</h3><form method="post" action="{{addAction}}" id="add-entry">\
        <input type="hidden" name="_csrf" value="{{csrf}}">{{#blank}}{{>registry-field}}{{/blank}}\
        <button type="submit">{{t.addEntry}}</button></form>{{/addAction}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// One field of a registry form, by its kind.
    static let registryField = """
        <label>{{label}}{{#required}} *{{/required}} \
        {{#isText}}<input type="text" name="v[{{key}}]" value="{{value}}" maxlength="{{maxLength}}"\
        {{#required}} required{{/required}}>{{/isText}}\
        {{#isDate}}<input type="date" name="v[{{key}}]" value="{{value}}"{{#required}} required{{/required}}>{{/isDate}}\
        {{#isDateTime}}<input type="datetime-local" name="v[{{key}}]" value="{{value}}"\
        {{#required}} required{{/required}}>{{/isDateTime}}\
        {{#isCount}}<input type="number" min="0" name="v[{{key}}]" value="{{value}}">{{/isCount}}\
        {{#isFlag}}<input type="checkbox" name="v[{{key}}]" value="true"{{#checked}} checked{{/checked}}>{{/isFlag}}\
        {{#isChoice}}<select name="v[{{key}}]"{{#required}} required{{/required}}><option value=""></option>\
        {{#choices}}<option value="{{word}}"{{#selected}} selected{{/selected}}>{{word}}</option>{{/choices}}\
        </select>{{/isChoice}}</label>
        """
}
