extension PageTemplates {
    /// The chart (REC-3): the break-glass banner with the time left (ACC-7), the patient header
    /// with allergies first and highlighted, the lists, the actions the reader may take, a
    /// timeline of entries with their badges, each linking to its history, attachments inline,
    /// and "who viewed this chart" where policy shows it (AUD-1).
    static let chart = """
        {{<layout}}{{$content}}{{#main}}
        {{#breakGlass}}<p class="banner" role="alert" id="break-glass-banner"><strong>{{t.breakGlassAccess}}</strong> \
        {{t.breakGlassTimeLeft}} <strong id="break-glass-minutes">{{minutesLeft}}</strong> {{t.minutesUnit}}\
        （{{t.breakGlassUntil}} {{until}}）</p>{{/breakGlass}}
        {{#breakGlassLapsed}}<p class="banner" role="alert">{{t.breakGlassLapsed}}</p>{{/breakGlassLapsed}}
        <section aria-labelledby="patient-name">
        <h2 id="patient-name">{{name}}（{{kana}}）</h2>
        <p>{{t.patientNumber}}: {{patientNumber}} ・ {{t.birthDate}}: {{birthDate}}（{{age}}{{t.yearsOld}}）・ \
        {{t.sex}}: {{sex}}</p>
        {{#address}}<p>{{t.address}}: {{address}}</p>{{/address}}{{#phone}}<p>{{t.phone}}: {{phone}}</p>{{/phone}}
        {{#insurance}}<p>{{t.insurance}}: {{insurance}}</p>{{/insurance}}
        {{#careStartedOn}}<p>{{t.careStarted}}: {{careStartedOn}}{{#careEndedOn}} ・ {{t.careEnded}}: \
        {{careEndedOn}}{{/careEndedOn}}</p>{{/careStartedOn}}
        {{#merged}}<p class="flag">{{t.mergedRecord}}</p>{{/merged}}
        <nav class="actions" aria-label="{{t.chartActions}}">\
        {{#newEntryLink}}<a href="{{newEntryLink}}">{{t.newEntry}}</a>{{/newEntryLink}}\
        {{#editLink}}<a href="{{editLink}}">{{t.editPatientLink}}</a>{{/editLink}}\
        {{#listsLink}}<a href="{{listsLink}}">{{t.editListsLink}}</a>{{/listsLink}}\
        <a href="{{printLink}}">{{t.printLink}}</a></nav>
        <div class="allergies"><h3>{{t.listAllergies}}</h3>{{^allergies}}<p>{{t.noneRecorded}}</p>{{/allergies}}\
        <ul>{{#allergies}}<li>{{text}}{{#note}}（{{note}}）{{/note}}</li>{{/allergies}}</ul></div>
        {{#lists}}<h3>{{title}}</h3>{{^items}}<p>{{t.noneRecorded}}</p>{{/items}}<ul>{{#items}}<li>{{text}}\
        {{#note}}（{{note}}）{{/note}}{{#since}} — {{t.since}} {{since}}{{/since}}</li>{{/items}}</ul>{{/lists}}
        </section>
        <section aria-labelledby="timeline">
        <h2 id="timeline">{{t.timeline}}</h2>
        {{^entries}}<p>{{t.noEntries}}</p>{{/entries}}
        {{#entries}}<article class="entry">
        <h3{{#struck}} class="struck"{{/struck}}><a href="{{link}}">{{kindName}}</a> — {{recordedAt}}</h3>
        <p class="badges">{{#badges}}<span class="badge{{#warn}} warn{{/warn}}">{{label}}</span> {{/badges}}</p>
        <p>{{t.recordedAt}}: {{recordedAt}}{{#careAt}} ・ {{t.careAt}}: {{careAt}}{{/careAt}} ・ {{t.author}}: \
        {{author}}{{#onBehalfOf}} ・ {{t.onBehalfOf}}: {{onBehalfOf}}{{/onBehalfOf}}{{#finalized}} ・ \
        {{t.finalizedBy}}: {{finalized}}{{/finalized}}</p>
        <dl>{{#fields}}<dt>{{label}}</dt><dd>{{text}}</dd>{{/fields}}</dl>
        {{#attachments}}{{>chart-attachment}}{{/attachments}}
        <p><a href="{{link}}">{{t.openEntry}}</a></p>
        </article>{{/entries}}
        {{#olderLink}}<p><a href="{{olderLink}}">{{t.olderEntries}}</a></p>{{/olderLink}}
        {{#newestLink}}<p><a href="{{newestLink}}">{{t.newestEntries}}</a></p>{{/newestLink}}
        </section>
        {{#hasAttachments}}<section aria-labelledby="attachments"><h2 id="attachments">{{t.attachments}}</h2>
        {{#attachments}}{{>chart-attachment}}{{/attachments}}</section>{{/hasAttachments}}
        {{#viewers}}<section aria-labelledby="viewers"><h2 id="viewers">{{t.viewersTitle}}</h2>
        <p class="hint">{{t.viewersHint}}</p>
        <div class="table"><table id="viewer-list"><thead><tr><th scope="col">{{t.viewerAt}}</th>\
        <th scope="col">{{t.viewerWho}}</th><th scope="col">{{t.viewerAction}}</th><th scope="col">{{t.viewerAccess}}\
        </th></tr></thead><tbody>
        {{#rows}}<tr><td>{{at}}</td><td>{{who}}</td><td>{{action}}</td><td>{{#breakGlass}}<strong class="flag">\
        {{access}}</strong>{{/breakGlass}}{{^breakGlass}}{{access}}{{/breakGlass}}</td></tr>
        {{/rows}}</tbody></table></div></section>{{/viewers}}
        {{/main}}{{/content}}{{/layout}}
        """

    /// One attachment in the chart: an image inline, a PDF as a download link (the CSP allows no
    /// `<object>` or frame, and a PDF never runs in the browser's viewer under this origin).
    static let chartAttachment = """
        <figure class="attachment">{{#image}}<img src="{{link}}" alt="{{name}}"{{#width}} width="{{width}}"\
        {{/width}}{{#height}} height="{{height}}"{{/height}}>{{/image}}
        <figcaption>{{kind}}: {{name}}（{{size}}）{{^image}} <a href="{{link}}">{{t.attachmentDownload}}</a>{{/image}}\
        {{#scannedLateDays}} <span class="flag">{{t.scannedLate}} {{scannedLateDays}}</span>{{/scannedLateDays}}\
        </figcaption></figure>
        """
}
