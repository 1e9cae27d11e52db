extension PageTemplates {
    /// The dashboard's templates by name.
    static var dashboardTemplates: [String: String] { ["dashboard": dashboard] }

    /// The start page: today's visits, approvals, drafts; the queues for administrators and
    /// auditors. Each list says so when it is empty, so an empty page is never ambiguous.
    static let dashboard = """
        {{<layout}}{{$content}}{{#main}}
        <p class="today">{{today}}</p>
        {{#deviceWaiting}}<p class="error" role="alert">{{t.dashboardDeviceWaiting}}</p>{{/deviceWaiting}}
        <p>{{#patientsLink}}<a class="button" href="{{patientsLink}}">{{t.dashboardFindPatient}}</a> \
        {{/patientsLink}}{{#newPatientLink}}<a class="button" href="{{newPatientLink}}">{{t.dashboardNewPatient}}</a>\
        {{/newPatientLink}}</p>
        {{#clinical}}
        <section aria-labelledby="visits-title"><h2 id="visits-title">{{t.dashboardVisits}}</h2>
        {{^visits}}<p>{{t.dashboardNoVisits}}</p>{{/visits}}
        {{#hasVisits}}<div class="table"><table id="visits"><thead><tr><th scope="col">{{t.careAt}}</th>\
        <th scope="col">{{t.patientNumber}}</th><th scope="col">{{t.dashboardPatient}}</th>\
        <th scope="col">{{t.status}}</th></tr></thead><tbody>
        {{#visits}}<tr><td><a href="{{link}}">{{time}}</a></td><td>{{patientNumber}}</td>\
        <td><a href="{{chartLink}}">{{patientName}}</a></td><td>{{state}}</td></tr>{{/visits}}
        </tbody></table></div>{{/hasVisits}}
        </section>
        {{#approvalsLink}}<section aria-labelledby="approvals-title"><h2 id="approvals-title">\
        <a href="{{approvalsLink}}">{{t.dashboardApprovals}}</a></h2>
        {{^approvals}}<p>{{t.dashboardNoApprovals}}</p>{{/approvals}}
        {{#hasApprovals}}<div class="table"><table id="approvals"><thead><tr><th scope="col">{{t.recordedAt}}</th>\
        <th scope="col">{{t.dashboardPatient}}</th><th scope="col">{{t.kind}}</th><th scope="col">{{t.author}}</th>\
        </tr></thead><tbody>
        {{#approvals}}<tr><td><a href="{{link}}">{{time}}</a></td><td><a href="{{chartLink}}">{{patientName}}</a>\
        （{{patientNumber}}）</td><td>{{kind}}</td><td>{{author}}</td></tr>{{/approvals}}
        </tbody></table></div>{{/hasApprovals}}
        </section>{{/approvalsLink}}
        <section aria-labelledby="drafts-title"><h2 id="drafts-title">{{t.dashboardDrafts}}</h2>
        {{^drafts}}<p>{{t.dashboardNoDrafts}}</p>{{/drafts}}
        {{#hasDrafts}}<div class="table"><table id="drafts"><thead><tr><th scope="col">{{t.dashboardUpdated}}</th>\
        <th scope="col">{{t.dashboardPatient}}</th><th scope="col">{{t.kind}}</th></tr></thead><tbody>
        {{#drafts}}<tr><td><a href="{{link}}">{{time}}</a></td><td><a href="{{chartLink}}">{{patientName}}</a>\
        （{{patientNumber}}）</td><td>{{kind}}</td></tr>{{/drafts}}
        </tbody></table></div>{{/hasDrafts}}
        </section>
        {{/clinical}}
        {{#showsReviews}}<section aria-labelledby="reviews-title"><h2 id="reviews-title">\
        <a href="{{reviewsLink}}">{{t.dashboardReviews}}</a></h2>
        {{^reviews}}<p>{{t.dashboardNoReviews}}</p>{{/reviews}}
        <ul id="reviews">{{#reviews}}<li>{{raised}} — {{event}} — {{subject}}</li>{{/reviews}}</ul>
        </section>{{/showsReviews}}
        {{#showsAlerts}}<p><a href="{{alertsLink}}">{{t.dashboardOpenAlerts}}</a> {{openAlerts}}</p>{{/showsAlerts}}
        {{#showsDevices}}<p><a href="{{devicesLink}}">{{t.dashboardPendingDevices}}</a> {{pendingDevices}}</p>\
        {{/showsDevices}}
        {{/main}}{{/content}}{{/layout}}
        """
}
