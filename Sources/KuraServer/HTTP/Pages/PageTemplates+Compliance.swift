extension PageTemplates {
    /// The templates of the checklist pages and the registries by name.
    static var complianceTemplates: [String: String] {
        [
            "compliance": complianceOverview, "checklist": checklist, "registry": registry,
            "registry-field": registryField, "access-reviews": accessReviews, "patient-flags": patientFlags,
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
        {{#reviewsLink}}<p><a href="{{reviewsLink}}">{{t.titleAccessReviews}}</a></p>{{/reviewsLink}}
        {{#flagsLink}}<p><a href="{{flagsLink}}">{{t.titlePatientFlags}}</a></p>{{/flagsLink}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// One checklist: every item with its status, evidence and answer form.
    static let checklist = """
        {{<layout}}{{$content}}{{#main}}
        <h2>{{heading}}</h2>
        <p>{{asOf}} · {{counts}}</p>
        {{#reportAction}}<form method="post" action="{{reportAction}}"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <button type="submit">{{t.printReport}}</button></form><p>{{t.printReportNote}}</p>{{/reportAction}}
        <h3>{{t.evidenceHeading}}</h3>
        <ul id="evidence-files">{{#evidenceFiles}}<li><a href="{{link}}">{{name}}</a></li>{{/evidenceFiles}}</ul>
        {{#uploadAction}}<p>{{t.evidenceIntro}}</p><form method="post" action="{{uploadAction}}" \
        enctype="multipart/form-data" id="evidence-upload"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <input type="hidden" name="checklist" value="{{checklistID}}">\
        <label>{{t.evidenceFile}} <input type="file" name="file" id="evidence-file" \
        accept="application/pdf,image/jpeg,image/png" required></label>\
        <button type="submit">{{t.evidenceUpload}}</button></form>{{/uploadAction}}
        <div class="table"><table id="items">
        <thead><tr><th scope="col" class="nowrap">{{t.itemNumber}}</th><th scope="col">{{t.itemTitle}}</th>\
        <th scope="col" class="nowrap">{{t.itemStatus}}</th><th scope="col" class="nowrap">{{t.itemAnswer}}</th></tr></thead>
        <tbody>{{#rows}}<tr id="item-{{id}}" class="status-{{statusWord}}"><td class="nowrap">{{number}}</td><td>{{title}}\
        {{#requirements}} <small>[{{requirements}}]</small>{{/requirements}}\
        {{#hasLines}}<ul class="evidence">{{#lines}}<li>{{.}}</li>{{/lines}}</ul>{{/hasLines}}\
        {{#source}}<div><small>{{t.sourceNote}}: {{source}}</small></div>{{/source}}</td>\
        <td class="nowrap"><strong>{{status}}</strong></td><td>{{#answer}}{{answer}}<br>{{/answer}}\
        {{#files}}<a href="{{link}}">{{name}}</a><br>{{/files}}\
        {{#answerAction}}<details><summary class="nowrap">{{t.itemAnswer}}</summary>\
        <form method="post" action="{{answerAction}}"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <input type="hidden" name="item" value="{{id}}">\
        <label><input type="radio" name="answer" value="yes" required> {{t.answerYes}}</label> \
        <label><input type="radio" name="answer" value="no"> {{t.answerNo}}</label>\
        <label>{{t.confirmedOn}} <input type="date" name="confirmedOn" value="{{today}}" required></label>\
        <label>{{t.targetOn}} <input type="date" name="targetOn"></label>\
        <label>{{t.answerComment}} <textarea name="comment" maxlength="2000" rows="2"></textarea></label>\
        {{#hasEvidenceFiles}}<fieldset><legend>{{t.evidenceCite}}</legend>\
        {{#evidenceFiles}}<label><input type="checkbox" name="evidence[]" value="{{id}}"> {{name}}</label> \
        {{/evidenceFiles}}</fieldset>{{/hasEvidenceFiles}}\
        <button type="submit">{{t.saveAnswer}}</button></form></details>{{/answerAction}}</td></tr>{{/rows}}</tbody>
        </table></div>
        {{/main}}{{/content}}{{/layout}}
        """

    /// One registry: its entries, each with a change form, and the add form.
    static let registry = """
        {{<layout}}{{$content}}{{#main}}
        <h2>{{heading}}</h2>
        {{^entries}}<p>{{t.nothingHere}}</p>{{/entries}}
        {{#entries}}<section class="entry" id="entry-{{id}}"><h3>{{title}} \
        {{#overdue}}<span class="badge warn">{{t.reviewOverdue}}</span> {{/overdue}}<small>{{t.entryVersion}} {{version}} · \
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
        {{#hasSeenDevices}}<h3>{{t.devicesSeen}}</h3><p>{{t.devicesSeenNote}}</p>\
        <ul>{{#seenDevices}}<li>{{.}}</li>{{/seenDevices}}</ul>{{/hasSeenDevices}}
        {{#addAction}}<h3>{{t.addEntry}}</h3><form method="post" action="{{addAction}}" id="add-entry">\
        <input type="hidden" name="_csrf" value="{{csrf}}">{{#blank}}{{>registry-field}}{{/blank}}\
        <button type="submit">{{t.addEntry}}</button></form>{{/addAction}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// One field of a registry form, by its kind.
    static let registryField = """
        <label>{{label}}{{#required}} *{{/required}} \
        {{#isText}}<input type="text" id="{{form}}-{{key}}" name="v[{{key}}]" value="{{value}}" maxlength="{{maxLength}}"\
        {{#required}} required{{/required}}>{{/isText}}\
        {{#isDate}}<input type="date" id="{{form}}-{{key}}" name="v[{{key}}]" value="{{value}}"{{#required}} required{{/required}}>{{/isDate}}\
        {{#isDateTime}}<input type="datetime-local" id="{{form}}-{{key}}" name="v[{{key}}]" value="{{value}}"\
        {{#required}} required{{/required}}>{{/isDateTime}}\
        {{#isCount}}<input type="number" min="0" id="{{form}}-{{key}}" name="v[{{key}}]" value="{{value}}">{{/isCount}}\
        {{#isFlag}}<input type="checkbox" id="{{form}}-{{key}}" name="v[{{key}}]" value="true"{{#checked}} checked{{/checked}}>{{/isFlag}}\
        {{#isChoice}}<select id="{{form}}-{{key}}" name="v[{{key}}]"{{#required}} required{{/required}}><option value=""></option>\
        {{#choices}}<option value="{{word}}"{{#selected}} selected{{/selected}}>{{word}}</option>{{/choices}}\
        </select>{{/isChoice}}</label>
        """

    /// The access-log reviews: the chooser, the findings, the sign-off form and the sign-offs.
    static let accessReviews = """
        {{<layout}}{{$content}}{{#main}}
        <form method="get" action="/compliance/reviews" id="review-chooser">
        <label>{{t.reviewTask}} <select name="task" id="review-task" required>{{#tasks}}<option value="{{word}}"\
        {{#selected}} selected{{/selected}}>{{label}}</option>{{/tasks}}</select></label>
        <label>{{t.reviewFrom}} <input type="date" name="from" value="{{from}}"></label>
        <label>{{t.reviewUntil}} <input type="date" name="until" value="{{until}}"></label>
        <button type="submit">{{t.runReview}}</button></form>
        {{#summary}}<p id="review-summary">{{summary}}</p>{{/summary}}
        {{#hasFindings}}<div class="table"><table id="findings">
        <thead><tr><th scope="col">{{t.reviewWho}}</th><th scope="col">{{t.reviewDate}}</th>\
        <th scope="col">{{t.reviewTimes}}</th><th scope="col">{{t.reviewPatients}}</th>\
        <th scope="col">{{t.reviewActions}}</th></tr></thead>
        <tbody>{{#findings}}<tr><td>{{who}}</td><td>{{date}}</td><td>{{times}}</td><td>{{#patients}}\
        <a href="{{link}}">{{id}}</a> {{/patients}}{{#flag}}<small>({{flag}})</small>{{/flag}}</td>\
        <td>{{actions}}</td></tr>{{/findings}}</tbody>
        </table></div>{{/hasFindings}}
        {{#signOffAction}}<form method="post" action="{{signOffAction}}" id="sign-off">\
        <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="task" value="{{chosen}}">\
        <input type="hidden" name="from" value="{{from}}"><input type="hidden" name="until" value="{{until}}">\
        <input type="hidden" name="findings" value="{{findingCount}}">\
        <label>{{t.signOffComment}} <textarea name="comment" id="sign-off-comment" maxlength="2000" rows="3" required></textarea></label>\
        <button type="submit">{{t.signOff}}</button></form>{{/signOffAction}}
        <h2>{{t.signOffsHeading}}</h2>
        {{^signOffs}}<p>{{t.nothingHere}}</p>{{/signOffs}}
        {{#hasSignOffs}}<div class="table"><table id="sign-offs">
        <thead><tr><th scope="col">{{t.reviewTask}}</th><th scope="col">{{t.period}}</th>\
        <th scope="col">{{t.reviewFindings}}</th><th scope="col">{{t.signOffComment}}</th>\
        <th scope="col">{{t.reviewer}}</th><th scope="col">{{t.signedAt}}</th></tr></thead>
        <tbody>{{#signOffs}}<tr><td>{{task}}</td><td>{{period}}</td><td>{{findings}}</td><td>{{comment}}</td>\
        <td>{{reviewer}}</td><td>{{signedAt}}</td></tr>{{/signOffs}}</tbody>
        </table></div>{{/hasSignOffs}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// The flagged patients and the flag form.
    static let patientFlags = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{t.flagsIntro}}</p>
        {{^flags}}<p>{{t.nothingHere}}</p>{{/flags}}
        {{#hasFlags}}<div class="table"><table id="flags">
        <thead><tr><th scope="col">{{t.flagPatient}}</th><th scope="col">{{t.flagKind}}</th>\
        <th scope="col">{{t.flagNote}}</th><th scope="col">{{t.flagSince}}</th></tr></thead>
        <tbody>{{#flags}}<tr><td><a href="{{link}}">{{patient}}</a></td><td>{{kind}}</td><td>{{note}}</td>\
        <td>{{since}}</td></tr>{{/flags}}</tbody>
        </table></div>{{/hasFlags}}
        {{#action}}<form method="post" action="{{action}}" id="flag-form"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <label>{{t.flagPatient}} <input type="text" name="patient" maxlength="64" required></label>\
        <label>{{t.flagKind}} <select name="kind">{{#kinds}}<option value="{{word}}">{{label}}</option>{{/kinds}}</select></label>\
        <label>{{t.flagNote}} <input type="text" name="note" maxlength="500"></label>\
        <button type="submit">{{t.flagSave}}</button> \
        <button type="submit" name="clear" value="true">{{t.flagClear}}</button></form>{{/action}}
        {{/main}}{{/content}}{{/layout}}
        """
}
