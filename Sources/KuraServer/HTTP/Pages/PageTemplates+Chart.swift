extension PageTemplates {
    /// The whole chart (REC-3): allergies first and highlighted, then every entry with every
    /// version marked; prints on A4 without the menu.
    static let chart = """
        {{<layout}}{{$content}}{{#main}}
        <section aria-labelledby="patient-name">
        <h2 id="patient-name">{{name}}（{{kana}}）</h2>
        <p>{{t.patientNumber}}: {{patientNumber}} ・ {{t.birthDate}}: {{birthDate}}（{{age}}{{t.yearsOld}}）・ \
        {{t.sex}}: {{sex}}</p>
        {{#address}}<p>{{t.address}}: {{address}}</p>{{/address}}{{#phone}}<p>{{t.phone}}: {{phone}}</p>{{/phone}}
        {{#merged}}<p class="flag">{{t.mergedRecord}}</p>{{/merged}}
        {{#breakGlass}}<p class="flag">{{t.breakGlassAccess}}</p>{{/breakGlass}}
        <div class="allergies"><h3>{{t.listAllergies}}</h3>{{^allergies}}<p>{{t.noneRecorded}}</p>{{/allergies}}\
        <ul>{{#allergies}}<li>{{text}}{{#note}}（{{note}}）{{/note}}</li>{{/allergies}}</ul></div>
        {{#lists}}<h3>{{title}}</h3><ul>{{#items}}<li>{{text}}{{#note}}（{{note}}）{{/note}}</li>{{/items}}</ul>{{/lists}}
        </section>
        {{^entries}}<p>{{t.noEntries}}</p>{{/entries}}
        {{#entries}}<article class="entry">
        <h3{{#struck}} class="struck"{{/struck}}>{{kindName}} — {{state}}</h3>
        <p>{{t.recordedAt}}: {{recordedAt}}{{#careAt}} ・ {{t.careAt}}: {{careAt}}{{/careAt}} ・ {{t.author}}: {{author}}\
        {{#onBehalfOf}} ・ {{t.onBehalfOf}}: {{onBehalfOf}}{{/onBehalfOf}}{{#finalized}} ・ {{t.finalizedBy}}: \
        {{finalized}}{{/finalized}}</p>
        {{#unsigned}}<p class="flag">{{t.unsignedPrintAndSeal}}</p>{{/unsigned}}
        {{#versions}}<section class="version"><h4>{{t.version}} {{version}} — {{state}} — {{recordedAt}} — {{author}}</h4>
        {{#reason}}<p><strong>{{t.reason}}:</strong> {{reason}}</p>{{/reason}}
        <dl>{{#fields}}<dt>{{label}}</dt><dd>{{text}}</dd>{{/fields}}</dl></section>{{/versions}}
        </article>{{/entries}}
        {{/main}}{{/content}}{{/layout}}
        """
}
