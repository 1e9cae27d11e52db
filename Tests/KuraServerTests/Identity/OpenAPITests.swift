import Foundation
import HTTPTypes
import HummingbirdTesting
import KuraCore
import NIOCore
import Testing

@testable import KuraServer

/// The hand-written OpenAPI 3.1 document (DESIGN "Interfaces"): served as reviewed, covering
/// exactly the routes the router registers, and naming the same closed sets as the code.
/// `OpenAPIFlowTests` checks real replies against it.
@Suite("OpenAPI document")
struct OpenAPITests {
    static func conformance() throws -> OpenAPIConformance {
        try OpenAPIConformance(text: OpenAPIText.json)
    }

    @Test("the served document is exactly OpenAPIText.json and declares OpenAPI 3.1.0")
    func served() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let response = try await harness.client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let body = String(buffer: response.body)
            #expect(body == OpenAPIText.json)
            let document = try JSONValue.parse(body)
            #expect(document["openapi"] == .string("3.1.0"))
            #expect(document["info"]?["version"] == .string("1"))
        }
    }

    /// Whether registered route `route` ("METHOD /path", `**` a trailing wildcard) serves the
    /// documented operation `operation`.
    static func serves(_ route: String, _ operation: String) -> Bool {
        guard route.hasSuffix("/**") else { return route == operation }
        let prefix = route.dropLast(2)
        return operation.hasPrefix(prefix) && operation.count > prefix.count
    }

    @Test("every route under /api/v1, /healthz and /log is documented, and every documented operation is served")
    func routeCoverage() async throws {
        try await IdentityHarness.with(.sqlite) { harness in
            let routes = harness.services.routes.filter { route in
                let path = route.split(separator: " ")[1]
                return path == "/healthz" || path.hasPrefix("/api/") || path.hasPrefix("/log/")
            }
            let operations = try Self.conformance().operations
            #expect(routes.count >= 30, "the router's routes were found")
            for route in routes {
                #expect(operations.contains { Self.serves(route, $0) }, "undocumented route \(route)")
            }
            for operation in operations {
                #expect(routes.contains { Self.serves($0, operation) }, "documented but not served: \(operation)")
            }
        }
    }

    @Test("every operation has an id, tag, summary, description, security and responses; API ones cite requirements")
    func operationsAreDescribed() throws {
        let conformance = try Self.conformance()
        let requirement = try Regex("[A-Z]{2,5}-[0-9]+")
        var identifiers: Set<String> = []
        for operation in conformance.operations {
            let parts = operation.split(separator: " ").map(String.init)
            let object = try #require(conformance.operation(parts[0], template: parts[1]))
            let identifier = try #require(object["operationId"]?.string, "\(operation) has an operationId")
            #expect(identifiers.insert(identifier).inserted, "\(operation): operationId \(identifier) is unique")
            #expect(object["tags"]?.array?.isEmpty == false, "\(operation) has a tag")
            #expect(object["summary"]?.string?.isEmpty == false, "\(operation) has a summary")
            let description = object["description"]?.string ?? ""
            #expect(!description.isEmpty, "\(operation) has a description")
            #expect(object["security"]?.array != nil, "\(operation) states its security")
            #expect(object["responses"]?.object?.isEmpty == false, "\(operation) has responses")
            if parts[1].hasPrefix("/api/v1/"), parts[1] != "/api/v1/openapi.json" {
                #expect(description.contains(requirement), "\(operation) cites a requirement id")
            }
        }
    }

    @Test("every $ref in the document resolves")
    func referencesResolve() throws {
        let conformance = try Self.conformance()
        func walk(_ value: JSONValue, at path: String) {
            switch value {
            case .object(let members):
                if let reference = members["$ref"]?.string {
                    #expect(conformance.validator.resolve(reference) != nil, "\(path): \(reference)")
                }
                for (key, member) in members { walk(member, at: "\(path)/\(key)") }
            case .array(let elements):
                for (index, element) in elements.enumerated() { walk(element, at: "\(path)/\(index)") }
            default:
                break
            }
        }
        walk(conformance.document, at: "#")
    }

    /// The closed sets the code defines and the document's enums that must list them exactly.
    static let enumerations: [(pointer: String, values: Set<String>)] = [
        ("#/components/schemas/Role/enum", Set(Role.allCases.map(\.rawValue))),
        ("#/components/schemas/SignInStage/enum", Set(SignInStage.allCases.map(\.rawValue))),
        ("#/components/schemas/DeviceStatus/enum", Set(DeviceStatus.allCases.map(\.rawValue))),
        ("#/components/schemas/JobType/enum", IdentityInput.jobTypes),
        ("#/components/schemas/Language/enum", ["ja", "en"]),
        ("#/components/schemas/Account/properties/status/enum", Set(AccountStatus.allCases.map(\.rawValue))),
        ("#/components/schemas/Account/properties/disabledReason/enum", Set(DisableReason.allCases.map(\.rawValue))),
        ("#/components/schemas/Device/properties/ownership/enum", Set(DeviceOwnership.allCases.map(\.rawValue))),
        (
            "#/components/schemas/DeviceApproval/properties/ownership/enum",
            Set(DeviceOwnership.allCases.filter { $0 != .unknown }.map(\.rawValue))
        ),
        ("#/components/schemas/Session/properties/kind/enum", Set(SessionKind.allCases.map(\.rawValue))),
        ("#/components/schemas/QueueItem/properties/queue/enum", Set(QueueKind.allCases.map(\.rawValue))),
        ("#/components/schemas/QueueItem/properties/outcome/enum", Set(ReviewOutcome.allCases.map(\.rawValue))),
        ("#/components/schemas/SignOff/properties/outcome/enum", Set(ReviewOutcome.allCases.map(\.rawValue))),
        ("#/components/schemas/Health/properties/alerts/items/enum", Set(Alert.allCases.map(\.rawValue))),
        ("#/components/schemas/Error/properties/error/enum", Self.errorCodes),
        ("#/components/schemas/ChecklistStatus/enum", Set(ChecklistReport.Status.allCases.map(\.rawValue))),
        ("#/components/parameters/Registry/schema/enum", Set(RegistryID.allCases.map(\.rawValue))),
        ("#/components/parameters/ReviewTask/schema/enum", Set(AccessReviewTask.allCases.map(\.rawValue))),
        ("#/components/schemas/FlagRequest/properties/kind/enum", Set(PatientFlagKind.allCases.map(\.rawValue))),
        (
            "#/components/schemas/ChecklistRow/properties/confidence/enum",
            Set(ItemConfidence.allCases.map(\.rawValue))
        ),
    ]

    /// Every error code the server sends: each ``IdentityError`` case (every password rule and
    /// stage), each ``RecordError`` of its own (every lifecycle rule), and the codes
    /// `ErrorBodyMiddleware` gives Hummingbird's own refusals.
    static var errorCodes: Set<String> {
        let fixed: [IdentityError] = [
            .invalidCredentials, .secondFactorRejected, .tooManyRequests(retryAfterSeconds: 1), .setupUnavailable,
            .invalidInput("x"), .notSignedIn, .forbidden("x"), .reauthenticationRequired, .notFound("x"),
            .conflict("x"), .unavailable("x"),
        ]
        let errors =
            fixed + PasswordRefusal.allCases.map { .passwordRefused($0) }
            + SignInStage.allCases.map { .stageRequired($0) }
        let records: [RecordError] =
            [.invalidInput("x"), .unsupportedMedia("x"), .tooLarge(limitBytes: 1), .notYetIntegrated]
            + EntryRefusal.allCases.map { .refused($0) }
        return Set(errors.map(\.code)).union(records.map(\.code)).union(["content-too-large", "internal", "http-error"])
    }

    @Test("the document's enums list exactly the values the code defines", arguments: enumerations)
    func enumsMatchTheCode(pointer: String, values: Set<String>) throws {
        let listed = try #require(try Self.conformance().validator.resolve(pointer)?.array, "\(pointer) exists")
        let documented = Set(listed.compactMap(\.string))
        #expect(documented.count == listed.count, "\(pointer) lists strings, each once")
        #expect(documented.subtracting(values).isEmpty, "\(pointer) lists values the code lacks")
        #expect(values.subtracting(documented).isEmpty, "\(pointer) misses values the code has")
    }
}
