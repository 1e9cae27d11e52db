import Hummingbird
import KuraCore
import KuraStore
import NIOCore

/// The clinical part of the JSON API under `/api/v1` (described in `OpenAPIText`): patients,
/// care teams, lists, entries with their versions, approvals and proofs. Every answer holding
/// patient data is sent only after its audit event committed (AUD-1).
struct RecordAPI: Sendable {
    let http: IdentityHTTP
    let records: RecordService

    func register(on group: RouterGroup<KuraRequestContext>) {
        registerPatients(on: group)
        registerEntries(on: group)
        registerAttachments(on: group)
    }

    func registerPatients(on group: RouterGroup<KuraRequestContext>) {
        group.post("patients") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(RegisterPatientRequest.self, request, context)
            let registered = try await records.register(
                auth, demographics: body.demographics, careTeam: body.careTeam ?? [])
            return JSONReply.make(registered, status: .created)
        }
        group.post("patients/search") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(PatientQuery.self, request, context)
            return JSONReply.make(PatientsReply(patients: try await records.search(auth, body)))
        }
        group.get("patients/:patient") { request, context in
            let auth = try await http.authenticate(request).0
            let cursor = try Self.cursor(request)
            return JSONReply.make(
                try await records.chart(auth, patientID: try Self.id(context, "patient"), before: cursor))
        }
        group.put("patients/:patient") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(UpdatePatientRequest.self, request, context)
            return JSONReply.make(
                try await records.updatePatient(
                    auth, id: try Self.id(context, "patient"), demographics: body.demographics,
                    expectedRevision: body.revision))
        }
        group.post("patients/:patient/merge") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(MergeRequest.self, request, context)
            return JSONReply.make(
                try await records.merge(
                    auth, id: try Self.id(context, "patient"), into: body.into, reason: body.reason,
                    expectedRevision: body.revision))
        }
        group.post("patients/:patient/unmerge") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(UnmergeRequest.self, request, context)
            return JSONReply.make(
                try await records.unmerge(
                    auth, id: try Self.id(context, "patient"), reason: body.reason, expectedRevision: body.revision))
        }
        group.post("patients/:patient/care-team") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(CareTeamRequest.self, request, context)
            try await records.addToCareTeam(auth, patientID: try Self.id(context, "patient"), accountID: body.accountID)
            return JSONReply.noContent()
        }
        group.delete("patients/:patient/care-team/:account") { request, context in
            let auth = try await http.ready(request)
            try await records.removeFromCareTeam(
                auth, patientID: try Self.id(context, "patient"), accountID: try Self.id(context, "account"))
            return JSONReply.noContent()
        }
        group.put("patients/:patient/lists/:kind") { request, context in
            let auth = try await http.ready(request)
            guard let kind = PatientListKind(rawValue: try Self.id(context, "kind")) else {
                throw RecordError.invalidInput("kind: allergies, problems or medications")
            }
            let body = try await decode(PutListRequest.self, request, context)
            return JSONReply.make(
                try await records.putList(
                    auth, patientID: try Self.id(context, "patient"), kind: kind,
                    items: PatientListItems(items: body.items), expectedRevision: body.revision))
        }
    }

    func registerEntries(on group: RouterGroup<KuraRequestContext>) {
        group.post("patients/:patient/entries") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(NewEntryRequest.self, request, context)
            let entry = try await records.createEntry(
                auth, patientID: try Self.id(context, "patient"),
                NewEntry(
                    kind: body.kind, content: body.content, careAt: body.careAt, onBehalfOf: body.onBehalfOf,
                    finalize: body.finalize ?? false))
            return JSONReply.make(entry, status: .created)
        }
        group.get("entries/:entry") { request, context in
            let auth = try await http.authenticate(request).0
            return JSONReply.make(try await records.entry(auth, id: try Self.id(context, "entry")))
        }
        group.put("entries/:entry") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(EditEntryRequest.self, request, context)
            return try await change(auth, context, .edit(body.content), revision: body.revision)
        }
        group.post("entries/:entry/finalize") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(RevisionRequest.self, request, context)
            return try await change(auth, context, .finalize, revision: body.revision)
        }
        group.post("entries/:entry/amend") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(AmendRequest.self, request, context)
            return try await change(auth, context, .amend(body.content, reason: body.reason), revision: body.revision)
        }
        group.post("entries/:entry/entered-in-error") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(ReasonRequest.self, request, context)
            return try await change(auth, context, .enteredInError(reason: body.reason), revision: body.revision)
        }
        group.post("entries/:entry/approve") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(RevisionRequest.self, request, context)
            return try await change(auth, context, .approve, revision: body.revision)
        }
        group.post("entries/:entry/reject") { request, context in
            let auth = try await http.ready(request)
            let body = try await decode(ReasonRequest.self, request, context)
            return try await change(auth, context, .reject(reason: body.reason), revision: body.revision)
        }
        group.get("entries/:entry/versions") { request, context in
            let auth = try await http.authenticate(request).0
            return JSONReply.make(
                VersionsReply(versions: try await records.versions(auth, entryID: try Self.id(context, "entry"))))
        }
        group.get("entries/:entry/proof") { request, context in
            let auth = try await http.authenticate(request).0
            var version: Int64?
            if let text = request.uri.queryParameters["version"] {
                guard let number = Int64(text), number >= 1 else {
                    throw RecordError.invalidInput("version: a positive integer")
                }
                version = number
            }
            return JSONReply.make(
                try await records.proof(auth, entryID: try Self.id(context, "entry"), version: version))
        }
        group.get("retention/report") { request, _ in
            let auth = try await http.authenticate(request).0
            var date: CivilDate?
            if let text = request.uri.queryParameters["on"] {
                guard let parsed = try? CivilDate(parsing: text) else {
                    throw RecordError.invalidInput("on: a date as YYYY-MM-DD")
                }
                date = parsed
            }
            return JSONReply.make(try await records.retentionReport(auth, on: date))
        }
        group.get("approvals") { request, _ in
            let auth = try await http.authenticate(request).0
            return JSONReply.make(EntriesReply(entries: try await records.approvals(auth)))
        }
    }

    func change(
        _ auth: Authenticated, _ context: KuraRequestContext, _ change: EntryChange, revision: Int64
    ) async throws -> Response {
        JSONReply.make(
            try await records.changeEntry(auth, id: try Self.id(context, "entry"), change, expectedRevision: revision))
    }

    /// The body as `type`, strictly (unknown members refused), at most the context's upload size.
    func decode<T: Codable>(_ type: T.Type, _ request: Request, _ context: KuraRequestContext) async throws -> T {
        try await StrictJSON.decode(type, request, context)
    }

    /// A path parameter that must be an opaque id.
    static func id(_ context: KuraRequestContext, _ name: String) throws(RecordError) -> String {
        guard let value = context.parameters.get(name), StoreWrite.isOpaqueID(value) else {
            throw .notFound(name)
        }
        return value
    }

    /// The `beforeAt` and `beforeID` query parameters of a chart page, if given.
    static func cursor(_ request: Request) throws(RecordError) -> AuditCursor? {
        let at = request.uri.queryParameters["beforeAt"].map(String.init)
        let id = request.uri.queryParameters["beforeID"].map(String.init)
        switch (at, id) {
        case (nil, nil): return nil
        case (let at?, let id?):
            guard let time = Int64(at), StoreWrite.isOpaqueID(id) else {
                throw .invalidInput("beforeAt and beforeID: a time and an entry id")
            }
            return AuditCursor(at: time, id: id)
        default: throw .invalidInput("beforeAt and beforeID go together")
        }
    }
}
