/// The Mustache templates of the web UI, as string constants so the binary runs when copied
/// alone (no bundle resources).
///
/// Every value goes through `{{ }}`, which HTML-escapes it (`< > & " '`). The one exception is
/// `{{{qrSVG}}}` on the enrolment page: that SVG is drawn by the server from the `otpauth://`
/// URI (``QRCode/svg(moduleSize:quietZone:)``), holds only numbers and fixed words, and must
/// reach the page as markup. No other triple braces, and no `{{& }}`: a test checks.
/// Labels come from ``PageText`` as `{{t.key}}`; pages fill the layout's `content` block.
enum PageTemplates {
    /// The style sheet of the layout; the CSP allows exactly this text by its hash, no other style.
    static let style = """
        body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP",sans-serif;margin:0;color:#1a1a1a;\
        background:#fafafa;line-height:1.6}\
        header{background:#2b4a3f;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;\
        align-items:center}\
        header a{color:#fff}nav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}\
        .brand{font-weight:700;margin-right:1rem}main{max-width:62rem;margin:0 auto;padding:1rem}\
        form.inline{display:inline}label{display:block;margin-top:.75rem;font-weight:600}\
        label.check{display:inline;font-weight:400;margin:0 1rem 0 .25rem}\
        input,select,button,textarea{font:inherit;padding:.35rem .5rem}\
        input[type=text],input[type=password],select{width:100%;max-width:26rem;box-sizing:border-box}\
        textarea{width:100%;box-sizing:border-box}\
        button{margin:.25rem .25rem .25rem 0;cursor:pointer}fieldset{margin-top:.75rem}\
        table{border-collapse:collapse;width:100%;font-size:.9rem}\
        th,td{border-bottom:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}\
        .table{overflow-x:auto}.nowrap{white-space:nowrap}.hint{color:#555;font-size:.9rem;margin:.25rem 0}\
        .error{background:#fde8e8;border-left:4px solid #b00020;padding:.5rem}\
        .notice{background:#e8f4ea;border-left:4px solid #2b7a3f;padding:.5rem}\
        .flag{color:#b00020}.secret,.codes{font-family:ui-monospace,monospace;font-size:1.15rem}\
        .qr svg{max-width:100%;height:auto}\
        .entry{border-top:2px solid #2b4a3f;margin-top:1rem}.version{border-left:3px solid #ccc;padding-left:.75rem}\
        .version dd{white-space:pre-wrap;margin:0 0 .5rem 1rem}.struck{text-decoration:line-through}\
        .allergies{background:#fde8e8;padding:.5rem;font-weight:700}\
        .lock{position:fixed;inset:0;background:#2b4a3f;color:#fff;padding:3rem 1rem;text-align:center;z-index:10}\
        .lock[hidden]{display:none}body.locked header,body.locked main{display:none}\
        a.button{display:inline-block;padding:.35rem .75rem;border:1px solid #2b4a3f;border-radius:.25rem;\
        text-decoration:none;margin:.25rem .5rem .25rem 0}\
        input[type=date],input[type=tel],input[type=time],input[type=datetime-local]{width:100%;max-width:26rem;\
        box-sizing:border-box}textarea{min-height:5rem}img{max-width:100%;height:auto}.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem}\
        .badge{display:inline-block;border:1px solid #555;border-radius:.25rem;padding:0 .4rem;font-size:.85rem}\
        .badge.warn{border-color:#b00020;color:#b00020}\
        .banner{background:#fde8e8;border:2px solid #b00020;padding:.5rem}\
        .print-sheet>thead th{font-weight:400;border-bottom:2px solid #1a1a1a}@page{size:A4;margin:12mm}\
        @media print{header,nav,.screen-only{display:none}main{max-width:none}.entry{break-inside:avoid-page}\
        thead{display:table-header-group}}
        """

    /// The one layout: language, viewport, title, navigation, messages, and the `content` block.
    static let layout = """
        <!DOCTYPE html>
        <html lang="{{language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{{title}} | Kura</title>
        <link rel="icon" href="\(PageScript.iconPath)" type="image/svg+xml">
        <style>\(style)</style>
        {{#idleLock}}<script src="\(PageScript.path)" defer></script>{{/idleLock}}
        </head>
        <body{{#idleLock}} data-idle-ms="{{milliseconds}}"{{/idleLock}}>
        <header>
        <span class="brand">Kura 蔵</span>
        {{#navigation}}
        <nav aria-label="{{t.navigation}}">
        {{#dashboardLink}}<a href="{{dashboardLink}}">{{t.titleDashboard}}</a>{{/dashboardLink}}
        {{#patientsLink}}<a href="{{patientsLink}}">{{t.titlePatients}}</a>{{/patientsLink}}
        {{#approvalsLink}}<a href="{{approvalsLink}}">{{t.titleApprovals}}</a>{{/approvalsLink}}
        {{#auditLink}}<a href="{{auditLink}}">{{t.titleAudit}}</a>{{/auditLink}}
        {{#accountLink}}<a href="{{accountLink}}">{{t.titleAccount}}</a>{{/accountLink}}
        {{#accountsLink}}<a href="{{accountsLink}}">{{t.titleAccounts}}</a>{{/accountsLink}}
        {{#devicesLink}}<a href="{{devicesLink}}">{{t.titleDevices}}</a>{{/devicesLink}}
        {{#alertsLink}}<a href="{{alertsLink}}">{{t.titleAlerts}}</a>{{/alertsLink}}
        {{#reviewsLink}}<a href="{{reviewsLink}}">{{t.titleReviews}}</a>{{/reviewsLink}}
        {{#policiesLink}}<a href="{{policiesLink}}">{{t.titlePolicies}}</a>{{/policiesLink}}
        {{#complianceLink}}<a href="{{complianceLink}}">{{t.titleCompliance}}</a>{{/complianceLink}}
        <span>{{signedInAs}}</span>
        {{#switchUserAction}}<form class="inline" method="post" action="{{switchUserAction}}">\
        <input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.switchUser}}</button>\
        </form>{{/switchUserAction}}
        <form class="inline" method="post" action="{{signOutAction}}">\
        <input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit">{{t.signOut}}</button></form>
        </nav>
        {{/navigation}}
        </header>
        <main>
        <h1>{{title}}</h1>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{$content}}{{/content}}
        </main>
        {{#idleLock}}<div id="idle-lock" class="lock" role="alertdialog" aria-labelledby="idle-lock-title" \
        hidden><h1 id="idle-lock-title">{{t.idleLockedTitle}}</h1><p>{{t.idleLockedText}}</p>\
        <form method="post" action="\(PageRoute.signOut.path)"><input type="hidden" name="_csrf" value="{{csrf}}">\
        <button type="submit" id="idle-lock-sign-in">{{t.idleLockedSignIn}}</button></form></div>{{/idleLock}}
        </body>
        </html>

        """

    /// A page that only explains a refusal (the layout shows the message).
    static let failure = """
        {{<layout}}{{$content}}{{#main}}
        <p><a href="{{homeLink}}">{{t.backHome}}</a></p>
        {{/main}}{{/content}}{{/layout}}
        """

    /// Every template by name, for the library.
    static var all: [String: String] {
        areas.reduce(into: [:]) { all, area in all.merge(area) { first, _ in first } }
    }

    /// The templates of each area of the UI; ``PageView`` refuses a name found in two.
    static var areas: [[String: String]] {
        let core = [
            "layout": layout, "failure": failure, "setup": setup, "login": login, "second-factor": secondFactor,
            "enrol": enrol, "recovery-codes": recoveryCodes, "password": password, "account": account,
            "accounts": accounts, "devices": devices, "alerts": alerts, "reviews": reviews, "chart": chart,
        ]
        return [
            core, dashboardTemplates, patientTemplates, entryTemplates, auditTemplates, administrationTemplates,
            complianceTemplates,
        ]
    }
}
