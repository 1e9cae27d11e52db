extension PageTemplates {
    /// The templates of the patient pages by name (the chart's attachment partial and the print
    /// view among them).
    static var patientTemplates: [String: String] {
        [
            "patients": patients, "patient-table": patientTable, "patient-new": newPatient,
            "patient-edit": editPatient, "patient-fields": patientFields, "patient-lists": patientLists,
            "break-glass": breakGlass, "print-chart": printChart, "chart-attachment": chartAttachment,
        ]
    }

    /// My care-team patients, or the search results, and the search form (a POST).
    static let patients = """
        {{<layout}}{{$content}}{{#main}}
        {{#newPatientLink}}<p><a href="{{newPatientLink}}">{{t.registerPatientLink}}</a></p>{{/newPatientLink}}
        <section aria-labelledby="search-heading">
        <h2 id="search-heading">{{t.patientSearch}}</h2>
        <form method="post" action="{{searchAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="search-by">{{t.searchBy}}</label>
        <select id="search-by" name="by">{{#criteria}}<option value="{{value}}"{{#selected}} selected{{/selected}}>\
        {{label}}</option>{{/criteria}}</select>
        <label for="search-query">{{t.searchQuery}}</label>
        <input id="search-query" name="query" type="text" required maxlength="100" autocomplete="off" \
        aria-describedby="search-hint" value="{{query}}">
        <p class="hint" id="search-hint">{{t.searchHint}}</p>
        <p><button type="submit">{{t.searchButton}}</button></p>
        </form>
        </section>
        {{#results}}<section aria-labelledby="results-heading"><h2 id="results-heading">{{t.searchResults}}</h2>
        {{>patient-table}}</section>{{/results}}
        {{#resultsEmpty}}<p id="no-results">{{t.noPatientsFound}}</p>{{/resultsEmpty}}
        {{#mine}}<section aria-labelledby="mine-heading"><h2 id="mine-heading">{{t.myPatients}}</h2>
        {{>patient-table}}</section>{{/mine}}
        {{#mineEmpty}}<p>{{t.noMyPatients}}</p>{{/mineEmpty}}
        {{#mineCut}}<p class="hint">{{t.myPatientsCut}}</p>{{/mineCut}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// Patients as a table, each name linking to the chart.
    static let patientTable = """
        <div class="table"><table>
        <thead><tr><th scope="col">{{t.patientNumber}}</th><th scope="col">{{t.patientNameLabel}}</th>\
        <th scope="col">{{t.kanaLabel}}</th><th scope="col">{{t.birthDate}}</th><th scope="col">{{t.sex}}</th></tr>\
        </thead>
        <tbody>
        {{#rows}}<tr><td>{{patientNumber}}</td><td><a href="{{chartLink}}">{{name}}</a></td><td>{{kana}}</td>\
        <td>{{birthDate}}（{{age}}{{t.yearsOld}}）</td><td>{{sex}}</td></tr>
        {{/rows}}
        </tbody>
        </table></div>
        """

    /// The demographics fields, shared by registration and the edit form.
    static let patientFields = """
        <label for="patientNumber">{{t.patientNumber}}</label>
        <input id="patientNumber" name="patientNumber" type="text" required maxlength="20" autocomplete="off" \
        aria-describedby="patientNumber-hint" value="{{patientNumber}}">
        <p class="hint" id="patientNumber-hint">{{t.patientNumberHint}}</p>
        <label for="name">{{t.patientNameLabel}}</label>
        <input id="name" name="name" type="text" required maxlength="100" autocomplete="off" value="{{name}}">
        <label for="kana">{{t.kanaLabel}}</label>
        <input id="kana" name="kana" type="text" required maxlength="100" autocomplete="off" \
        aria-describedby="kana-hint" value="{{kana}}">
        <p class="hint" id="kana-hint">{{t.kanaHint}}</p>
        <label for="birthDate">{{t.birthDate}}</label>
        <input id="birthDate" name="birthDate" type="date" required min="1850-01-01" max="2200-12-31" \
        value="{{birthDate}}">
        <label for="sex">{{t.sex}}</label>
        <select id="sex" name="sex" required><option value="">{{t.chooseSex}}</option>{{#sexes}}\
        <option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sexes}}</select>
        <label for="address">{{t.address}}</label>
        <input id="address" name="address" type="text" maxlength="300" autocomplete="off" value="{{address}}">
        <label for="phone">{{t.phone}}</label>
        <input id="phone" name="phone" type="tel" maxlength="30" autocomplete="off" aria-describedby="phone-hint" \
        value="{{phone}}">
        <p class="hint" id="phone-hint">{{t.phoneHint}}</p>
        <fieldset><legend>{{t.insuranceSection}}</legend>
        <label for="insurerNumber">{{t.insurerNumber}}</label>
        <input id="insurerNumber" name="insurerNumber" type="text" inputmode="numeric" maxlength="8" \
        autocomplete="off" aria-describedby="insurerNumber-hint" value="{{insurerNumber}}">
        <p class="hint" id="insurerNumber-hint">{{t.insurerNumberHint}}</p>
        <label for="insuranceSymbol">{{t.insuranceSymbol}}</label>
        <input id="insuranceSymbol" name="insuranceSymbol" type="text" maxlength="40" autocomplete="off" \
        value="{{insuranceSymbol}}">
        <label for="insuranceNumber">{{t.insuranceNumber}}</label>
        <input id="insuranceNumber" name="insuranceNumber" type="text" maxlength="40" autocomplete="off" \
        value="{{insuranceNumber}}">
        </fieldset>
        <label for="careStartedOn">{{t.careStartedOn}}</label>
        <input id="careStartedOn" name="careStartedOn" type="date" value="{{careStartedOn}}">
        <label for="careEndedOn">{{t.careEndedOn}}</label>
        <input id="careEndedOn" name="careEndedOn" type="date" value="{{careEndedOn}}">
        """

    /// Registration (REC-1): the likely-duplicate warning first, when registration found one.
    static let newPatient = """
        {{<layout}}{{$content}}{{#main}}
        {{#duplicates}}<div class="error" role="alert" id="duplicate-warning">
        <p>{{t.duplicateWarning}} <strong id="duplicate-count">{{count}}</strong></p>
        <ul>{{#visible}}<li><a href="{{chartLink}}">{{patientNumber}} {{name}}（{{kana}}）{{birthDate}}</a></li>\
        {{/visible}}</ul>
        {{#hidden}}<p>{{hidden}} {{t.duplicateHidden}}</p>{{/hidden}}
        </div>{{/duplicates}}
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        {{#fields}}{{>patient-fields}}{{/fields}}
        <fieldset><legend>{{t.careTeam}}</legend><p class="hint">{{t.careTeamHint}}</p>
        {{#careTeamOptions}}<div><input type="checkbox" id="team-{{value}}" name="careTeam[]" value="{{value}}"\
        {{#selected}} checked{{/selected}}><label class="check" for="team-{{value}}">{{label}}</label></div>
        {{/careTeamOptions}}</fieldset>
        <p><button type="submit">{{t.registerButton}}</button>{{#duplicates}} <button type="submit" \
        name="confirmDuplicate" value="yes">{{t.duplicateConfirm}}</button>{{/duplicates}}</p>
        </form>
        {{/main}}{{/content}}{{/layout}}
        """

    /// The demographics form of one patient, and its care team with add and remove.
    static let editPatient = """
        {{<layout}}{{$content}}{{#main}}
        <p><a href="{{chartLink}}">{{t.backToChart}}</a></p>
        <h2>{{heading}}</h2>
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="revision" value="{{revision}}">
        {{#fields}}{{>patient-fields}}{{/fields}}
        <p><button type="submit">{{t.saveDemographics}}</button></p>
        </form>
        <section aria-labelledby="care-team-heading">
        <h2 id="care-team-heading">{{t.careTeam}}</h2>
        <h3>{{t.careTeamMembers}}</h3>
        <ul id="care-team">{{#members}}<li>{{label}}{{#isViewer}} {{t.removeSelfHint}}{{/isViewer}} \
        <form class="inline" method="post" action="{{careTeamAction}}"><input type="hidden" name="_csrf" \
        value="{{csrf}}"><input type="hidden" name="account" value="{{account}}"><button type="submit" name="change" \
        value="remove" aria-label="{{t.removeMember}}: {{label}}">{{t.removeMember}}</button></form></li>
        {{/members}}</ul>
        <h3>{{t.addMember}}</h3>
        {{^hasAddOptions}}<p>{{t.nobodyToAdd}}</p>{{/hasAddOptions}}
        {{#hasAddOptions}}<form method="post" action="{{careTeamAction}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="add-account">{{t.addMemberLabel}}</label>
        <select id="add-account" name="account">{{#addOptions}}<option value="{{value}}">{{label}}</option>\
        {{/addOptions}}</select>
        <p><button type="submit" name="change" value="add">{{t.addMember}}</button></p>
        </form>{{/hasAddOptions}}
        </section>
        {{/main}}{{/content}}{{/layout}}
        """

    /// The structured lists, each its own form; a blank row removes its item.
    static let patientLists = """
        {{<layout}}{{$content}}{{#main}}
        <p><a href="{{chartLink}}">{{t.backToChart}}</a></p>
        <h2>{{heading}}</h2>
        <p class="hint">{{t.listsHint}}</p>
        {{#lists}}<section aria-labelledby="list-{{kind}}">
        <h2 id="list-{{kind}}">{{title}}</h2>
        {{#updated}}<p class="hint">{{t.listUpdated}} {{updated}}</p>{{/updated}}
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <input type="hidden" name="kind" value="{{kind}}">
        <input type="hidden" name="revision" value="{{revision}}">
        <div class="table"><table>
        <thead><tr><th scope="col">{{t.listItemNumber}}</th><th scope="col" id="{{kind}}-h-text">{{t.listItemText}}\
        </th><th scope="col" id="{{kind}}-h-note">{{t.listItemNote}}</th><th scope="col" id="{{kind}}-h-since">\
        {{t.listItemSince}}</th></tr></thead>
        <tbody>
        {{#rows}}<tr><th scope="row" id="{{kind}}-r-{{index}}">{{number}}</th>\
        <td><input type="text" name="text-{{index}}" maxlength="500" value="{{text}}" \
        aria-labelledby="{{kind}}-h-text {{kind}}-r-{{index}}"></td>\
        <td><input type="text" name="note-{{index}}" maxlength="500" value="{{note}}" \
        aria-labelledby="{{kind}}-h-note {{kind}}-r-{{index}}"></td>\
        <td><input type="date" name="since-{{index}}" value="{{since}}" \
        aria-labelledby="{{kind}}-h-since {{kind}}-r-{{index}}"></td></tr>
        {{/rows}}
        </tbody>
        </table></div>
        <p><button type="submit">{{t.listSave}}</button></p>
        </form>
        </section>{{/lists}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// Break-glass (ACC-7): the reason and the password; the patient is not named.
    static let breakGlass = """
        {{<layout}}{{$content}}{{#main}}
        <p>{{t.breakGlassIntro}}</p>
        <p class="flag">{{t.breakGlassRules}} {{minutes}}</p>
        <form method="post" action="{{action}}">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label for="reason">{{t.breakGlassReason}}</label>
        <textarea id="reason" name="reason" required minlength="4" maxlength="500" rows="4">{{reason}}</textarea>
        <label for="password">{{t.breakGlassPassword}}</label>
        <input id="password" name="password" type="password" required autocomplete="current-password">
        <p><button type="submit">{{t.breakGlassOpen}}</button></p>
        </form>
        <p><a href="{{patientsLink}}">{{t.backToPatients}}</a></p>
        {{/main}}{{/content}}{{/layout}}
        """

    /// The print view (REC-3) on A4: a table whose header row, the patient's name and number,
    /// browsers repeat at the top of every printed page; every version marked with its number,
    /// state, time, author and reason.
    static let printChart = """
        {{<layout}}{{$content}}{{#main}}
        <p class="screen-only"><a href="{{chartLink}}">{{t.backToChart}}</a></p>
        <table class="print-sheet">
        <thead><tr><th id="print-header">{{name}}（{{kana}}）・ {{t.patientNumber}}: {{patientNumber}} ・ \
        {{t.birthDate}}: {{birthDate}} ・ {{t.printedAt}}: {{printedAt}}</th></tr></thead>
        <tbody>
        <tr><td><section aria-labelledby="patient-name">
        <h2 id="patient-name">{{name}}（{{kana}}）</h2>
        <p>{{t.patientNumber}}: {{patientNumber}} ・ {{t.birthDate}}: {{birthDate}}（{{age}}{{t.yearsOld}}）・ \
        {{t.sex}}: {{sex}}</p>
        {{#address}}<p>{{t.address}}: {{address}}</p>{{/address}}{{#phone}}<p>{{t.phone}}: {{phone}}</p>{{/phone}}
        {{#merged}}<p class="flag">{{t.mergedRecord}}</p>{{/merged}}
        {{#breakGlass}}<p class="flag">{{t.breakGlassAccess}}</p>{{/breakGlass}}
        <div class="allergies"><h3>{{t.listAllergies}}</h3>{{^allergies}}<p>{{t.noneRecorded}}</p>{{/allergies}}\
        <ul>{{#allergies}}<li>{{text}}{{#note}}（{{note}}）{{/note}}</li>{{/allergies}}</ul></div>
        {{#lists}}<h3>{{title}}</h3><ul>{{#items}}<li>{{text}}{{#note}}（{{note}}）{{/note}}</li>{{/items}}</ul>\
        {{/lists}}
        </section></td></tr>
        {{^entries}}<tr><td><p>{{t.noEntries}}</p></td></tr>{{/entries}}
        {{#entries}}<tr><td><article class="entry">
        <h3{{#struck}} class="struck"{{/struck}}>{{kindName}} — {{state}}</h3>
        <p>{{t.recordedAt}}: {{recordedAt}}{{#careAt}} ・ {{t.careAt}}: {{careAt}}{{/careAt}} ・ {{t.author}}: \
        {{author}}{{#onBehalfOf}} ・ {{t.onBehalfOf}}: {{onBehalfOf}}{{/onBehalfOf}}{{#finalized}} ・ \
        {{t.finalizedBy}}: {{finalized}}{{/finalized}}</p>
        {{#unsigned}}<p class="flag">{{t.unsignedPrintAndSeal}}</p>{{/unsigned}}
        {{#versions}}<section class="version"><h4>{{t.version}} {{version}} — {{state}} — {{recordedAt}} — \
        {{author}}</h4>
        {{#reason}}<p><strong>{{t.reason}}:</strong> {{reason}}</p>{{/reason}}
        <dl>{{#fields}}<dt>{{label}}</dt><dd>{{text}}</dd>{{/fields}}</dl></section>{{/versions}}
        </article></td></tr>{{/entries}}
        </tbody>
        </table>
        {{/main}}{{/content}}{{/layout}}
        """
}
