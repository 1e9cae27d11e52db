import Hummingbird
import KuraCore
import KuraStore

extension ComplianceAPI {
    /// The registries: their fields, their entries (incidents with the APPI deadlines), adding,
    /// changing at a version, and withdrawing.
    func registerRegistries(on group: RouterGroup<KuraRequestContext>) {
        group.get("compliance/registries") { request, _ in
            _ = try await http.allowed(request, .readCompliance, change: false)
            var registries: [RegistryReply] = []
            for registry in RegistryID.allCases {
                registries.append(
                    RegistryReply(registry, entries: try await compliance.service.entries(registry).count))
            }
            return JSONReply.make(RegistriesReply(registries: registries))
        }
        group.get("compliance/registries/{registry}") { request, context in
            _ = try await http.allowed(request, .readCompliance, change: false)
            let registry = try Self.registry(context)
            let withdrawn = request.uri.queryParameters.get("withdrawn") == "true"
            let entries = try await compliance.service.entries(registry, includingWithdrawn: withdrawn)
            return JSONReply.make(RegistryEntriesReply(entries: entries.map(RegistryEntryReply.init)))
        }
        group.post("compliance/registries/{registry}") { request, context in
            let auth = try await http.allowed(request, .manageCompliance, change: true)
            let body = try await StrictJSON.decode(RegistryEntryBody.self, request, context)
            let entry = try await compliance.service.save(
                try Self.registry(context), id: nil, expectedVersion: nil, values: body.values, by: auth)
            return JSONReply.make(RegistryEntryReply(entry), status: .created)
        }
        group.put("compliance/registries/{registry}/{id}") { request, context in
            let auth = try await http.allowed(request, .manageCompliance, change: true)
            let body = try await StrictJSON.decode(RegistryEntryBody.self, request, context)
            guard let version = body.version else { throw ComplianceError.invalid("version is required") }
            let entry = try await compliance.service.save(
                try Self.registry(context), id: try context.parameters.require("id"), expectedVersion: version,
                values: body.values, by: auth)
            return JSONReply.make(RegistryEntryReply(entry))
        }
        group.post("compliance/registries/{registry}/{id}/withdraw") { request, context in
            let auth = try await http.allowed(request, .manageCompliance, change: true)
            let body = try await StrictJSON.decode(WithdrawBody.self, request, context)
            let entry = try await compliance.service.withdraw(
                try Self.registry(context), id: try context.parameters.require("id"), expectedVersion: body.version,
                by: auth)
            return JSONReply.make(RegistryEntryReply(entry))
        }
    }

    /// The path's registry, or 404.
    static func registry(_ context: KuraRequestContext) throws -> RegistryID {
        guard let registry = context.parameters.get("registry").flatMap(RegistryID.init(rawValue:)) else {
            throw ComplianceError.notFound("registry")
        }
        return registry
    }
}

/// `POST`/`PUT` of a registry entry.
struct RegistryEntryBody: Codable {
    var values: [String: String]
    var version: Int64?
}

/// `POST …/withdraw`.
struct WithdrawBody: Codable {
    var version: Int64
}

/// The registries and their fields.
struct RegistriesReply: Encodable {
    var registries: [RegistryReply]
}

/// One registry: its id, names, fields and number of current entries.
struct RegistryReply: Encodable {
    struct Field: Encodable {
        var key: String
        var ja: String
        var en: String
        var type: String
        var choices: [String]?
        var maxLength: Int?
        var required: Bool
    }
    var id: String
    var ja: String
    var en: String
    var fields: [Field]
    var entries: Int

    init(_ registry: RegistryID, entries: Int) {
        id = registry.rawValue
        ja = registry.ja
        en = registry.en
        self.entries = entries
        fields = registry.fields.map { field in
            var reply = Field(
                key: field.key, ja: field.ja, en: field.en, type: "text", choices: nil, maxLength: nil,
                required: field.required)
            switch field.shape {
            case .text(let maxLength): reply.maxLength = maxLength
            case .date: reply.type = "date"
            case .dateTime: reply.type = "date-time"
            case .flag: reply.type = "flag"
            case .count: reply.type = "count"
            case .choice(let words):
                reply.type = "choice"
                reply.choices = words
            }
            return reply
        }
    }
}

/// A registry's entries.
struct RegistryEntriesReply: Encodable {
    var entries: [RegistryEntryReply]
}

/// One entry as the API shows it; an incident adds its APPI report deadlines (PRIV-2).
struct RegistryEntryReply: Encodable {
    struct Deadlines: Encodable {
        var preliminaryTarget: String
        var preliminaryLatest: String
        var finalReportDeadline: String
        var finalReportPeriodDays: Int
    }
    var id: String
    var registry: String
    var version: Int64
    var withdrawn: Bool
    var values: [String: String]
    var recordedAt: Int64
    var author: String
    var deadlines: Deadlines?

    init(_ entry: RegistryEntry) {
        id = entry.id
        registry = entry.registry.rawValue
        version = entry.version
        withdrawn = entry.withdrawn
        values = entry.values
        recordedAt = entry.recordedAt
        author = entry.author
        deadlines = entry.leakReportDeadlines.map { deadlines in
            Deadlines(
                preliminaryTarget: deadlines.preliminaryTarget.description,
                preliminaryLatest: deadlines.preliminaryLatest.description,
                finalReportDeadline: deadlines.finalReportDeadline.description,
                finalReportPeriodDays: deadlines.finalReportPeriod)
        }
    }
}

extension RegistryEntry {
    /// For an incident that needs reporting: the APPI deadlines from its discovery time (PRIV-2).
    /// Data under strong encryption is exempt, so no deadlines then.
    public var leakReportDeadlines: LeakReportDeadlines? {
        guard registry == .incidents, values["encrypted"] != "true",
            let discovered = values["discoveredAt"].flatMap(RegistryField.minute),
            let time = try? CanonicalTime(epochMilliseconds: discovered)
        else { return nil }
        return LeakReportDeadlines(discoveredAt: time, unlawfulIntentSuspected: values["unlawfulIntent"] == "true")
    }
}
