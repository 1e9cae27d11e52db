import KuraCore

/// The access-log reviews: the task chooser, one review's findings with the sign-off form, and
/// the sign-offs kept (AUD-4). Findings name accounts by login and patients by opaque id, each
/// linking to that patient's access log.
struct ReviewsModel: PageModel {
    static let template = "access-reviews"
    static let titleKey = "titleAccessReviews"

    struct Task: Sendable {
        let word: String
        let label: String
        let selected: Bool
    }

    struct Finding: Sendable {
        let who: String
        let date: String
        let times: String
        let patients: [Patient]
        let actions: String
        let flag: String?
    }

    struct Patient: Sendable {
        let id: String
        let link: String
    }

    struct SignOff: Sendable {
        let task: String
        let period: String
        let findings: Int
        let comment: String
        let reviewer: String
        let signedAt: String
    }

    let tasks: [Task]
    let from: String
    let until: String
    let chosen: String?
    let summary: String?
    let findings: [Finding]
    let hasFindings: Bool
    let findingCount: Int
    let signOffAction: String?
    let signOffs: [SignOff]
    let hasSignOffs: Bool

    init(
        review: AccessReview?, signOffs: [ReviewSignOff], logins: [String: String], canSignOff: Bool, text: PageText
    ) {
        let day: Int64 = 86_400_000
        func date(_ time: Int64) -> String { String(PageTime.jst(time).prefix(10)) }
        tasks = AccessReviewTask.allCases.map {
            Task(word: $0.rawValue, label: text["review.\($0.rawValue)"], selected: $0 == review?.task)
        }
        chosen = review?.task.rawValue
        from = review.map { date($0.from) } ?? ""
        until = review.map { date($0.until - day) } ?? ""
        summary = review.map { review in
            var words =
                "\(text["reviewEvents"]) \(review.eventsReviewed) · \(text["reviewFindings"]) \(review.findings.count)"
            if review.truncated { words += " · \(text["reviewTruncated"])" }
            return words
        }
        findings = (review?.findings ?? []).map { finding in
            Finding(
                who: logins[finding.actor] ?? finding.actor, date: finding.date.description,
                times: "\(PageTime.jst(finding.first).suffix(5))–\(PageTime.jst(finding.last).suffix(5))",
                patients: finding.patientIDs.map { Patient(id: $0, link: AuditPages.patientLogPath(id: $0)) },
                actions: finding.actions.joined(separator: ", "), flag: finding.flag.map { text["flag.\($0.rawValue)"] }
            )
        }
        findingCount = review?.findings.count ?? 0
        hasFindings = findingCount > 0
        hasSignOffs = !signOffs.isEmpty
        signOffAction = canSignOff && review != nil ? PageRoute.accessReviews.path : nil
        self.signOffs = signOffs.map { signOff in
            SignOff(
                task: text["review.\(signOff.task.rawValue)"],
                period: "\(date(signOff.from))〜\(date(signOff.until - day))", findings: signOff.findings,
                comment: signOff.comment, reviewer: logins[signOff.reviewer] ?? signOff.reviewer,
                signedAt: PageTime.jst(signOff.signedAt))
        }
    }
}

/// The flagged patients and the flag form (administrators).
struct FlagsModel: PageModel {
    static let template = "patient-flags"
    static let titleKey = "titlePatientFlags"

    struct Flag: Sendable {
        let patient: String
        let kind: String
        let note: String?
        let since: String
        let link: String
    }

    struct Kind: Sendable {
        let word: String
        let label: String
    }

    let flags: [Flag]
    let hasFlags: Bool
    let kinds: [Kind]
    let action: String?

    init(flags: [PatientFlag], canEdit: Bool, text: PageText) {
        self.flags = flags.map { flag in
            Flag(
                patient: flag.patientID, kind: text["flag.\(flag.kind.rawValue)"], note: flag.note,
                since: PageTime.jst(flag.recordedAt), link: AuditPages.patientLogPath(id: flag.patientID))
        }
        hasFlags = !flags.isEmpty
        kinds = PatientFlagKind.allCases.map { Kind(word: $0.rawValue, label: text["flag.\($0.rawValue)"]) }
        action = canEdit ? PageRoute.patientFlags.path : nil
    }
}
