import Foundation
import HTTPTypes
import KuraCore
import KuraServer
import NIOPosix

extension RecordsCommand {
    /// The web UI's pages on the seeded database (issue 5: under 100 ms at the server with
    /// 100,000 patients), each beside the static-file round trip; returns the TOTP step the
    /// physician's token used.
    func measurePages(
        running: InProcessKura.Running, seeding: Seeding, spent: Int64, report: inout RecordsReport
    ) async throws -> Int64 {
        let (token, step) = try await RecordsAccounts.apiToken(
            for: seeding.physician, port: running.port, spent: spent)
        let auditToken = try await RecordsAccounts.apiToken(
            for: seeding.auditor, port: running.port, spent: seeding.auditor.enrolledStep
        ).token
        let auth = try await running.services.identity.authenticate(token: token, kind: .api)
        let patientID = seeding.team[seeding.team.count / 2]
        guard let number = seeding.patientIDs.firstIndex(of: patientID),
            let entryID = try await running.services.records.chart(auth, patientID: patientID).entries.first?.id
        else { throw BenchError.invalid("the measured patient has no entry") }
        let demographics = SyntheticClinic().demographics(number)
        let kana = String(demographics.kana.prefix(2))
        let pages: [PageLoad.Page] = [
            .init("dashboard", "/dashboard", token: token),
            .init("my patients", "/patients", token: token),
            .init(
                "search (kana prefix)", "/patients/search", token: token, method: .post,
                form: "by=kanaPrefix&query=" + (kana.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            ),
            .init(
                "search (patient number)", "/patients/search", token: token, method: .post,
                form: "by=patientNumber&query=" + demographics.patientNumber),
            .init("chart", "/patients/\(patientID)/chart", token: token),
            .init("print view", "/patients/\(patientID)/print", token: token),
            .init("patient edit", "/patients/\(patientID)/edit", token: token),
            .init("patient lists", "/patients/\(patientID)/lists", token: token),
            .init("new entry", "/patients/\(patientID)/entries/new?kind=home-visit", token: token),
            .init("entry", "/entries/\(entryID)", token: token),
            .init("approvals", "/approvals", token: token),
            .init("my account", "/account", token: token),
            .init("access log", "/audit", token: auditToken),
            .init("access log of a patient", "/audit?patient=\(patientID)", token: auditToken),
        ]
        let load = PageLoad(port: running.port, group: MultiThreadedEventLoopGroup.singleton)
        let duration = Duration.seconds(max(3, seconds / 4))
        await quiet.wait(before: "pages")
        let cpu = CPUSample.now()
        let baseline = try await load.measure(
            .init("static file", "/assets/kura.js", token: nil), callers: 1, duration: duration)
        report.printLoop("static file (page baseline)", baseline, cpu: CPUSample.now().since(cpu))
        report.pageBaseline = baseline
        for page in pages {
            let cpu = CPUSample.now()
            let result = try await load.measure(page, callers: 1, duration: duration)
            report.printLoop("page: \(page.name)", result, cpu: CPUSample.now().since(cpu))
            report.pages.append((page.name, result))
        }
        return step
    }
}
