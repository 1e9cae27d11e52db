import Foundation
import Hummingbird
import KuraCore
import KuraStore

extension CompliancePages {
    /// `/compliance/reviews` (a task over a period, its findings and the sign-off form; the
    /// URL carries only the task word and dates) and `/compliance/flags` (AUD-4).
    func registerReviews(on router: Router<KuraRequestContext>) {
        router.get(RouterPath(PageRoute.accessReviews.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                let query = { (name: String) in request.uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
                }
                return try await showReviews(
                    auth, task: query("task"), from: query("from"), until: query("until"),
                    notice: pages.notice(request, pages.frame(auth)))
            }
        }
        router.post(RouterPath(PageRoute.accessReviews.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await ReviewSignOffForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                do {
                    guard let task = form.task.flatMap(AccessReviewTask.init(rawValue:)) else {
                        throw ComplianceError.invalid("task")
                    }
                    let period = try ReviewPeriod(from: form.from, until: form.until, now: 0)
                    _ = try await compliance.service.signOff(
                        task, from: period.from, until: period.until, findings: Int(form.findings ?? "") ?? -1,
                        comment: form.comment ?? "", by: auth)
                } catch {
                    guard let problem = PageProblem(error, text: pages.frame(auth).text) else { throw error }
                    return try await showReviews(
                        auth, task: form.task, from: form.from, until: form.until, problem: problem)
                }
                return PageResponse.redirect(to: PageRoute.accessReviews.path(notice: .done))
            }
        }
        router.get(RouterPath(PageRoute.patientFlags.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let auth = try await pages.session(request)
                return try await showFlags(auth, notice: pages.notice(request, pages.frame(auth)))
            }
        }
        router.post(RouterPath(PageRoute.patientFlags.pattern)) { request, context in
            await pages.guarded(request, context: context) {
                let form = try await FlagForm.decode(request, context: context)
                let auth = try await pages.session(request, posting: form)
                do {
                    let patient = try form.filled(\.patient).trimmingCharacters(in: .whitespaces)
                    if form.clear == "true" {
                        _ = try await compliance.service.clearFlag(patientID: patient, by: auth)
                    } else {
                        guard let kind = form.kind.flatMap(PatientFlagKind.init(rawValue:)) else {
                            throw ComplianceError.invalid("kind: staff, relative or vip")
                        }
                        _ = try await compliance.service.flag(patientID: patient, as: kind, note: form.note, by: auth)
                    }
                } catch {
                    guard let problem = PageProblem(error, text: pages.frame(auth).text) else { throw error }
                    return try await showFlags(auth, problem: problem)
                }
                return PageResponse.redirect(to: PageRoute.patientFlags.path(notice: .done))
            }
        }
    }

    /// The reviews page: with a task, its findings over the period and the sign-off form.
    func showReviews(
        _ auth: Authenticated, task: String?, from: String?, until: String?, notice: String? = nil,
        problem: PageProblem? = nil
    ) async throws -> Response {
        try auth.require(.readAuditLog)
        let frame = pages.frame(auth)
        var review: AccessReview?
        if let task {
            guard let chosen = AccessReviewTask(rawValue: task) else { throw ComplianceError.notFound("review task") }
            let period = try ReviewPeriod(from: from, until: until, now: compliance.service.records.clock())
            review = try await compliance.service.review(chosen, from: period.from, until: period.until, by: auth)
        }
        let model = ReviewsModel(
            review: review, signOffs: try await compliance.service.signOffs(), logins: try await pages.logins(),
            canSignOff: auth.holds(.signOffReviews), text: frame.text)
        return show(frame, model, notice: notice, problem: problem)
    }

    /// The flags page: the flags in force and, for administrators, the form.
    func showFlags(_ auth: Authenticated, notice: String? = nil, problem: PageProblem? = nil) async throws -> Response {
        let frame = pages.frame(auth)
        let model = FlagsModel(
            flags: try await compliance.service.flags(by: auth), canEdit: auth.holds(.manageCompliance),
            text: frame.text)
        return show(frame, model, notice: notice, problem: problem)
    }
}

/// The sign-off form of a review.
struct ReviewSignOffForm: PageForm {
    let csrf: String?
    let task: String?
    let from: String?
    let until: String?
    let findings: String?
    let comment: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case task, from, until, findings, comment
    }
}

/// The flag form: set a kind, or clear.
struct FlagForm: PageForm {
    let csrf: String?
    let patient: String?
    let kind: String?
    let note: String?
    let clear: String?

    enum CodingKeys: String, CodingKey {
        case csrf = "_csrf"
        case patient, kind, note, clear
    }
}
