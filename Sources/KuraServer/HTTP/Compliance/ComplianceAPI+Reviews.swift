import Foundation
import Hummingbird
import KuraCore
import KuraStore

extension ComplianceAPI {
    /// The planning manager's reviews of the access log (AUD-4): a task over a period, its
    /// sign-off, the sign-offs kept as evidence, and the flags on staff, relatives and VIPs.
    func registerReviews(on group: RouterGroup<KuraRequestContext>) {
        group.get("compliance/reviews/{task}") { request, context in
            let auth = try await http.allowed(request, .readAuditLog, change: false)
            let period = try ReviewPeriod(
                from: request.uri.queryParameters.get("from"), until: request.uri.queryParameters.get("until"),
                now: compliance.service.records.clock())
            let review = try await compliance.service.review(
                try Self.task(context), from: period.from, until: period.until, by: auth)
            return JSONReply.make(ReviewReply(review))
        }
        group.post("compliance/reviews/{task}/sign-off") { request, context in
            let auth = try await http.allowed(request, .signOffReviews, change: true)
            let body = try await StrictJSON.decode(SignOffBody.self, request, context)
            let period = try ReviewPeriod(from: body.from, until: body.until, now: 0)
            let signOff = try await compliance.service.signOff(
                try Self.task(context), from: period.from, until: period.until, findings: body.findings,
                comment: body.comment, by: auth)
            return JSONReply.make(SignOffReply(signOff), status: .created)
        }
        group.get("compliance/sign-offs") { request, _ in
            _ = try await http.allowed(request, .readCompliance, change: false)
            return JSONReply.make(
                SignOffsReply(signOffs: try await compliance.service.signOffs().map(SignOffReply.init)))
        }
        group.get("compliance/flags") { request, _ in
            let auth = try await http.authenticate(request).0
            return JSONReply.make(FlagsReply(flags: try await compliance.service.flags(by: auth).map(FlagReply.init)))
        }
        group.put("compliance/flags/{patient}") { request, context in
            let auth = try await http.allowed(request, .manageCompliance, change: true)
            let body = try await StrictJSON.decode(FlagBody.self, request, context)
            guard let kind = PatientFlagKind(rawValue: body.kind) else {
                throw ComplianceError.invalid("kind: staff, relative or vip")
            }
            let flag = try await compliance.service.flag(
                patientID: try context.parameters.require("patient"), as: kind, note: body.note, by: auth)
            return JSONReply.make(FlagReply(flag))
        }
        group.post("compliance/flags/{patient}/clear") { request, context in
            let auth = try await http.allowed(request, .manageCompliance, change: true)
            let flag = try await compliance.service.clearFlag(
                patientID: try context.parameters.require("patient"), by: auth)
            return JSONReply.make(FlagReply(flag))
        }
    }

    /// The path's review task, or 404.
    static func task(_ context: KuraRequestContext) throws -> AccessReviewTask {
        guard let task = context.parameters.get("task").flatMap(AccessReviewTask.init(rawValue:)) else {
            throw ComplianceError.notFound("review task")
        }
        return task
    }
}

/// A review's period as days in JST: from the start of `from` to the end of `until`; by
/// default the 30 days up to today.
struct ReviewPeriod {
    let from: Int64
    let until: Int64

    static let day: Int64 = 86_400_000
    static let jst: Int64 = 9 * 3_600_000

    init(from: String?, until: String?, now: Int64) throws(ComplianceError) {
        func start(_ text: String, _ field: String) throws(ComplianceError) -> Int64 {
            guard let date = try? CivilDate(parsing: text) else {
                throw .invalid("\(field) must be a date, YYYY-MM-DD")
            }
            return Int64(date.daysSinceEpoch) * Self.day - Self.jst
        }
        let today = (now + Self.jst) / Self.day * Self.day - Self.jst
        if let until { self.until = try start(until, "until") + Self.day } else { self.until = today + Self.day }
        if let from { self.from = try start(from, "from") } else { self.from = self.until - 30 * Self.day }
        guard self.from < self.until else { throw .invalid("from must be on or before until") }
    }
}

/// `POST …/sign-off`.
struct SignOffBody: Codable {
    var from: String
    var until: String
    var findings: Int
    var comment: String
}

/// `PUT /compliance/flags/{patient}`.
struct FlagBody: Codable {
    var kind: String
    var note: String?
}

/// A review as the API shows it: opaque ids, words and times only.
struct ReviewReply: Encodable {
    struct Finding: Encodable {
        var actor: String
        var date: String
        var first: Int64
        var last: Int64
        var patientIDs: [String]
        var eventIDs: [String]
        var actions: [String]
        var access: [String]
        var flag: String?
    }
    var task: String
    var from: Int64
    var until: Int64
    var eventsReviewed: Int
    var systemEvents: Int
    var truncated: Bool
    var findings: [Finding]

    init(_ review: AccessReview) {
        task = review.task.rawValue
        from = review.from
        until = review.until
        eventsReviewed = review.eventsReviewed
        systemEvents = review.systemEvents
        truncated = review.truncated
        findings = review.findings.map { finding in
            Finding(
                actor: finding.actor, date: finding.date.description, first: finding.first, last: finding.last,
                patientIDs: finding.patientIDs, eventIDs: finding.eventIDs, actions: finding.actions,
                access: finding.access, flag: finding.flag?.rawValue)
        }
    }
}

/// A sign-off as the API shows it.
struct SignOffReply: Encodable {
    var id: String
    var task: String
    var from: Int64
    var until: Int64
    var findings: Int
    var comment: String
    var signedAt: Int64
    var reviewer: String

    init(_ signOff: ReviewSignOff) {
        id = signOff.id
        task = signOff.task.rawValue
        from = signOff.from
        until = signOff.until
        findings = signOff.findings
        comment = signOff.comment
        signedAt = signOff.signedAt
        reviewer = signOff.reviewer
    }
}

/// The sign-offs, newest first.
struct SignOffsReply: Encodable {
    var signOffs: [SignOffReply]
}

/// A patient flag as the API shows it.
struct FlagReply: Encodable {
    var id: String
    var patientID: String
    var kind: String
    var note: String?
    var version: Int64
    var cleared: Bool
    var recordedAt: Int64

    init(_ flag: PatientFlag) {
        id = flag.id
        patientID = flag.patientID
        kind = flag.kind.rawValue
        note = flag.note
        version = flag.version
        cleared = flag.cleared
        recordedAt = flag.recordedAt
    }
}

/// The flags in force.
struct FlagsReply: Encodable {
    var flags: [FlagReply]
}
