import HTTPTypes
import HummingbirdTesting
import KuraCore
import NIOCore
import Testing

@testable import KuraServer

/// The attachment size limit (MAL-4): a file over `records.attachmentMaxMegabytes` is refused
/// with 413 before anything is stored; one at the limit is stored.
@Suite("Attachment size limit")
struct AttachmentLimitTests {
    @Test("over the limit is 413 and nothing is stored; at the limit is stored")
    func limit() async throws {
        let limit = 64 * 1024
        try await IdentityHarness.with(.sqlite, configure: { $0.attachmentMaxBytes = limit }) { harness in
            let (_, doctor, physician) = try await harness.administratorAndDoctor()
            let patient = try await harness.services.records.register(
                doctor,
                demographics: PatientDemographics(
                    patientNumber: "L-1", name: "容量 制限", kana: "ヨウリョウ セイゲン", birthDate: "1955-05-05", sex: "female")
            ).patient.id
            var caller = APICaller(
                cookies: [SessionCookies.session: physician.sessionToken, SessionCookies.device: physician.device])
            var api = APIExercise(client: harness.client, conformance: try OpenAPITests.conformance())
            try await api.call(&caller, .get, "/api/v1/session", expect: 200)
            func pdf(_ size: Int) -> [UInt8] {
                let head = Array("%PDF-1.7\n".utf8)
                let tail = Array("\n%%EOF\n".utf8)
                return head + Array(repeating: UInt8(ascii: "x"), count: size - head.count - tail.count) + tail
            }
            var headers: HTTPFields = [.contentType: "application/pdf"]
            headers[RecordAPI.fileNameHeader] = "scan.pdf"
            let path = "/api/v1/patients/\(patient)/attachments"
            let refused = try await api.call(&caller, .post, path, file: (pdf(limit + 1), headers), expect: 413)
            #expect(refused.json?["error"] == .string("content-too-large"))
            let none = try await api.call(&caller, .get, path, expect: 200)
            #expect(none.json?["attachments"] == .array([]))
            try await api.call(&caller, .post, path, file: (pdf(limit), headers), expect: 201)
        }
    }
}
